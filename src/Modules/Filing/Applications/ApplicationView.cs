using Assessment.Filing.Evaluation;
using Assessment.Filing.Materials;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Applications;

/// <summary>
/// A deadline that applies now, in its rule's unit, counted on the deciding authority's calendar: "剩 9 个工作日".
/// <paramref name="Remaining"/> is null when the calendar does not know the years in between yet.
/// </summary>
public sealed record DeadlineView(string RuleId, string Label, LocalDate DueOn, string Unit, int? Remaining, bool Overdue, string Text);

public sealed record MaterialView(Guid Id, int Item, string ItemName, string FileName, string ContentType, long Size, string Sha256,
    Instant AttachedAt);

public sealed record PledgeView(int Item, string ItemName, string Pledge, Instant PledgedAt, Instant? ProducedAt);

public sealed record SubjectScoreView(string Subject, string SubjectName, int Score, string? Comment);

public sealed record ExpertView(Guid UserId, string DisplayName, IReadOnlyList<SubjectScoreView> Scores, decimal? Average, string? OnSiteFindings,
    bool? RecommendsFiling, string? Opinion, Instant? ScoredAt);

/// <param name="RequestedName">FIL-02 相邻近原则: the enterprise's own job the line (a catalog occupation) stands for.</param>
/// <param name="MappingReason">Why the catalog occupation is the nearest one.</param>
public sealed record OccupationLineView(string Name, string? Code, int HighestLevel, int LowestLevel, string Levels, bool IsNewOccupation,
    LocalDate? EvaluationSince, int PersonTimes, bool PriorSeniorEvaluation, string? RequestedName, string? MappingReason);

/// <summary>FIL-09: a declared preference flag as a reviewer reads it — its name and the notice article behind it.</summary>
public sealed record PreferenceView(string Name, string Basis);

public sealed record StepView(Instant At, string Action, string ActorName, string ActorRoleName, string? AuthorityName, string? Detail);

/// <summary>An application as its page shows it: names instead of codes, the deadline that applies now, who must act, and its history.</summary>
public sealed record ApplicationView(
    Guid Id, long Version, Guid OrganizationId, string OrganizationName, string AreaCode, string AreaName,
    string Jurisdiction, string JurisdictionName, string Scope, string ScopeName, ApplicationKind Kind, string KindName,
    ApplicationStatus Status, string StatusName, string WaitingFor, DeadlineView? Deadline,
    IReadOnlyList<OccupationLineView> Occupations, int ConsecutiveYears, int CumulativePersonTimes, bool SubsidizedTraining,
    IReadOnlyList<string> Preferences, IReadOnlyList<PreferenceView> PreferenceFlags, IReadOnlyList<EvaluationSite> Sites,
    IReadOnlyList<EvaluatedPopulation> EvaluatedPopulations, IReadOnlyList<string> EvaluatedPopulationNames, string? MainBusiness,
    IReadOnlyList<SchoolMajor> Majors, Instant DraftedAt, LocalDate? SubmittedOn, string? HandlingAuthority, string? HandlingAuthorityName,
    string? FirstReviewAuthority,
    string? FirstReviewAuthorityName, string? CurrentAuthority, string? CurrentAuthorityName, bool Forwarded, string? ForwardOpinion,
    LocalDate? AcceptanceDeadline, IReadOnlyList<ExceptionRequest> ExceptionRequests, IReadOnlyList<RuleViolation> ExceptedViolations,
    IReadOnlyList<ExceptionDecision> ExceptionDecisions, IReadOnlyList<string> MissingItems, string? ReturnReason,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<PledgeView> Pledges,
    IReadOnlyList<ExpertView> Experts, IReadOnlyList<string> EvaluationMethods, IReadOnlyList<string> EvaluationMethodNames,
    string? EvaluationInstructions, bool? EvaluationPassed, string? EvaluationReason, decimal? AverageScore,
    Guid? PublicityNoticeId, LocalDate? PublicityStart, LocalDate? PublicityEnd, NoticeStatus? PublicityStatus, int OpenObjections,
    int UpheldObjections, Guid? FilingId, string? FilingNumber, LocalDate? ValidFrom, LocalDate? ValidUntil,
    string? RejectionRuleId, string? RejectionReason, IReadOnlyList<StepView> History, IReadOnlyList<string> Actions);

/// <summary>A row of an application list; <paramref name="PreferenceFlags"/> say why it is raised among those of its status (FIL-09).</summary>
public sealed record ApplicationSummary(
    Guid Id, long Version, string OrganizationName, string Jurisdiction, string JurisdictionName, string Scope, string ScopeName,
    ApplicationKind Kind, string KindName, ApplicationStatus Status, string StatusName, LocalDate? SubmittedOn, string? HandlingAuthorityName,
    string WaitingFor, DeadlineView? Deadline, bool AwaitingCaller, IReadOnlyList<PreferenceView> PreferenceFlags, Guid OrganizationId);

/// <summary>Builds the views: names from the policies and module dictionaries, deadlines from the calendar and the clock.</summary>
public sealed class ApplicationViews(PolicyCatalog catalog, IWorkingDayCalendar calendar, IClock clock)
{
    public ApplicationView For(FilingApplication a, ApplicationDetails? details, AccessContext caller)
    {
        var d = details ?? new ApplicationDetails { Id = a.Id };
        var policy = catalog.Get(a.Jurisdiction);
        return new ApplicationView(
            a.Id, a.Version, a.OrganizationId, a.OrganizationName, a.AreaCode, AreaName(a.AreaCode), a.Jurisdiction, policy.Name, a.Scope,
            ScopeName(policy, a.Scope), a.Kind, ApplicationNames.Kind(a.Kind), a.Status, ApplicationNames.Status(a.Status), WaitingFor(a, d),
            Deadline(a), a.Occupations.Select(Line).ToList(), a.ConsecutiveYears, a.CumulativePersonTimes, a.SubsidizedTraining,
            a.Preferences, Flags(policy, a), a.Sites, a.Populations, a.Populations.Select(Submission.ApplicantRules.PopulationName).ToList(),
            a.MainBusiness, a.Majors, a.DraftedAt, d.SubmittedOn, a.HandlingAuthority, AuthorityName(a.HandlingAuthority),
            a.FirstReviewAuthority, AuthorityName(a.FirstReviewAuthority), a.CurrentAuthority, AuthorityName(a.CurrentAuthority), a.Forwarded,
            d.ForwardOpinion, a.AcceptanceDeadline, d.ExceptionRequests, a.ExceptedViolations, d.ExceptionDecisions, d.MissingItems, d.ReturnReason,
            d.Materials.Select(m => new MaterialView(m.Id, m.Item, MaterialItems.Name(m.Item), m.FileName, m.ContentType, m.Size, m.Sha256,
                m.AttachedAt)).ToList(),
            d.Pledges.Select(p => new PledgeView(p.Item, MaterialItems.Name(p.Item), p.Pledge, p.PledgedAt,
                a.Pledges.FirstOrDefault(x => x.Item == p.Item)?.ProducedAt)).ToList(),
            a.Experts.Select(e => Expert(e, d.Findings.FirstOrDefault(f => f.UserId == e.UserId))).ToList(), d.EvaluationMethods,
            d.EvaluationMethods.Select(m => SharedKernel.Policies.EvaluationMethods.Names.GetValueOrDefault(m, m)).ToList(),
            d.EvaluationInstructions, d.EvaluationPassed, a.EvaluationReason, a.AverageScore, a.PublicityNoticeId, a.PublicityStart, a.PublicityEnd,
            a.PublicityStatus, a.OpenObjections, a.UpheldObjections, a.FilingId, d.FilingNumber, d.ValidFrom, d.ValidUntil, d.RejectionRuleId,
            d.RejectionReason, d.Steps.Select(Step).ToList(), ApplicationGuards.Actions(a, caller, policy));
    }

    public ApplicationSummary Summary(FilingApplication a, CurrentUser caller)
    {
        var policy = catalog.Get(a.Jurisdiction);
        return new ApplicationSummary(a.Id, a.Version, a.OrganizationName, a.Jurisdiction, policy.Name, a.Scope, ScopeName(policy, a.Scope), a.Kind,
            ApplicationNames.Kind(a.Kind), a.Status, ApplicationNames.Status(a.Status), a.SubmittedOn, AuthorityName(a.HandlingAuthority),
            WaitingFor(a, null), Deadline(a), ApplicationGuards.AwaitsCaller(a, caller), Flags(policy, a), a.OrganizationId);
    }

    /// <summary>FIL-09: the declared flags by the policy's names and bases (a code the policy no longer lists shows as itself).</summary>
    private static List<PreferenceView> Flags(JurisdictionPolicy policy, FilingApplication a) => a.Preferences
        .Select(code => policy.Filing.Preferences.FirstOrDefault(f => f.Code == code) is { } f
            ? new PreferenceView(f.Name, f.Basis) : new PreferenceView(code, "本辖区政策已不再列出此择优条件"))
        .ToList();

    /// <summary>FIL-15 while the acceptance decision is pending; FIL-17 while the publicity window runs. Nothing otherwise.</summary>
    public DeadlineView? Deadline(FilingApplication a)
    {
        var layer = catalog.Get(a.Jurisdiction).CalendarLayer;
        if (a.Status == ApplicationStatus.Submitted && a.AcceptanceDeadline is { } due)
            return Count("FIL-15", "受理时限", due, layer);
        if (a.Status == ApplicationStatus.InPublicity && a.PublicityStatus == NoticeStatus.Open && a.PublicityEnd is { } end)
            return Count("FIL-17", "公示期", end, layer);
        return null;
    }

    private DeadlineView Count(string ruleId, string label, LocalDate due, string layer)
    {
        var today = clock.Today();
        try
        {
            var remaining = today <= due
                ? calendar.Current.WorkingDaysBetween(layer, today, due)
                : -calendar.Current.WorkingDaysBetween(layer, due, today);
            var text = remaining switch
            {
                > 0 => $"剩 {remaining} 个工作日（{due:MM-dd}）",
                0 when today == due => $"今日到期（{due:MM-dd}）",
                0 => $"剩不足 1 个工作日（{due:MM-dd}）",
                _ => $"已超期 {-remaining} 个工作日（{due:MM-dd}）",
            };
            return new DeadlineView(ruleId, label, due, PublicityUnits.WorkingDays, remaining, today > due, text);
        }
        catch (CalendarYearNotLoadedException)
        {
            return new DeadlineView(ruleId, label, due, PublicityUnits.WorkingDays, null, today > due, $"至 {due:yyyy-MM-dd}（工作日历尚未载入该年份）");
        }
    }

    /// <summary>Who must act now, in words — also telling a reviewer without actions why.</summary>
    public string WaitingFor(FilingApplication a, ApplicationDetails? d) => a.Status switch
    {
        ApplicationStatus.Draft => "待申请机构填写并提交",
        ApplicationStatus.Returned => "已退回，待申请机构补正后重新提交",
        ApplicationStatus.Submitted when a.FirstReviewAuthority is not null && !a.Forwarded => $"待{AuthorityName(a.FirstReviewAuthority)}初审",
        ApplicationStatus.Submitted => $"待{AuthorityName(a.HandlingAuthority)}受理",
        ApplicationStatus.Accepted => $"待{AuthorityName(a.HandlingAuthority)}指派评估专家",
        ApplicationStatus.UnderEvaluation when a.Experts.Any(e => !e.HasScored) =>
            $"待专家评分：{string.Join("、", a.Experts.Where(e => !e.HasScored).Select(e => e.DisplayName))}",
        ApplicationStatus.UnderEvaluation when a.Pledges.Any(p => p.ProducedAt is null) => "待申请机构补交承诺后补的材料",
        ApplicationStatus.UnderEvaluation => $"专家均已评分，待{AuthorityName(a.HandlingAuthority)}作出评估结论",
        ApplicationStatus.EvaluationPassed => $"待{AuthorityName(a.HandlingAuthority)}发起公示",
        ApplicationStatus.InPublicity when a.UpheldObjections > 0 => $"公示异议成立，待{AuthorityName(a.HandlingAuthority)}决定是否备案",
        ApplicationStatus.InPublicity when a.OpenObjections > 0 => $"公示收到异议，待{AuthorityName(a.HandlingAuthority)}处理",
        ApplicationStatus.InPublicity when a.PublicityStatus == NoticeStatus.Open => $"公示中（至 {a.PublicityEnd:yyyy-MM-dd}）",
        ApplicationStatus.InPublicity => $"公示期满，待{AuthorityName(a.HandlingAuthority)}准予备案",
        ApplicationStatus.Granted => d?.FilingNumber is { } number ? $"已备案（备案号 {number}）" : "已备案",
        _ => "不予备案，办理结束",
    };

    private OccupationLineView Line(OccupationLine l) => new(l.Name, l.Code, l.HighestLevel, l.LowestLevel,
        l.HighestLevel == l.LowestLevel ? SkillLevel.FromNumber(l.HighestLevel).FullName
            : $"{SkillLevel.FromNumber(l.LowestLevel).FullName} 至 {SkillLevel.FromNumber(l.HighestLevel).FullName}",
        l.IsNewOccupation, l.EvaluationSince, l.PersonTimes, l.PriorSeniorEvaluation, l.Mapping?.RequestedName, l.Mapping?.Reason);

    private static ExpertView Expert(ExpertEvaluation e, ExpertFindings? f) => new(e.UserId, e.DisplayName,
        e.Scores.Select(s => new SubjectScoreView(s.Subject, EvaluationSubjects.Names.GetValueOrDefault(s.Subject, s.Subject), s.Score,
            s.Comment)).ToList(),
        e.Scores.Count > 0 ? Math.Round((decimal)e.Scores.Average(s => s.Score), 1) : null, f?.OnSiteFindings, f?.RecommendsFiling,
        f?.Opinion, e.ScoredAt);

    private StepView Step(ApplicationStep s) =>
        new(s.At, s.Action, s.ActorName, Roles.DisplayName(s.ActorRole), AuthorityName(s.AuthorityCode), s.Detail);

    private string AreaName(string code) => catalog.AreaName(code);

    private string? AuthorityName(string? code) => code is null ? null : catalog.FindAuthority(code)?.Name ?? code;

    private static string ScopeName(JurisdictionPolicy policy, string scope) =>
        policy.Filing.Scopes.FirstOrDefault(s => s.Scope == scope)?.Name ?? scope;
}

/// <summary>The words for an application's codes.</summary>
public static class ApplicationNames
{
    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "草稿",
        ApplicationStatus.Submitted => "待受理",
        ApplicationStatus.Returned => "退回补正",
        ApplicationStatus.Accepted => "已受理",
        ApplicationStatus.UnderEvaluation => "技术评估中",
        ApplicationStatus.EvaluationPassed => "评估通过",
        ApplicationStatus.InPublicity => "公示中",
        ApplicationStatus.Granted => "已备案",
        _ => "不予备案",
    };

    public static string Kind(ApplicationKind kind) => kind switch
    {
        ApplicationKind.Renewal => "续期备案",
        ApplicationKind.Change => "变更备案",
        _ => "新申请备案",
    };
}
