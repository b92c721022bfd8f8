using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Scoring;

public sealed record RecordResults(long Version, IReadOnlyList<ResultEntry> Results);

/// <summary>What results are decided on: the organization's filings (BAT-06 needs one in force) and the batch's candidates.</summary>
public sealed record ResultsContext(IReadOnlyList<OrganizationFiling> Filings, Roster Roster);

public static class RecordResultsEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.RecordResults, batch, caller);

    public static ProblemDetails Validate(RecordResults c) =>
        c.Results.Count is 0 or > 50_000 ? Problems.Validation("results", "请提交1至50000名考生的成绩。") : WolverineContinue.NoProblems;

    public static async Task<ResultsContext> LoadAsync(Batch batch, IOrganizationFilings filings, IQuerySession session) =>
        new(await filings.OfOrganizationAsync(session, batch.OrganizationId), await session.RosterAsync(batch.Id));

    /// <summary>Enter or correct results per candidate and subject; a candidate passes when every subject reaches 60 (BAT-06).</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/results", OperationId = BatchGuards.RecordResults, Summary = "录入认定成绩")]
    public static (BatchChange, Events) Post(RecordResults command, [Aggregate("batchId")] Batch batch, ResultsContext context,
        PolicyCatalog catalog, Instant now, Actor by)
    {
        var entries = command.Results.Select((r, i) => (i + 1, r)).ToList();
        return (BatchChange.After(batch),
            [ResultsDecider.Record(batch, context.Roster, entries, context.Filings, catalog, now.Date(), null, now, by)]);
    }
}
