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

namespace Assessment.Batches.Reporting;

public sealed record SubmitResultsReport(long Version);

public static class SubmitResultsReportEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.SubmitReport, batch, caller);

    /// <summary>Submit the results report — 附件4 and 附件5 as GET …/report/summary and …/report/certificates build them —
    /// after a publicity without objection (BAT-07); a report after the deadline is accepted and marked late.</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/report", OperationId = BatchGuards.SubmitReport, Summary = "报备认定结果")]
    public static (BatchChange, Events) Post(SubmitResultsReport command, [Aggregate("batchId")] Batch batch, Instant now, Actor by) =>
        (BatchChange.After(batch), [ReportingDecider.Submit(batch, now, by)]);
}
