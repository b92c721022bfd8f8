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

/// <summary>BAT-04: send inspector <paramref name="InspectorId"/> to <paramref name="Step"/> (e.g. 理论知识考试) on <paramref name="On"/>.</summary>
public sealed record DispatchInspector(long Version, Guid InspectorId, string Step, LocalDate On);

public static class DispatchInspectorEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.DispatchInspector, batch, caller);

    public static ProblemDetails Validate(DispatchInspector c) =>
        string.IsNullOrWhiteSpace(c.Step) || c.Step.Length > 100 ? Problems.Validation("step", "请填写督查的环节（不超过100字）。") : WolverineContinue.NoProblems;

    public static Task<AccountSummary?> LoadAsync(DispatchInspector c, IAccountDirectory accounts) => accounts.FindActiveAsync(c.InspectorId);

    /// <summary>Dispatch an inspector of the area to a key step of the batch (BAT-04); the inspector finds it in its list.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/batches/{batchId}/inspectors", OperationId = BatchGuards.DispatchInspector, Summary = "选派督查员")]
    public static (BatchChange, Events) Post(DispatchInspector command, [Aggregate("batchId")] Batch batch, AccountSummary? inspector,
        AccessControl access, Instant now, Actor by) =>
        (BatchChange.After(batch), [RunningDecider.Dispatch(batch, command, inspector, access, now, by)]);
}
