using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Candidates;

public static class GetBatchCandidateEndpoint
{
    /// <summary>
    /// One candidate of a batch in full — name, identity number, phone — for those the personal-data rule allows (BAT-09: the
    /// organization, the receiving authority, auditors); the roster shows everyone masked data. AUD-04: the request states its
    /// purpose in <c>X-Read-Purpose</c> (400 without) and the read is recorded.
    /// </summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}/candidates/{candidateId}", OperationId = BatchGuards.GetCandidate, Summary = "查看考生个人信息")]
    [ProducesResponseType<CandidateView>(200)]
    public static async Task<IResult> Get(Guid batchId, Guid candidateId, AccessContext caller, IQuerySession session, PersonalDataReads reads,
        HttpRequest request, CancellationToken ct)
    {
        var batch = await session.LoadAsync<Batch>(batchId, ct);
        if (BatchGuards.Table.Denies(BatchGuards.GetCandidate, batch, caller, out var denied)) return denied;
        if (await session.CandidateAsync(batchId, candidateId, ct) is not { } entry) return Results.Problem(Problems.NotFound("考生"));
        var (view, problem) = await reads.RevealAsync(caller, request, batch.Holder(), BatchGuards.GetCandidate, "查看考生个人信息",
            PersonalFields.Candidate, batch.Scope(entry.Candidate), ct);
        return problem is not null ? Results.Problem(problem) : Results.Ok(BatchViews.Candidate(batch, entry, view));
    }
}
