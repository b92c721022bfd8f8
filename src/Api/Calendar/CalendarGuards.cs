using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;

namespace Assessment.Api.Calendar;

/// <summary>A calendar layer with the root authorities of the jurisdictions whose calendar it is (who may load a regional layer).</summary>
public sealed record CalendarLayerAccess(CalendarLayer Layer, IReadOnlySet<string> RootAuthorities)
{
    public static CalendarLayerAccess Of(CalendarLayer layer, PolicyCatalog catalog) =>
        new(layer, catalog.All.Where(p => p.CalendarLayer == layer.Id).Select(p => p.RootAuthority).ToHashSet());
}

/// <summary>
/// Who may load a year into a calendar layer (loadCalendarYear): administrators every layer; a regional layer (广西三月三) also
/// the reviewers of the root authority of a jurisdiction whose calendar it is (自治区人社厅审核人员). Layers are public.
/// </summary>
public static class CalendarGuards
{
    public const string LoadYear = "loadCalendarYear";

    public static readonly GuardTable<CalendarLayerAccess> Table = new GuardTable<CalendarLayerAccess>("日历层", (_, _) => true)
        .Operation(LoadYear, MayLoad,
            "只有系统管理员可以载入全国节假日安排；地方节假日安排也可由该地区的自治区人社厅审核人员（本地区人社部门审核人员）载入。");

    private static bool MayLoad(CalendarLayerAccess l, AccessContext c) =>
        c.User.Role == Roles.Administrator
        || (c.User.Role == Roles.Reviewer && l.Layer.IsRegional && c.User.AuthorityCode is { } code && l.RootAuthorities.Contains(code));
}
