using Assessment.Batches.Batches;
using Assessment.Batches.Planning;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Assessment.UnitTests.Batches;

/// <summary>
/// BAT-01 [AH] plan filed 提前10个工作日, BAT-02 [GX] announcement 前10个工作日: the decider's lead-time rule is the calendar's
/// <see cref="WorkingDayCalendar.WorkingDaysBefore"/> — a plan filed on that day is in time, one filed the day after is not, and
/// the latest day shown is never a rest day.
/// </summary>
public class PlanLeadTimeTests
{
    private static readonly WorkingDayCalendar Calendar = SharedKernel.TestCalendars.WithRegionalYears();
    private static readonly IReadOnlyList<JurisdictionPolicy> Shipped = PolicyCatalog.LoadShipped();
    private static readonly Instant Now = Instant.FromUtc(2021, 6, 1, 2, 0);
    private static readonly LocalDate First = new(2020, 3, 1), Last = new(2026, 12, 20);
    private static readonly string[] TooLate = ["batch.plan-too-late", "batch.announcement-too-late"];

    /// <summary>The shipped policies with <paramref name="jurisdiction"/>'s lead time set to <paramref name="n"/> working days.</summary>
    private static PolicyCatalog WithLead(string jurisdiction, int n) => new(Shipped.Select(p => p.Id != jurisdiction ? p : p with
    {
        Batches = p.Batches.PlanFilingLeadWorkingDays is null
            ? p.Batches with { AnnouncementLeadWorkingDays = n }
            : p.Batches with { PlanFilingLeadWorkingDays = n },
    }), Calendar.LayerIds);

    private static (Batch Batch, OrganizationFiling Filing) Planned(string jurisdiction, string area, LocalDate exam)
    {
        var since = new LocalDate(2019, 1, 1);
        var filing = new OrganizationFiling(Guid.NewGuid(), Guid.NewGuid(), "某培训中心", area, "Y00003402000001", jurisdiction, "city", area, area,
            FilingState.Active, since, since, new LocalDate(2030, 1, 1), [new FiledOccupationScope("育婴员", "育婴员", null, 3, 5)]);
        var batch = Batch.Create(new BatchDrafted(Guid.NewGuid(), filing.OrganizationId, filing.OrganizationName, filing.FilingId,
            filing.FilingNumber, jurisdiction, area, "第一批", Now, Actor.System));
        batch.Apply(new BatchPlanChanged(batch.Id, "第一批", [new BatchOccupation("育婴员", "育婴员", null, 4)], ["理论知识"], [exam],
            [new BatchSite("考点", "路1号", area)], 300, "文件", Now, Actor.System));
        return (batch, filing);
    }

    private static List<Assessment.SharedKernel.Problems.RuleViolation> LeadProblems(Batch batch, OrganizationFiling filing, PolicyCatalog catalog,
        LocalDate today) =>
        PlanningDecider.Problems(batch, Assessment.Batches.Candidates.Roster.Empty, new PlanContext([filing], catalog, Calendar, today)).Where(v => TooLate.Contains(v.Code)).ToList();

    [Theory]
    [InlineData("anhui", "340200", "BAT-01")]
    [InlineData("guangxi", "450100", "BAT-02")]
    public void BAT_01_BAT_02_the_monday_2026_12_28_exam_may_be_filed_through_monday_12_14_and_not_on_12_15(string jurisdiction, string area,
        string rule)
    {
        var catalog = new PolicyCatalog(Shipped, Calendar.LayerIds);
        var (batch, filing) = Planned(jurisdiction, area, new LocalDate(2026, 12, 28));
        var context = new PlanContext([filing], catalog, Calendar, new LocalDate(2026, 12, 1));
        PlanningDecider.DraftDeadline(batch, context).ShouldBe(new LocalDate(2026, 12, 14)); // a Monday, never Sunday 12-13
        LeadProblems(batch, filing, catalog, new LocalDate(2026, 12, 14)).ShouldBeEmpty();
        var late = LeadProblems(batch, filing, catalog, new LocalDate(2026, 12, 15)).ShouldHaveSingleItem();
        late.RuleId.ShouldBe(rule);
        late.Message.ShouldContain("最迟为2026-12-14（星期一）");
    }

    [Fact]
    public void BAT_01_BAT_02_property_a_plan_filed_on_the_latest_day_is_in_time_and_one_filed_the_next_working_day_is_late()
    {
        var cases =
            from offset in Gen.Choose(0, Period.Between(First, Last, PeriodUnits.Days).Days)
            from n in Gen.Choose(1, 30)
            from place in Gen.Elements(("anhui", "340200", "BAT-01"), ("guangxi", "450100", "BAT-02"))
            select (Exam: First.PlusDays(offset), N: n, Jurisdiction: place.Item1, Area: place.Item2, Rule: place.Item3);
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var catalog = WithLead(c.Jurisdiction, c.N);
            var layer = catalog.Get(c.Jurisdiction).CalendarLayer;
            var (batch, filing) = Planned(c.Jurisdiction, c.Area, c.Exam);
            var latest = Calendar.WorkingDaysBefore(layer, c.Exam, c.N);
            var context = new PlanContext([filing], catalog, Calendar, latest);

            var shown = PlanningDecider.DraftDeadline(batch, context).ShouldNotBeNull();
            shown.ShouldBe(latest);
            Calendar.IsWorkingDay(layer, shown).ShouldBeTrue($"the latest day {shown} shown for {c} is a rest day");
            LeadProblems(batch, filing, catalog, latest).ShouldBeEmpty($"{c}: filed on {latest}");
            LeadProblems(batch, filing, catalog, latest.PlusDays(-3)).ShouldBeEmpty();
            var next = Calendar.AddWorkingDays(layer, latest, 1);
            if (next < c.Exam) LeadProblems(batch, filing, catalog, next).ShouldHaveSingleItem().RuleId.ShouldBe(c.Rule);
            LeadProblems(batch, filing, catalog, latest.PlusDays(1)).ShouldHaveSingleItem().RuleId.ShouldBe(c.Rule);

            // the scheduled check flags a draft from the day after the latest day on
            var changed = new BatchPlanChanged(batch.Id, batch.Title, batch.Occupations, batch.Subjects, batch.ExamDays, batch.Sites, 300, "文件",
                Now, Actor.System);
            PlanningDecider.DeadlineCheck(batch, changed, filing, catalog, Calendar).ShouldNotBeNull().Deadline.ShouldBe(latest);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1_000), property);
    }
}
