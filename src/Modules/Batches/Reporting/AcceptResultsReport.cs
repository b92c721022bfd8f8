using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Marten;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Reporting;

public sealed record AcceptResultsReport(long Version, string Opinion);

public static class AcceptResultsReportEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.AcceptReport, batch, caller);

    public static ProblemDetails Validate(AcceptResultsReport c) => FieldChecks.Reason(c.Opinion, "opinion", "请填写审核意见（不超过2000字）。");

    /// <summary>The candidates: those who passed go to the Certificates module with their photos.</summary>
    public static Task<Roster> LoadAsync(Batch batch, IQuerySession session) => session.RosterAsync(batch.Id);

    /// <summary>Accept the results report (BAT-07): the Certificates module is told (BatchResultsAccepted) and the filing
    /// records that the organization certified (FIL-13).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/batches/{batchId}/report/accept", OperationId = BatchGuards.AcceptReport, Summary = "审核通过认定结果")]
    public static (BatchChange, Events, OutgoingMessages) Post(AcceptResultsReport command, [Aggregate("batchId")] Batch batch, Roster roster,
        Instant now, Actor by)
    {
        var (accepted, contract, runs) = ReportingDecider.Accept(batch, roster, command.Opinion, now, by);
        var messages = new OutgoingMessages { contract };
        messages.AddRange(runs);
        return (BatchChange.After(batch), [accepted], messages);
    }
}
