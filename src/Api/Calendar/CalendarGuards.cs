using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Calendar;

/// <summary>
/// Who may load a year into a calendar layer (loadCalendarYear): administrators every layer; a regional layer (广西三月三) also
/// the reviewers of the root authority of a jurisdiction whose calendar it is (自治区人社厅审核人员). Anyone else: 403.
/// </summary>
public static class CalendarGuards
{
    public static bool MayLoad(Actor by, CalendarLayer layer, PolicyCatalog catalog) =>
        by.Role == Roles.Administrator
        || (by.Role == Roles.Reviewer && layer.IsRegional && by.AuthorityCode is { } code
            && catalog.All.Any(p => p.CalendarLayer == layer.Id && p.RootAuthority == code));

    /// <summary>The 403 for a caller who may not load <paramref name="layer"/>; null when they may.</summary>
    public static ProblemDetails? Load(Actor by, CalendarLayer layer, PolicyCatalog catalog) => MayLoad(by, layer, catalog)
        ? null
        : Problems.Forbidden(layer.IsRegional
            ? $"只有系统管理员或{layer.LoadedBy ?? "本地区人社部门审核人员"}可以载入“{layer.Name}”的节假日安排。"
            : $"只有系统管理员可以载入“{layer.Name}”的节假日安排。");
}
