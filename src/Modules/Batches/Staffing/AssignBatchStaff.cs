using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Staffing;

/// <summary>One person of the roster in one role; <paramref name="DeclaredRelations"/> are identity numbers of candidates
/// the person trained or is related to (BAT-05).</summary>
public sealed record StaffPick(Guid StaffId, StaffRole Role, IReadOnlyList<string>? DeclaredRelations = null);

public sealed record AssignBatchStaff(long Version, IReadOnlyList<StaffPick> Staff);

/// <summary>What staffing is decided on: the picked people from the organization's staff list, and the batch's candidates (BAT-05).</summary>
public sealed record StaffingInputs(IReadOnlyList<StaffMember> Members, Candidates.Roster Candidates);

public static class AssignBatchStaffEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.AssignStaff, batch, caller);

    public static ProblemDetails Validate(AssignBatchStaff c)
    {
        if (c.Staff.Count > 500) return Problems.Validation("staff", "一个批次最多安排500名工作人员。");
        if (c.Staff.GroupBy(s => (s.StaffId, s.Role)).Any(g => g.Count() > 1)) return Problems.Validation("staff", "同一人员的同一岗位重复。");
        return c.Staff.Any(s => s.DeclaredRelations is { Count: > 1000 }) ? Problems.Validation("staff", "申报关系过多。") : WolverineContinue.NoProblems;
    }

    public static async Task<StaffingInputs> LoadAsync(AssignBatchStaff c, Batch batch, IQuerySession session)
    {
        var ids = c.Staff.Select(s => s.StaffId).Distinct().ToArray();
        return new(await session.Query<StaffMember>().Where(s => ids.Contains(s.Id)).ToListAsync(), await session.RosterAsync(batch.Id));
    }

    /// <summary>Staff the batch from the organization's roster; BAT-05 separation and recusal are checked at once and at filing.</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePut("/api/batches/{batchId}/staff", OperationId = BatchGuards.AssignStaff, Summary = "安排考务人员")]
    public static (BatchChange, Events) Put(AssignBatchStaff command, [Aggregate("batchId")] Batch batch, StaffingInputs inputs,
        Instant now, Actor by) =>
        (BatchChange.After(batch), [StaffingDecider.Assign(batch, command, inputs, now, by)]);
}
