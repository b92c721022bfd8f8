using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Reporting;

public sealed record ReturnResultsReport(long Version, string Reason);

public static class ReturnResultsReportEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.ReturnReport, batch, caller);

    public static ProblemDetails Validate(ReturnResultsReport c) => FieldChecks.Reason(c.Reason, "reason", "请填写退回理由（不超过2000字）。");

    /// <summary>Return the results report with reasons; the organization corrects and submits again.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/batches/{batchId}/report/return", OperationId = BatchGuards.ReturnReport, Summary = "退回认定结果报备")]
    public static (BatchChange, Events) Post(ReturnResultsReport command, [Aggregate("batchId")] Batch batch, Instant now, Actor by) =>
        (BatchChange.After(batch), [ReportingDecider.Return(batch, command.Reason, now, by)]);
}
