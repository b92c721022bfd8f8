using Assessment.SharedKernel.Values;
using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.Batches.Scoring;
using Assessment.Batches.Staffing;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.UnitTests.Batches;

public class BatchDeciderTests
{
    private static readonly WorkingDayCalendar Calendar = new(CalendarData.LoadShipped());
    private static readonly PolicyCatalog Policies = new(PolicyCatalog.LoadShipped(), Calendar.LayerIds);
    private static readonly Instant Now = Instant.FromUtc(2021, 6, 1, 2, 0);

    private static OrganizationFiling Filing(string jurisdiction, string scope, string area, LocalDate validFrom, string organizationArea = "340200",
        FilingState state = FilingState.Active) =>
        new(Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-0000000000aa"), "芜湖某培训中心", organizationArea,
            "Y00003402000001", jurisdiction, scope, area, area, state, validFrom, validFrom, validFrom.PlusYears(3).PlusDays(-1),
            [new FiledOccupationScope("育婴员", "育婴员", null, 3, 5)]);

    private static Batch Planned(OrganizationFiling filing, LocalDate exam, params string[] siteAreas)
    {
        var batch = Batch.Create(new BatchDrafted(Guid.NewGuid(), filing.OrganizationId, filing.OrganizationName, filing.FilingId, filing.FilingNumber,
            filing.Jurisdiction, filing.AreaCode, "第一批", Now, Actor.System));
        batch.Apply(new BatchPlanChanged(batch.Id, "第一批", [new BatchOccupation("育婴员", "育婴员", null, 4)], ["理论知识", "操作技能"], [exam],
            siteAreas.Select((a, i) => new BatchSite($"考点{i}", "路1号", a)).ToList(), 300, "文件", Now, Actor.System));
        return batch;
    }

    [Fact]
    public void BAT_01_the_last_filing_day_is_10_working_days_before_the_exam_on_the_receivers_calendar()
    {
        // before 2021-10-08: National Day (10-01..07) and Mid-Autumn (09-19..21) are off, Sunday 09-26 and Saturday 09-18 are
        // worked — counting back, the ten working days are 09-30, 29, 28, 27, 26, 24, 23, 22, 18, 17: the plan is due on 09-17,
        // and add-working-days from 09-17 lands on the exam day
        Calendar.WorkingDaysBefore("national", new LocalDate(2021, 10, 8), 10).ShouldBe(new LocalDate(2021, 9, 17));
        Calendar.AddWorkingDays("national", new LocalDate(2021, 9, 17), 10).ShouldBe(new LocalDate(2021, 10, 8));
    }

    [Fact]
    public void FIL_22_a_pilot_organization_certifies_only_in_its_registration_city_in_its_first_year()
    {
        var filing = Filing("anhui", "province", "340000", new LocalDate(2021, 5, 1));
        var violations = Eligibility.Check(Planned(filing, new LocalDate(2021, 7, 1), "340200", "340100"), [filing], Policies);
        violations.ShouldHaveSingleItem().Code.ShouldBe("batch.pilot-outside-registration-city");
        violations[0].Target.ShouldBe("/sites/1");
    }

    [Fact]
    public void FIL_23_after_the_pilot_an_anhui_province_filing_needs_the_other_citys_filing_for_a_site_there()
    {
        var filing = Filing("anhui", "province", "340000", new LocalDate(2019, 5, 1));
        Eligibility.Check(Planned(filing, new LocalDate(2021, 7, 1), "340100"), [filing], Policies)
            .ShouldHaveSingleItem().Code.ShouldBe("batch.site-needs-city-filing");
        var hefei = Filing("anhui", "city", "340100", new LocalDate(2020, 5, 1)) with { FilingId = Guid.NewGuid() };
        Eligibility.Check(Planned(filing, new LocalDate(2021, 7, 1), "340100"), [filing, hefei], Policies).ShouldBeEmpty();
    }

    [Fact]
    public void BAT_03_a_suspended_filing_or_an_exam_day_after_its_validity_is_refused()
    {
        var filing = Filing("guangxi", "city", "450100", new LocalDate(2018, 7, 1), "450100", FilingState.Suspended);
        var codes = Eligibility.Check(Planned(filing, new LocalDate(2021, 7, 1), "450100"), [filing], Policies).Select(v => v.Code).ToList();
        codes.ShouldBe(["batch.filing-not-active", "batch.filing-not-valid-on-exam-day"], ignoreOrder: true);
    }

    [Fact]
    public void BAT_06_guangxi_publicizes_5_working_days_and_the_report_is_due_10_working_days_after_a_clean_close()
    {
        var filing = Filing("guangxi", "city", "450100", new LocalDate(2020, 5, 1), "450100");
        var batch = Planned(filing, new LocalDate(2021, 4, 1), "450100");
        batch.Apply(new BatchPlanFiled(batch.Id, "450000", null, new LocalDate(2021, 3, 1), new LocalDate(2021, 3, 17), null, null, null, Now, Actor.System));
        var wei = new Candidate(Guid.NewGuid(), "韦小宝", 201, "450102199001010011", "某公司", "育婴员", 4, null, "南宁市");
        var roster = batch.Apply(Roster.Empty, new CandidatesAdded(batch.Id, [wei], null, Now, Actor.System),
            new ResultsRecorded(batch.Id, [new CandidateResult(wei.Id, false, [], true)], null, Now, Actor.System));

        var (started, notice) = ResultsDecider.StartPublicity(batch, roster, Policies, Calendar, new LocalDate(2021, 4, 12), Guid.NewGuid(), Now, Actor.System);
        // 三月三 (04-14..17) is off in Guangxi and the Sunday 04-18 is worked: 12, 13, 18, 19, 20
        (started.WindowStart, started.WindowEnd).ShouldBe((new LocalDate(2021, 4, 12), new LocalDate(2021, 4, 20)));
        notice.Body.ShouldContain("韦*宝");
        notice.Body.ShouldContain("4501**********0011");
        batch.Apply(started);

        var closed = ResultsDecider.Progress(batch, new NoticeStateChanged(notice.NoticeId, NoticeKind.ResultsPublicity, notice.SubjectReference, 3,
            NoticeStatus.Closed, started.WindowStart, started.WindowEnd, 0, 0, 0), Policies, Calendar, Now).ShouldBeOfType<ResultsPublicityProgressed>();
        closed.Clean.ShouldBeTrue();
        closed.ReportDueOn.ShouldBe(Calendar.AddWorkingDays("guangxi", new LocalDate(2021, 4, 20), 10));

        var upheld = ResultsDecider.Progress(batch, new NoticeStateChanged(notice.NoticeId, NoticeKind.ResultsPublicity, notice.SubjectReference, 4,
            NoticeStatus.Closed, started.WindowStart, started.WindowEnd, 0, 1, 0), Policies, Calendar, Now);
        upheld.ShouldBeOfType<ResultsReopened>();
    }

    [Fact]
    public void BAT_06_anhui_publicizes_7_calendar_days()
    {
        var filing = Filing("anhui", "city", "340200", new LocalDate(2020, 5, 1));
        var batch = Planned(filing, new LocalDate(2021, 4, 1), "340200");
        batch.Apply(new BatchPlanFiled(batch.Id, "340200", null, new LocalDate(2021, 3, 1), new LocalDate(2021, 3, 17), null, null, null, Now, Actor.System));
        var zhang = new Candidate(Guid.NewGuid(), "张三", 201, "340202199001010011", "某公司", "育婴员", 4, null, "芜湖市");
        var roster = batch.Apply(Roster.Empty, new CandidatesAdded(batch.Id, [zhang], null, Now, Actor.System),
            new ResultsRecorded(batch.Id, [new CandidateResult(zhang.Id, true, [], false)], null, Now, Actor.System));
        var (started, _) = ResultsDecider.StartPublicity(batch, roster, Policies, Calendar, new LocalDate(2021, 4, 30), Guid.NewGuid(), Now, Actor.System);
        (started.WindowEnd, started.Unit).ShouldBe((new LocalDate(2021, 5, 6), PublicityUnits.CalendarDays));
    }

    [Fact]
    public void BAT_05_every_occupation_and_level_of_the_plan_needs_an_examiner_qualified_for_that_level()
    {
        var batch = Planned(Filing("anhui", "city", "340200", new LocalDate(2020, 5, 1)), new LocalDate(2021, 7, 1), "340200");
        StaffAssignment Person(string name, StaffRole role, params int[] levels) =>
            new(Guid.NewGuid(), name, $"3402021980010100{name.Length}{(int)role}", "考评员证书", role, ["育婴员"], levels, []);
        var staff = new List<StaffAssignment>
        {
            Person("王", StaffRole.Invigilator), Person("李督导", StaffRole.QualitySupervisor), Person("张考评员", StaffRole.Examiner, 3),
        };
        var refused = StaffingRules.Check(new Batch { Staff = staff, Occupations = batch.Occupations }, Roster.Empty);
        refused.ShouldHaveSingleItem().Code.ShouldBe("batch.no-qualified-examiner");
        refused[0].Message.ShouldContain("四级/中级工");

        staff[2] = Person("张考评员", StaffRole.Examiner, 3, 4, 5);
        StaffingRules.Check(new Batch { Staff = staff, Occupations = batch.Occupations }, Roster.Empty).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张小三", "张*三")]
    [InlineData("欧阳小明", "欧**明")]
    public void BAT_06_names_are_masked_keeping_the_first_and_last_character(string name, string masked) => Masking.Name(name).ShouldBe(masked);
}
