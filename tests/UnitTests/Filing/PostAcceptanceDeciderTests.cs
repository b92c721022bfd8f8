using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Filing;

/// <summary>FIL-16 evaluation, FIL-17 publicity, FIL-18/20/21 grant and the lifecycle deciders as plain functions.</summary>
public class PostAcceptanceDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    private static readonly LocalDate Today = new(2026, 11, 23);
    private static readonly Actor Reviewer = new(Guid.NewGuid(), "wuhu.reviewer", Roles.Reviewer, "340200", null);
    private static readonly PolicyCatalog Catalog = new(PolicyCatalog.LoadShipped(), new WorkingDayCalendar(CalendarData.LoadShipped()).LayerIds);
    private static readonly JurisdictionPolicy Anhui = Catalog.Get("anhui");
    private static readonly AccountSummary Expert = new(Guid.NewGuid(), "anhui.expert", "赵建国（安徽评估专家）", Roles.Expert, "340000", null);

    private static ApplicationBuilder AcceptedOne() =>
        ApplicationBuilder.Drafted().WithOccupations(5, 1000, ApplicationBuilder.Line(personTimes: 100)).Submitted("340200").Accepted();

    private static FilingApplication Accepted() => AcceptedOne();

    private static FilingApplication UnderEvaluation() => AcceptedOne().UnderEvaluation(Expert);

    private static ScoreEvaluation Scores(int score) => ApplicationBuilder.Scores(5, score);

    private static FilingApplication InPublicity() => AcceptedOne().UnderEvaluation(Expert).Scored(90).Concluded().InPublicity();

    private static NoticeStateChanged Report(FilingApplication a, long version, NoticeStatus status, int open = 0, int upheld = 0) =>
        new(a.PublicityNoticeId!.Value, NoticeKind.FilingPublicity, PublicityDecider.SubjectReference(a.Id), version, status,
            a.PublicityStart!.Value, a.PublicityEnd!.Value, open, upheld, 0);

    [Fact]
    public void FIL_16_the_methods_default_to_the_policys_and_a_method_outside_it_is_refused()
    {
        var a = Accepted();
        EvaluationDecider.Assign(a, Anhui, [Expert], new AssignExperts(4, [Expert.Id], null, null), _ => true, Now, Reviewer)
            .Methods.ShouldBe(Anhui.Filing.EvaluationMethods);
        Should.Throw<BusinessRuleException>(() =>
                EvaluationDecider.Assign(a, Anhui, [Expert], new AssignExperts(4, [Expert.Id], ["on-site-inspection"], null), _ => true, Now, Reviewer))
            .Violations.Single().Code.ShouldBe("evaluation.method-not-in-policy");
    }

    [Fact]
    public void FIL_16_only_expert_accounts_of_the_jurisdiction_are_assigned_and_each_failure_is_listed()
    {
        var organizationUser = Expert with { Role = Roles.Organization };
        var violations = Should.Throw<BusinessRuleException>(() => EvaluationDecider.Assign(Accepted(), Anhui, [null, organizationUser, Expert],
            new AssignExperts(4, [Guid.NewGuid(), organizationUser.Id, Expert.Id], null, null), _ => false, Now, Reviewer)).Violations;
        violations.Select(v => v.Code).ShouldBe(["evaluation.not-an-expert", "evaluation.not-an-expert", "evaluation.expert-outside-jurisdiction"]);
        violations.ShouldAllBe(v => v.RuleId == "FIL-16");
    }

    [Fact]
    public void FIL_16_a_conclusion_needs_every_expert_score_and_records_the_average()
    {
        var a = UnderEvaluation();
        Should.Throw<BusinessRuleException>(() => EvaluationDecider.Conclude(a, new ConcludeEvaluation(5, true, "通过"), Now, Reviewer))
            .Violations.Single().Code.ShouldBe("evaluation.scores-pending");
        a.Apply(EvaluationDecider.Score(a, Scores(77), Expert.Id, Now, Actor.System));
        var concluded = EvaluationDecider.Conclude(a, new ConcludeEvaluation(6, false, "质量保障不足"), Now, Reviewer);
        concluded.AverageScore.ShouldBe(77m);
        a.Apply(concluded);
        a.Status.ShouldBe(ApplicationStatus.Rejected);
    }

    [Fact]
    public void FIL_17_publicity_lasts_the_policys_working_days_and_a_shorter_window_is_refused()
    {
        var a = InPublicity();
        a.PublicityStart.ShouldBe(new LocalDate(2026, 11, 23));
        a.PublicityEnd.ShouldBe(new LocalDate(2026, 11, 27)); // 5 working days [AH]
        var passed = UnderEvaluation();
        passed.Apply(EvaluationDecider.Score(passed, Scores(90), Expert.Id, Now, Actor.System));
        passed.Apply(EvaluationDecider.Conclude(passed, new ConcludeEvaluation(6, true, "通过"), Now, Reviewer));
        Should.Throw<BusinessRuleException>(() => PublicityDecider.Start(passed, Anhui, Catalog, new WorkingDayCalendar(CalendarData.LoadShipped()),
            new StartPublicity(7, null, 3), Today, Now, Reviewer)).Violations.Single().RuleId.ShouldBe("FIL-17");
    }

    [Fact]
    public void FIL_17_notice_reports_keep_the_newest_state_whatever_order_they_arrive_in()
    {
        var a = InPublicity();
        var lodged = PublicityDecider.Progress(a, Report(a, 2, NoticeStatus.Open, open: 1), Now)!;
        a.Apply(lodged);
        var closed = PublicityDecider.Progress(a, Report(a, 4, NoticeStatus.Closed, open: 0), Now)!;
        a.Apply(closed);
        PublicityDecider.Progress(a, Report(a, 3, NoticeStatus.Open, open: 0), Now).ShouldBeNull();
        a.OpenObjections.ShouldBe(0);
        a.PublicityStatus.ShouldBe(NoticeStatus.Closed);
    }

    [Fact]
    public void FIL_17_FIL_18_filing_waits_for_the_window_and_any_open_or_upheld_objection()
    {
        var a = InPublicity();
        Codes(() => PublicityDecider.EnsureClean(a, Today)).ShouldBe(["publicity.window-open"]);
        a.Apply(PublicityDecider.Progress(a, Report(a, 3, NoticeStatus.Closed, open: 1), Now)!);
        Codes(() => PublicityDecider.EnsureClean(a, Today.PlusDays(7))).ShouldBe(["publicity.objection-open"]);
        a.Apply(PublicityDecider.Progress(a, Report(a, 4, NoticeStatus.Closed, upheld: 1), Now)!);
        Codes(() => PublicityDecider.EnsureClean(a, Today.PlusDays(7))).ShouldBe(["publicity.objection-upheld"]);
        PublicityDecider.Reject(a, new RejectApplication(9, "异议成立"), Now, Reviewer).RuleId.ShouldBe("FIL-17");
    }

    [Fact]
    public void FIL_20_validity_is_the_policys_years_and_a_renewal_follows_without_a_gap()
    {
        GrantDecider.Validity(Anhui, new LocalDate(2026, 12, 1)).ShouldBe((new LocalDate(2026, 12, 1), new LocalDate(2029, 11, 30)));
        var a = InPublicity();
        a.Apply(PublicityDecider.Progress(a, Report(a, 3, NoticeStatus.Closed), Now)!);
        var filing = new FilingRecord { Id = Guid.NewGuid(), ValidFrom = new LocalDate(2023, 12, 1), ValidUntil = new LocalDate(2026, 11, 30), Status = FilingStatus.Active };
        var renewed = GrantDecider.Renew(a, filing, Anhui, Today.PlusDays(10), Now, Reviewer);
        (renewed.ValidFrom, renewed.ValidUntil).ShouldBe((new LocalDate(2026, 12, 1), new LocalDate(2029, 11, 30)));
        filing.Status = FilingStatus.Cancelled;
        Should.Throw<BusinessRuleException>(() => GrantDecider.Renew(a, filing, Anhui, Today.PlusDays(10), Now, Reviewer))
            .Violations.Single().RuleId.ShouldBe("FIL-24");
    }

    [Fact]
    public void FIL_24_a_merger_needs_a_filed_survivor_in_the_same_jurisdiction()
    {
        var absorbed = new FilingRecord { Id = Guid.NewGuid(), Jurisdiction = "anhui", Status = FilingStatus.Active };
        var survivor = new FilingRecord { Id = Guid.NewGuid(), Jurisdiction = "anhui", Status = FilingStatus.Active, FilingNumber = "Y000034020007" };
        FilingLifecycleDecider.Cancel(absorbed, new CancelFiling(1, "吸收合并", survivor.Id), survivor, Now, Reviewer).MergedIntoNumber.ShouldBe("Y000034020007");
        survivor.Status = FilingStatus.Expired;
        Should.Throw<BusinessRuleException>(() => FilingLifecycleDecider.Cancel(absorbed, new CancelFiling(1, "合并", survivor.Id), survivor, Now, Reviewer))
            .Violations.Single().Code.ShouldBe("filing.merger-target-invalid");
        survivor.Status = FilingStatus.Active;
        survivor.Jurisdiction = "guangxi";
        Should.Throw<BusinessRuleException>(() => FilingLifecycleDecider.Cancel(absorbed, new CancelFiling(1, "合并", survivor.Id), survivor, Now, Reviewer))
            .Violations.Single().Code.ShouldBe("filing.merger-other-jurisdiction");
    }

    [Fact]
    public void suspension_and_reinstatement_follow_the_status()
    {
        var filing = new FilingRecord { Id = Guid.NewGuid(), Status = FilingStatus.Active };
        filing.Apply(FilingLifecycleDecider.Suspend(filing, new SuspendFiling(1, "整改"), Now, Reviewer));
        Should.Throw<BusinessRuleException>(() => FilingLifecycleDecider.Suspend(filing, new SuspendFiling(2, "整改"), Now, Reviewer));
        filing.Apply(FilingLifecycleDecider.Reinstate(filing, new ReinstateFiling(2, "整改完成"), Now, Reviewer));
        filing.Status.ShouldBe(FilingStatus.Active);
    }

    private static IEnumerable<string> Codes(Action act) => Should.Throw<BusinessRuleException>(act).Violations.Select(v => v.Code);
}
