using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Candidates;

/// <summary>One candidate; <paramref name="DocumentType"/> is a 附件5 code (201 居民身份证 …) and <paramref name="Level"/> 1–5.</summary>
public sealed record AddCandidate(long Version, string Name, int DocumentType, string DocumentNumber, string Employer, string Occupation, int Level,
    string City, string? Phone = null);

public static class AddCandidateEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.AddCandidate, batch, caller);

    public static Task<TakenDocuments> LoadAsync(AddCandidate c, Batch batch, IQuerySession session) =>
        CandidateRows.TakenAsync(session, batch, [c.DocumentNumber]);

    /// <summary>Enter one candidate (BAT-09 checks; a refused candidate answers 422 with the row's errors).</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/candidates", OperationId = BatchGuards.AddCandidate, Summary = "录入考生")]
    public static (BatchChange, Events) Post(AddCandidate c, [Aggregate("batchId")] Batch batch, TakenDocuments taken,
        Instant now, Actor by)
    {
        var input = new CandidateInput(c.Name, c.DocumentType.ToString(System.Globalization.CultureInfo.InvariantCulture), c.DocumentNumber,
            c.Employer,
            c.Occupation, c.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Phone, c.City);
        return (BatchChange.After(batch), [CandidatesDecider.Add(batch, [(1, input)], taken, null, now, by)]);
    }
}
