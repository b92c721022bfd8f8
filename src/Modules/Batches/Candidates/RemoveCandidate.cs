using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
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
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.RemoveCandidate, batch, caller);

    /// <summary>Take a candidate off a draft batch.</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/candidates/{candidateId}/remove", OperationId = BatchGuards.RemoveCandidate, Summary = "移除考生")]
    public static (BatchChange, Events) Post(RemoveCandidate c, Guid candidateId, [Aggregate("batchId")] Batch batch, Instant now, Actor by) =>
        (BatchChange.After(batch), [CandidatesDecider.Remove(batch, candidateId, now, by)]);
}
