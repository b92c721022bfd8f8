using Assessment.Filing.Catalog;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.UnitTests.Filing;

public class SubmissionDeciderTests
{
    private static readonly WorkingDayCalendar Calendar = new(CalendarData.LoadShipped());
    private static readonly PolicyCatalog Policies = new(PolicyCatalog.LoadShipped(), Calendar.LayerIds);
    private static readonly OccupationCatalog Catalog = OccupationCatalog.LoadShipped();

    private static FilingApplication App(string jurisdiction, string scope, string area, int highest = 3, int years = 10) =>
        ApplicationBuilder.Drafted(jurisdiction, scope, area).WithOccupations(years, 100_000, ApplicationBuilder.Line(highest: highest)).WithMaterials();

    private static ApplicationSubmitted Submit(FilingApplication app, LocalDate today, params ExceptionRequest[] requests)
    {
        var policy = Policies.Get(app.Jurisdiction);
        var context = new SubmissionContext(Policies, policy, OrganizationCategory.S, Catalog, today, new Dictionary<string, int>(), null);
        return SubmissionDecider.Decide(app, context, () => FilingRouting.Route(policy, Policies, Calendar, app.Scope, app.AreaCode, today),
            requests, Instant.FromUtc(2021, 9, 24, 2, 0), Actor.System);
    }

    [Fact]
    public void FIL_14_FIL_15_an_anhui_city_application_goes_to_its_city_with_a_10_working_day_deadline()
    {
        var submitted = Submit(App("anhui", "city", "340200"), new LocalDate(2021, 9, 24));
        submitted.HandlingAuthority.ShouldBe("340200");
        submitted.FirstReviewAuthority.ShouldBeNull();
        submitted.AcceptanceDeadline.ShouldBe(new LocalDate(2021, 10, 13));
    }

    [Fact]
    public void FIL_14_a_guangxi_city_application_is_reviewed_first_by_the_city_and_handled_by_the_region()
    {
        var submitted = Submit(App("guangxi", "city", "450100"), new LocalDate(2021, 4, 13));
        submitted.HandlingAuthority.ShouldBe("450000");
        submitted.FirstReviewAuthority.ShouldBe("450100");
        // 10 working days on Guangxi's calendar skip 三月三 (04-14..17) and count the worked Sundays 04-18 and 04-25
        submitted.AcceptanceDeadline.ShouldBe(new LocalDate(2021, 4, 28));
    }

    [Fact]
    public void FIL_14_guangxi_national_scope_goes_to_the_national_center()
    {
        Submit(App("guangxi", "national", "450100"), new LocalDate(2021, 4, 13)).HandlingAuthority.ShouldBe("000000");
    }

    [Fact]
    public void FIL_07_an_in_principle_rule_blocks_unless_the_applicant_asks_for_an_exception_with_reasons()
    {
        var app = App("guangxi", "city", "450100", highest: 2);
        var e = Should.Throw<BusinessRuleException>(() => Submit(app, new LocalDate(2021, 4, 13)));
        e.Violations.ShouldHaveSingleItem().InPrinciple.ShouldBeTrue();

        var submitted = Submit(app, new LocalDate(2021, 4, 13), new ExceptionRequest("FIL-07", "本机构已承担自治区技师培养项目，具备技师评价能力。"));
        submitted.ExceptedViolations.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-07");
        submitted.ExceptionRequests.ShouldHaveSingleItem().Justification.ShouldContain("技师");
    }

    [Fact]
    public void FIL_01_the_shipped_catalog_knows_the_2022_codes_and_refuses_an_access_type_qualification()
    {
        Catalog.Find(null, "电工")!.Code.ShouldBe("6-31-01-03");
        Catalog.Find("6-31-01-03", "电工")!.Type.ShouldBe(OccupationType.Skill);
        Catalog.Find(null, "特种作业人员")!.Type.ShouldBe(OccupationType.Access);

        var app = App("anhui", "city", "340200");
        app.Apply(new ApplicationDetailsChanged(app.Id, [new OccupationLine("特种作业人员", null, 3, 5, false, null, 20_000, false)], 10, 100_000, false, [], Actor.System));
        Should.Throw<BusinessRuleException>(() => Submit(app, new LocalDate(2021, 9, 24)))
            .Violations.ShouldContain(v => v.RuleId == "FIL-01" && v.Code == "filing.access-type-occupation");
    }

    [Fact]
    public void a_hard_rule_cannot_be_excepted()
    {
        var app = App("anhui", "province", "340100", highest: 1);
        app.Apply(new ApplicationDetailsChanged(app.Id, [new OccupationLine("育婴员", null, 1, 5, false, null, 20_000, false)], 10, 100_000, false, [], Actor.System));
        Should.Throw<BusinessRuleException>(() => Submit(app, new LocalDate(2021, 9, 24), new ExceptionRequest("FIL-08", "请例外")))
            .Violations.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-08");
    }

    [Fact]
    public void a_submitted_application_cannot_be_submitted_again()
    {
        var app = App("anhui", "city", "340200");
        app.Apply(Submit(app, new LocalDate(2021, 9, 24)));
        Should.Throw<BusinessRuleException>(() => Submit(app, new LocalDate(2021, 9, 24))).Violations.Single().Code.ShouldBe("filing.already-submitted");
    }

    [Fact]
    public void a_deadline_beyond_the_loaded_calendar_is_an_explicit_error()
    {
        Should.Throw<CalendarYearNotLoadedException>(() => Submit(App("anhui", "city", "340200"), new LocalDate(2026, 12, 25)));
    }
}
