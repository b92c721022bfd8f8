using System.Security.Claims;
using Assessment.Batches.Batches;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Candidates;

public sealed record RemoveCandidate(long Version);

public static class RemoveCandidateEndpoint
{
    public static ProblemDetails Before(Batch batch, ClaimsPrincipal principal, AccessControl access) => BatchAccess.OwnerOnly(batch, principal, access);

    /// <summary>Take a candidate off a draft batch.</summary>
    [Authorize(Roles = BatchAccess.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/candidates/{candidateId}/remove", OperationId = "removeBatchCandidate", Summary = "移除考生")]
    public static (BatchChange, Events) Post(RemoveCandidate c, Guid candidateId, [Aggregate("batchId")] Batch batch, Instant now, Actor by) =>
        (BatchChange.After(batch), [CandidatesDecider.Remove(batch, candidateId, now, by)]);
}
