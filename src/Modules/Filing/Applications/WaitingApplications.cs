using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Identity;
using Marten;

namespace Assessment.Filing.Applications;

/// <summary>
/// The Filing module's part of the workbench: the applications the list's "awaiting me" finds (its query form), kept when the
/// guard table lets the caller take a step on them now — an application whose experts still score or whose publicity still runs
/// waits for someone else, not for the reviewer.
/// </summary>
public sealed class WaitingApplications(ApplicationViews views) : IWaitingItems
{
    public async Task<IReadOnlyList<WaitingItem>> ForAsync(AccessContext caller, IQuerySession session, int limit, CancellationToken ct = default)
    {
        if (!caller.User.HasScope(ScopePolicies.FilingRead[ScopePolicies.Prefix.Length..])) return [];
        var query = QueryApplicationsEndpoint.AwaitingCaller(session.Query<FilingApplication>(), caller.User);
        var found = await query.OrderBy(a => a.AcceptanceDeadline).ThenBy(a => a.DraftedAt).Take(limit).ToListAsync(ct);
        return found.Select(a => (Application: a, Actions: ApplicationGuards.Table.Actions(a, caller)))
            .Where(x => x.Actions.Count > 0)
            .Select(x => Item(x.Application, x.Actions, caller))
            .ToList();
    }

    private WaitingItem Item(FilingApplication a, IReadOnlyList<string> actions, AccessContext caller)
    {
        var deadline = views.Deadline(a);
        var title = caller.User.OrganizationId is null
            ? $"{a.OrganizationName}·{ApplicationNames.Kind(a.Kind)}"
            : $"{ApplicationNames.Kind(a.Kind)}（{ApplicationNames.Status(a.Status)}）";
        return new WaitingItem(a.Status == ApplicationStatus.Returned ? WaitingKinds.ReturnedApplication : WaitingKinds.FilingApplication,
            a.Id, title, $"/applications/{a.Id}", Expected(a, actions), deadline?.DueOn, deadline?.RuleId, a.Jurisdiction, a.DraftedAt);
    }

    /// <summary>The step expected of the caller, from the first deciding operation the guard table offers.</summary>
    private static string Expected(FilingApplication a, IReadOnlyList<string> actions) => actions switch
    {
        _ when a.Status == ApplicationStatus.Returned => "按退回意见补正后重新提交",
        _ when actions.Contains(ApplicationGuards.Submit) => "填写申请并提交",
        _ when actions.Contains(ApplicationGuards.Attach) => "补交承诺后补的材料",
        _ when actions.Contains(ApplicationGuards.Score) => "评估打分",
        _ when actions.Contains(ApplicationGuards.Forward) => "初审并转报",
        _ when actions.Contains(ApplicationGuards.Accept) => "受理或退回补正",
        _ when actions.Contains(ApplicationGuards.AssignExperts) => "指派评估专家",
        _ when actions.Contains(ApplicationGuards.Conclude) => "作出技术评估结论",
        _ when actions.Contains(ApplicationGuards.StartPublicity) => "发起备案公示",
        _ when actions.Contains(ApplicationGuards.Reject) => "公示异议成立，决定是否不予备案",
        _ when actions.Contains(ApplicationGuards.Grant) => "公示期满无异议，准予备案",
        _ => "办理",
    };
}
