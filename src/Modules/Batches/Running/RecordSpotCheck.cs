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

/// <summary>BAT-04: an inspector's record of one key step; <paramref name="Suspend"/> stops the batch with the findings as reason.</summary>
public sealed record RecordSpotCheck(long Version, string Step, LocalDateTime CheckedAt, string Findings, bool Suspend);

public static class RecordSpotCheckEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.SpotCheck, batch, caller);

    public static ProblemDetails Validate(RecordSpotCheck c)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(c.Step) || c.Step.Length > 100) errors["step"] = ["请填写抽查的环节（不超过100字）。"];
        if (string.IsNullOrWhiteSpace(c.Findings) || c.Findings.Length > 2000) errors["findings"] = ["请填写抽查情况（不超过2000字）。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>Record a spot check (BAT-04); a finding may suspend the batch.</summary>
    [Authorize(Roles = $"{Roles.Inspector},{Roles.Reviewer}")]
    [WolverinePost("/api/batches/{batchId}/spot-checks", OperationId = BatchGuards.SpotCheck, Summary = "记录督查抽查")]
    public static (BatchChange, Events) Post(RecordSpotCheck command, [Aggregate("batchId")] Batch batch, Instant now, Actor by)
    {
        var events = RunningDecider.SpotCheck(batch, command, Guid.CreateVersion7(), now, by).ToList();
        return (BatchChange.After(batch, events.Count), new Events(events));
    }
}
