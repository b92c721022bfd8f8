using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Drafting;

public sealed record ChangeApplicationDetails(
    long Version, IReadOnlyList<OccupationLine> Occupations, int ConsecutiveYears, int CumulativePersonTimes,
    bool SubsidizedTraining, IReadOnlyList<string>? Preferences = null, IReadOnlyList<EvaluationSite>? Sites = null);

public static class ChangeApplicationDetailsEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Change, application, caller);

    public static ProblemDetails Validate(ChangeApplicationDetails command)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.ConsecutiveYears is < 0 or > 100) errors["consecutiveYears"] = ["连续培训评价年限应为0至100。"];
        if (command.CumulativePersonTimes is < 0 or > 100_000_000) errors["cumulativePersonTimes"] = ["累计人次应为非负整数。"];
        var lines = command.Occupations ?? [];
        if (lines.Count > 50) errors["occupations"] = ["一次申请的职业（工种）不超过50个。"];
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var at = $"occupations[{i}]";
            if (string.IsNullOrWhiteSpace(l.Name) || l.Name.Length > 100) errors[$"{at}.name"] = ["请填写职业（工种）名称。"];
            if (l.Code is not null && !OccupationCode.TryParse(l.Code, out _)) errors[$"{at}.code"] = [$"职业编码“{l.Code}”格式不正确，应形如4-12-01-01。"];
            if (l.HighestLevel is < 1 or > 5 || l.LowestLevel is < 1 or > 5 || l.HighestLevel > l.LowestLevel)
                errors[$"{at}.levels"] = ["等级范围应在一级（1）至五级（5）之间，且最高等级不低于最低等级。"];
            if (l.PersonTimes < 0) errors[$"{at}.personTimes"] = ["已培训评价人数不能为负。"];
        }
        if (lines.Select(l => l.Name.Trim()).Distinct().Count() != lines.Count) errors["occupations"] = ["同一职业（工种）不能重复填写。"];
        var sites = command.Sites ?? [];
        if (sites.Count > 50) errors["sites"] = ["评价站点不超过50个。"];
        for (var i = 0; i < sites.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(sites[i].Name) || sites[i].Name.Length > 100) errors[$"sites[{i}].name"] = ["请填写站点名称（不超过100字）。"];
            if (string.IsNullOrWhiteSpace(sites[i].Address) || sites[i].Address.Length > 200) errors[$"sites[{i}].address"] = ["请填写站点地址（不超过200字）。"];
        }
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>Change what the draft applies for: occupations and levels (FIL-11), experience (FIL-06), sites, preferences (FIL-09).</summary>
    [Authorize(Roles = Roles.Organization)]
    [WolverinePut("/api/filing/applications/{applicationId}", OperationId = ApplicationGuards.Change, Summary = "修改备案申请内容")]
    public static (UpdatedAggregate, Events) Put(ChangeApplicationDetails command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [DraftingDecider.Change(application, command, now, by)]);
}
