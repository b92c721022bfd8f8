using System.Text;
using Assessment.Filing.Applications;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Publicity;

/// <summary>FIL-17 publicity of an application that passed technical evaluation, through a public notice.</summary>
public static class PublicityDecider
{
    public const string SubjectPrefix = "filing-application:";

    public static string SubjectReference(Guid applicationId) => SubjectPrefix + applicationId;

    public static Guid? ApplicationOf(string subjectReference) =>
        subjectReference.StartsWith(SubjectPrefix, StringComparison.Ordinal) && Guid.TryParse(subjectReference[SubjectPrefix.Length..], out var id)
            ? id : null;

    public static (PublicityStarted Started, OpenNotice Notice) Start(FilingApplication a, JurisdictionPolicy policy, PolicyCatalog catalog,
        WorkingDayCalendar calendar, StartPublicity c, LocalDate today, Instant now, Actor by)
    {
        if (a.Status != ApplicationStatus.EvaluationPassed)
            throw new BusinessRuleException(new RuleViolation("FIL-17", "publicity.not-ready", "只有通过技术评估的申请可以公示。"));
        var start = c.StartDate ?? today;
        if (start < today)
            throw new BusinessRuleException(new RuleViolation("FIL-17", "publicity.start-in-past", "公示开始日期不能早于今天。"));
        var window = NoticeWindow.Compute(NoticeKind.FilingPublicity, policy, calendar, start, c.WorkingDays);
        var noticeId = Guid.CreateVersion7();
        var authority = a.HandlingAuthority!;
        var notice = new OpenNotice(noticeId, NoticeKind.FilingPublicity, $"{a.OrganizationName}职业技能等级认定评价机构备案公示",
            Body(a, catalog, window), authority, policy.Id, policy.CalendarLayer, window.Start, window.End, window.Length, window.Unit,
            SubjectReference(a.Id), now, by);
        return (new PublicityStarted(a.Id, noticeId, window.Start, window.End, window.Length, now, by), notice);
    }

    private static string Body(FilingApplication a, PolicyCatalog catalog, Window window)
    {
        var text = new StringBuilder();
        text.AppendLine($"经材料受理、技术评估，{a.OrganizationName}拟备案为职业技能等级认定评价机构，现予公示。");
        text.AppendLine($"服务范围：{catalog.Get(a.Jurisdiction).Filing.Scopes.Single(s => s.Scope == a.Scope).Name}");
        text.AppendLine("拟备案职业（工种）及等级：");
        foreach (var o in a.Occupations)
            text.AppendLine($"  {o.Name}{(o.Code is null ? "" : $"（{o.Code}）")}："
                + $"{SkillLevel.FromNumber(o.LowestLevel).FullName}至{SkillLevel.FromNumber(o.HighestLevel).FullName}");
        if (a.Sites.Count > 0) text.AppendLine("评价站点：" + string.Join("；", a.Sites.Select(s => $"{s.Name}（{s.Address}）")));
        text.AppendLine($"公示期：{window.Start:yyyy-MM-dd}至{window.End:yyyy-MM-dd}（{window.Length}个工作日）。");
        text.Append("公示期间如有异议，请实名提出并留下联系方式；异议未处理完毕前暂缓备案。");
        return text.ToString();
    }

    /// <summary>Applies a report from the Notices module; stale or foreign reports yield nothing.</summary>
    public static PublicityProgressed? Progress(FilingApplication? a, NoticeStateChanged m, Instant now)
    {
        if (a is null || a.PublicityNoticeId != m.NoticeId || m.NoticeVersion <= a.PublicityNoticeVersion) return null;
        if (a.Status != ApplicationStatus.InPublicity) return null;
        return new PublicityProgressed(a.Id, m.NoticeId, m.NoticeVersion, m.Status, m.OpenObjections, m.UpheldObjections, now, Actor.System);
    }

    /// <summary>FIL-17/FIL-18: filing needs a closed publicity with no objection open or upheld.</summary>
    public static void EnsureClean(FilingApplication a, LocalDate today)
    {
        if (a.Status != ApplicationStatus.InPublicity)
            throw new BusinessRuleException(new RuleViolation("FIL-18", "filing.not-publicized", "须经公示且无异议后方可备案。"));
        var violations = new List<RuleViolation>();
        if (a.OpenObjections > 0)
            violations.Add(new("FIL-17", "publicity.objection-open", $"公示期间收到的{a.OpenObjections}件异议尚未处理，暂缓备案。"));
        if (a.UpheldObjections > 0)
            violations.Add(new("FIL-17", "publicity.objection-upheld", "公示异议成立，不予备案。"));
        if (a.PublicityStatus != NoticeStatus.Closed)
            violations.Add(today <= a.PublicityEnd
                ? new("FIL-17", "publicity.window-open", $"公示期至{a.PublicityEnd:yyyy-MM-dd}，期满后方可备案。")
                : new("FIL-17", "publicity.closing", "公示期已满，系统正在关闭公示，请稍后再试。"));
        if (violations.Count > 0) throw new BusinessRuleException(violations);
    }

    public static ApplicationRejected Reject(FilingApplication a, RejectApplication c, Instant now, Actor by)
    {
        if (a.Status != ApplicationStatus.InPublicity || a.UpheldObjections == 0)
            throw new BusinessRuleException(new RuleViolation("FIL-17", "publicity.no-upheld-objection",
                "只有公示异议成立的申请可以决定不予备案。"));
        return new ApplicationRejected(a.Id, "FIL-17", c.Reason.Trim(), now, by);
    }
}
