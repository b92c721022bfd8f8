using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.Batches.Staffing;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Assessment.SharedKernel;
using NodaTime;

namespace Assessment.Batches.Planning;

public sealed record PlannedOccupation(string Name, int Level);

/// <summary>What filing a plan is decided on: the organization's filings, today, and the calendars.</summary>
public sealed record PlanContext(IReadOnlyList<OrganizationFiling> Filings, PolicyCatalog Catalog, WorkingDayCalendar Calendar, LocalDate Today);

/// <summary>Drafting, changing and filing a batch plan (BAT-01, BAT-02, BAT-03, BAT-05, BAT-10).</summary>
public static class PlanningDecider
{
    public static BatchDrafted Draft(Guid id, Guid filingId, string title, OrganizationFiling? filing, Instant now, Actor by)
    {
        if (filing is null || filing.OrganizationId != by.OrganizationId)
            throw new BusinessRuleException(new RuleViolation("BAT-03", "batch.filing-unknown", "只能依据本机构的备案组织认定。"));
        if (filing.Status != FilingState.Active)
            throw new BusinessRuleException(new RuleViolation("BAT-03", "batch.filing-not-active",
                $"备案{filing.FilingNumber}当前{Eligibility.StateName(filing.Status)}，不得组织认定。"));
        return new BatchDrafted(id, filing.OrganizationId, filing.OrganizationName, filingId, filing.FilingNumber, filing.Jurisdiction,
            filing.AreaCode, title.Trim(), now, by);
    }

    public static BatchPlanChanged Change(Batch batch, ChangeBatchPlan c, OrganizationFiling? filing, Instant now, Actor by)
    {
        RequireDraft(batch);
        var occupations = c.Occupations.Select(o =>
        {
            var filed = filing?.Occupations.FirstOrDefault(f => f.Name == o.Name.Trim() || f.Key == o.Name.Trim());
            return new BatchOccupation(filed?.Key ?? o.Name.Trim(), filed?.Name ?? o.Name.Trim(), filed?.Code, o.Level);
        }).ToList();
        return new BatchPlanChanged(batch.Id, c.Title.Trim(), occupations, c.Subjects.Distinct().ToList(), c.ExamDays.Distinct().Order().ToList(),
            c.Sites.Select(s => s with { Name = s.Name.Trim(), Address = s.Address.Trim() }).ToList(), c.FeePerCandidate,
            string.IsNullOrWhiteSpace(c.FeeStandard) ? null : c.FeeStandard.Trim(), now, by);
    }

    /// <summary>Who receives the plan (BAT-01): the city of the sites, or the authority that granted the filing.</summary>
    public static string Receiver(Batch batch, OrganizationFiling filing, PolicyCatalog catalog) =>
        catalog.Get(batch.Jurisdiction).Batches.PlanReceivedBy == PlanReceivers.SiteCity && batch.Sites.Count > 0
            ? Eligibility.CityOf(batch.Sites[0].AreaCode, catalog)
            : filing.GrantingAuthority;

    /// <summary>
    /// The last day the plan may reach the authority, when the policy sets a lead time (BAT-01 or BAT-02): the one definition of
    /// "N working days before the first exam day", <see cref="WorkingDayCalendar.WorkingDaysBefore"/> on the receiver's calendar —
    /// always a working day, and a plan filed on it or before is in time.
    /// </summary>
    public static (LocalDate Deadline, int Lead, string RuleId)? LeadDeadline(Batch batch, string receiver, PlanContext context)
    {
        var policy = context.Catalog.Get(batch.Jurisdiction).Batches;
        var (lead, rule) = policy.PlanFilingLeadWorkingDays is { } p ? (p, "BAT-01")
            : policy.AnnouncementLeadWorkingDays is { } a ? (a, "BAT-02") : (0, "");
        if (lead == 0 || batch.FirstExamDay is not { } first) return null;
        var layer = context.Catalog.PolicyForArea(receiver).CalendarLayer;
        return (context.Calendar.WorkingDaysBefore(layer, first, lead), lead, rule);
    }

    /// <summary>The BAT-01/02 deadline of a changed plan, to flag a plan still in draft after it; null without a lead time.</summary>
    public static PlanDeadlineCheck? DeadlineCheck(Batch batch, BatchPlanChanged changed, OrganizationFiling? filing, PolicyCatalog catalog,
        WorkingDayCalendar calendar)
    {
        if (filing is null || changed.ExamDays.Count == 0 || changed.Sites.Count == 0) return null;
        var planned = new Batch
        {
            Id = batch.Id, Jurisdiction = batch.Jurisdiction, ExamDays = changed.ExamDays.Order().ToList(), Sites = changed.Sites.ToList(),
        };
        try
        {
            var lead = LeadDeadline(planned, Receiver(planned, filing, catalog),
                new PlanContext([filing], catalog, calendar, changed.ChangedAt.Date()));
            return lead is { } l ? new PlanDeadlineCheck(batch.Id, planned.ExamDays[0], l.Deadline, l.RuleId) : null;
        }
        catch (CalendarYearNotLoadedException) { return null; } // counted at filing, once the year's notice is loaded
    }

    /// <summary>The lead-time deadline of a draft as planned now; null without exam days, sites or a lead time.</summary>
    public static LocalDate? DraftDeadline(Batch batch, PlanContext context)
    {
        if (batch.Sites.Count == 0 || context.Filings.FirstOrDefault(f => f.FilingId == batch.FilingId) is not { } filing) return null;
        try { return LeadDeadline(batch, Receiver(batch, filing, context.Catalog), context)?.Deadline; }
        catch (CalendarYearNotLoadedException) { return null; }
    }

    /// <summary>Everything that keeps the plan from being filed today (BAT-01/02/03/05/09/10), for the 422 and the preview.</summary>
    public static IReadOnlyList<RuleViolation> Problems(Batch batch, Roster roster, PlanContext context)
    {
        var violations = new List<RuleViolation>();
        if (batch.Occupations.Count == 0) violations.Add(new("BAT-01", "batch.no-occupations", "请填写认定的职业（工种）和等级。"));
        if (batch.ExamDays.Count == 0) violations.Add(new("BAT-01", "batch.no-exam-days", "请填写认定日期。"));
        if (batch.Sites.Count == 0) violations.Add(new("BAT-01", "batch.no-sites", "请填写认定考点。"));
        if (batch.Subjects.Count == 0) violations.Add(new("BAT-01", "batch.no-subjects", "请填写认定科目。"));
        if (roster.Count == 0) violations.Add(new("BAT-01", "batch.no-candidates", "请录入考生信息。"));
        if (batch.FeeStandard is null) violations.Add(new("BAT-10", "batch.fee-standard-missing", "请注明收费所依据的公布标准（文件名称或文号）。"));
        if (batch.ExamDays.Count > 0 && batch.ExamDays[0] <= context.Today)
            violations.Add(new("BAT-01", "batch.exam-day-passed", $"认定日{batch.ExamDays[0]:yyyy-MM-dd}已到，计划须在认定前报备。"));
        violations.AddRange(Eligibility.Check(batch, context.Filings, context.Catalog));
        violations.AddRange(StaffingRules.Check(batch, roster));
        foreach (var (c, i) in roster.Candidates.Select((c, i) => (c, i)))
        {
            if (!batch.Occupations.Any(o => o.Key == c.OccupationKey && o.Level == c.Level))
                violations.Add(new("BAT-09", "batch.candidate-outside-plan",
                    $"考生{c.Name}报考的职业（工种）或等级不在本批次计划内。", Target: $"/candidates/{i}"));
        }
        (LocalDate Deadline, int Lead, string RuleId)? lead = null;
        if (context.Filings.FirstOrDefault(f => f.FilingId == batch.FilingId) is { } filing && batch.Sites.Count > 0)
        {
            try { lead = LeadDeadline(batch, Receiver(batch, filing, context.Catalog), context); }
            catch (CalendarYearNotLoadedException e) { violations.Add(e.ToViolation()); }
        }
        if (lead is { } l && context.Today > l.Deadline)
            violations.Add(new(l.RuleId, l.RuleId == "BAT-01" ? "batch.plan-too-late" : "batch.announcement-too-late",
                $"须提前{l.Lead}个工作日{(l.RuleId == "BAT-01" ? "报备认定计划" : "发布认定公告")}（首个认定日{batch.FirstExamDay:yyyy-MM-dd}），" +
                $"最迟为{l.Deadline:yyyy-MM-dd}（{DayName(l.Deadline)}）。"));
        return violations;
    }

    public static (BatchPlanFiled Filed, OpenNotice? Announcement) File(Batch batch, Roster roster, PlanContext context, Guid noticeId,
        Instant now, Actor by)
    {
        RequireDraft(batch);
        var violations = Problems(batch, roster, context);
        if (violations.Count > 0) throw new BusinessRuleException(violations);
        var filing = context.Filings.Single(f => f.FilingId == batch.FilingId);
        var policy = context.Catalog.Get(batch.Jurisdiction);
        var receiver = Receiver(batch, filing, context.Catalog);
        var copiedTo = policy.Batches.TechnicianBatchesCopiedToProvince && batch.HasTechnicianLevels && receiver != policy.RootAuthority
            ? policy.RootAuthority : null;
        var lead = LeadDeadline(batch, receiver, context);
        OpenNotice? notice = null;
        if (policy.Batches.AnnouncementLeadWorkingDays is { } days)
        {
            var layer = context.Catalog.PolicyForArea(receiver).CalendarLayer;
            var end = batch.FirstExamDay!.Value.PlusDays(-1);
            var length = context.Calendar.WorkingDaysBetween(layer, context.Today.PlusDays(-1), end);
            notice = new OpenNotice(noticeId, NoticeKind.BatchAnnouncement, $"{batch.OrganizationName}{batch.Title}职业技能等级认定公告",
                AnnouncementBody(batch, context.Catalog, days), receiver, context.Catalog.PolicyForArea(receiver).Id, layer,
                context.Today, end, Math.Max(length, days), PublicityUnits.WorkingDays, Subject(batch.Id), now, by);
        }
        return (new BatchPlanFiled(batch.Id, receiver, copiedTo, context.Today, lead?.Deadline ?? context.Today, notice?.NoticeId,
            notice?.WindowStart, notice?.WindowEnd, now, by), notice);
    }

    public const string SubjectPrefix = "batch:";
    public static string Subject(Guid batchId) => SubjectPrefix + batchId;
    public static Guid? BatchOf(string subject) =>
        subject.StartsWith(SubjectPrefix, StringComparison.Ordinal) && Guid.TryParse(subject.AsSpan(SubjectPrefix.Length), out var id) ? id : null;

    private static string AnnouncementBody(Batch batch, PolicyCatalog catalog, int days)
    {
        var text = new System.Text.StringBuilder();
        var examDays = string.Join("、", batch.ExamDays.Select(d => d.ToString("yyyy-MM-dd", null)));
        text.AppendLine($"{batch.OrganizationName}（备案编号{batch.FilingNumber}）定于{examDays}组织职业技能等级认定，现予公告。");
        text.AppendLine("认定职业（工种）及等级：" + string.Join("；", batch.Occupations.Select(o => $"{o.Name} {SkillLevel.FromNumber(o.Level).FullName}")));
        text.AppendLine("认定科目：" + string.Join("、", batch.Subjects));
        text.AppendLine("认定考点：" + string.Join("；", batch.Sites.Select(s => $"{s.Name}（{catalog.AreaName(s.AreaCode)}{s.Address}）")));
        text.AppendLine($"收费标准：每人{batch.FeePerCandidate:0.##}元（依据：{batch.FeeStandard}）。");
        text.AppendLine($"本公告于认定前至少{days}个工作日发布。");
        return text.ToString();
    }

    private static string DayName(LocalDate day) =>
        day.DayOfWeek switch
        {
            IsoDayOfWeek.Monday => "星期一", IsoDayOfWeek.Tuesday => "星期二", IsoDayOfWeek.Wednesday => "星期三", IsoDayOfWeek.Thursday => "星期四",
            IsoDayOfWeek.Friday => "星期五", IsoDayOfWeek.Saturday => "星期六", _ => "星期日",
        };

    private static void RequireDraft(Batch batch)
    {
        if (batch.Status != BatchStatus.Draft)
            throw new BusinessRuleException(new RuleViolation("BAT-01", "batch.plan-already-filed", "认定计划已报备，不能再修改。"));
    }
}
