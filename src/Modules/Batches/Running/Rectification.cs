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

namespace Assessment.Batches.Running;

/// <summary>The organization's rectification report (整改报告) of a suspended batch.</summary>
public sealed record SubmitBatchRectification(long Version, string Report);

public static class SubmitBatchRectificationEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) =>
        BatchGuards.Table.Check(BatchGuards.SubmitRectification, batch, caller);

    public static ProblemDetails Validate(SubmitBatchRectification c) =>
        FieldChecks.Reason(c.Report, "report", "请填写整改报告：针对暂停原因做了哪些整改（不超过2000字）。");

    /// <summary>Report the rectification of a suspended batch and ask the receiving authority to resume it (BAT-04).</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/rectification", OperationId = BatchGuards.SubmitRectification, Summary = "提交整改报告并申请恢复")]
    public static (BatchChange, Events) Post(SubmitBatchRectification command, [Aggregate("batchId")] Batch batch, Instant now, Actor by) =>
        (BatchChange.After(batch), [RunningDecider.SubmitRectification(batch, command.Report, now, by)]);
}

/// <summary>The receiving authority returns a rectification it finds insufficient.</summary>
public sealed record ReturnBatchRectification(long Version, string Reason);

public static class ReturnBatchRectificationEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) =>
        BatchGuards.Table.Check(BatchGuards.ReturnRectification, batch, caller);

    public static ProblemDetails Validate(ReturnBatchRectification c) =>
        FieldChecks.Reason(c.Reason, "reason", "请填写退回整改的理由（不超过2000字）。");

    /// <summary>Return the rectification report: the batch stays suspended and the organization reports again (BAT-04).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/batches/{batchId}/rectification/return", OperationId = BatchGuards.ReturnRectification, Summary = "退回整改报告")]
    public static (BatchChange, Events) Post(ReturnBatchRectification command, [Aggregate("batchId")] Batch batch, Instant now, Actor by) =>
        (BatchChange.After(batch), [RunningDecider.ReturnRectification(batch, command.Reason, now, by)]);
}
