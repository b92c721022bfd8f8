using Assessment.Batches.Batches;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Assessment.SharedKernel.Calendar;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Planning;

/// <summary>The plan (BAT-01): occupations and levels, subjects, exam days, sites and the fee per candidate (BAT-10).</summary>
public sealed record ChangeBatchPlan(long Version, string Title, IReadOnlyList<PlannedOccupation> Occupations, IReadOnlyList<string> Subjects,
    IReadOnlyList<LocalDate> ExamDays, IReadOnlyList<BatchSite> Sites, decimal FeePerCandidate, string? FeeStandard);

public static class ChangeBatchPlanEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.ChangePlan, batch, caller);

    public static ProblemDetails Validate(ChangeBatchPlan c, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(c.Title) || c.Title.Trim().Length > 100) errors["title"] = ["请填写批次名称（不超过100字）。"];
        if (c.Occupations.Count > 50) errors["occupations"] = ["一个批次最多50个职业（工种）等级。"];
        for (var i = 0; i < c.Occupations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(c.Occupations[i].Name) || c.Occupations[i].Name.Length > 100)
                errors[$"occupations[{i}].name"] = ["请填写职业（工种）名称。"];
            if (c.Occupations[i].Level is < 1 or > 5) errors[$"occupations[{i}].level"] = ["等级应为1（一级/高级技师）至5（五级/初级工）。"];
        }
        if (c.Occupations.GroupBy(o => (o.Name?.Trim(), o.Level)).Any(g => g.Count() > 1)) errors["occupations"] = ["同一职业（工种）等级重复。"];
        var unknown = c.Subjects.Where(s => !BatchSubjects.All.Contains(s)).ToList();
        if (unknown.Count > 0) errors["subjects"] = [$"认定科目应为{string.Join("、", BatchSubjects.All)}之一。"];
        if (c.ExamDays.Count > 31) errors["examDays"] = ["一个批次的认定日期最多31天。"];
        if (c.Sites.Count > 20) errors["sites"] = ["一个批次最多20个考点。"];
        for (var i = 0; i < c.Sites.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(c.Sites[i].Name) || c.Sites[i].Name.Length > 100) errors[$"sites[{i}].name"] = ["请填写考点名称（不超过100字）。"];
            if (string.IsNullOrWhiteSpace(c.Sites[i].Address) || c.Sites[i].Address.Length > 200)
                errors[$"sites[{i}].address"] = ["请填写考点地址（不超过200字）。"];
            if (!catalog.IsKnownArea(c.Sites[i].AreaCode)) errors[$"sites[{i}].areaCode"] = ["请选择考点所在的市或县（区）。"];
        }
        if (c.FeePerCandidate is < 0 or > 100_000) errors["feePerCandidate"] = ["收费标准应为0至100000元。"];
        if (c.FeeStandard is { Length: > 200 }) errors["feeStandard"] = ["收费依据不超过200字。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    public static async Task<OrganizationFiling?> LoadAsync(Batch batch, IOrganizationFilings filings, IQuerySession session) =>
        (await filings.OfOrganizationAsync(session, batch.OrganizationId)).FirstOrDefault(f => f.FilingId == batch.FilingId);

    /// <summary>Change the plan of a draft batch; eligibility is checked when it is filed.</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePut("/api/batches/{batchId}", OperationId = BatchGuards.ChangePlan, Summary = "修改认定计划")]
    public static (BatchChange, Events, OutgoingMessages) Put(ChangeBatchPlan command, [Aggregate("batchId")] Batch batch, OrganizationFiling? filing,
        PolicyCatalog catalog, IWorkingDayCalendar calendar, Instant now, Actor by)
    {
        var changed = PlanningDecider.Change(batch, command, filing, now, by);
        var messages = new OutgoingMessages();
        if (PlanningDecider.DeadlineCheck(batch, changed, filing, catalog, calendar.Current)?.Scheduled(now) is { } check) messages.Add(check);
        return (BatchChange.After(batch), [changed], messages);
    }
}
