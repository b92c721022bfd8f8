using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
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
    bool SubsidizedTraining, IReadOnlyList<string>? Preferences = null, IReadOnlyList<EvaluationSite>? Sites = null,
    IReadOnlyList<EvaluatedPopulation>? EvaluatedPopulations = null, string? MainBusiness = null, IReadOnlyList<SchoolMajor>? Majors = null);

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
            if (l.Mapping is { } m && (string.IsNullOrWhiteSpace(m.RequestedName) || m.RequestedName.Length > 100))
                errors[$"{at}.mapping.requestedName"] = ["请填写本企业的职业（工种）名称（不超过100字）。"];
            if (l.Mapping is { } r && (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 500))
                errors[$"{at}.mapping.reason"] = ["请说明按相邻近原则对应该职业（工种）的理由（不超过500字）。"];
        }
        if (command.MainBusiness is { Length: > 500 }) errors["mainBusiness"] = ["生产经营主业不超过500字。"];
        var majors = command.Majors ?? [];
        if (majors.Count > 50) errors["majors"] = ["专业不超过50个。"];
        for (var i = 0; i < majors.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(majors[i].Name) || majors[i].Name.Length > 100) errors[$"majors[{i}].name"] = ["请填写专业名称（不超过100字）。"];
            var covered = majors[i].Occupations ?? [];
            if (covered.Count is 0 or > 50 || covered.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 100))
                errors[$"majors[{i}].occupations"] = ["请填写该专业对应的职业（工种）（1至50个）。"];
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

    /// <summary>
    /// Change what the draft applies for: occupations and levels (FIL-11), experience (FIL-06), sites, preferences (FIL-09),
    /// whom it evaluates and its main business (FIL-02), a school's majors (FIL-03).
    /// </summary>
    [Authorize(Roles = Roles.Organization)]
    [WolverinePut("/api/filing/applications/{applicationId}", OperationId = ApplicationGuards.Change, Summary = "修改备案申请内容")]
    public static (UpdatedAggregate, Events) Put(ChangeApplicationDetails command, [Aggregate("applicationId")] FilingApplication application,
        PolicyCatalog policies, Instant now, Actor by) =>
        (new UpdatedAggregate(), [DraftingDecider.Change(application, command, policies.Get(application.Jurisdiction), now, by)]);
}
