using Assessment.Filing.Catalog;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.UnitTests.Filing;

public class SubmissionRulesTests
{
    private static readonly WorkingDayCalendar Calendar = new(CalendarData.LoadShipped());
    private static readonly PolicyCatalog Policies = new(PolicyCatalog.LoadShipped(), Calendar.LayerIds);
    private static readonly OccupationCatalog Catalog = new(OccupationCatalog.LoadShipped().All
        .Append(new CatalogOccupation("焊工", "6-18-02-04", "准入类", OccupationType.Access, "test")));
    private static readonly LocalDate Today = new(2026, 4, 1);

    private static OccupationLine Line(string name = "育婴员", int highest = 3, int lowest = 5, int personTimes = 20_000, bool prior = true) =>
        new(name, null, highest, lowest, false, new LocalDate(2015, 1, 1), personTimes, prior);

    private static FilingApplication App(string jurisdiction, string scope, string area, params OccupationLine[] lines)
    {
        var app = FilingApplication.Create(new ApplicationDrafted(Guid.NewGuid(), Guid.NewGuid(), "测试机构", area, jurisdiction, scope,
            Instant.FromUtc(2026, 4, 1, 0, 0), Actor.System));
        app.Apply(new ApplicationDetailsChanged(app.Id, lines.Length == 0 ? [Line()] : lines, 10, 100_000, false, [], Actor.System));
        foreach (var item in Enumerable.Range(1, 6)) Attach(app, item);
        return app;
    }

    private static void Attach(FilingApplication app, int item) =>
        app.Apply(new MaterialAttached(app.Id, Guid.NewGuid(), item, $"{item}.pdf", "application/pdf", 100, "ab", Instant.FromUtc(2026, 4, 1, 0, 0), Actor.System));

    private static FilingApplication WithoutMaterials(FilingApplication app, params int[] items)
    {
        foreach (var m in app.Materials.Where(m => items.Contains(m.Item)).ToList())
            app.Apply(new MaterialRemoved(app.Id, m.Id, Instant.FromUtc(2026, 4, 1, 0, 0), Actor.System));
        return app;
    }

    [Theory]
    [InlineData("national", "national", "340200")]
    [InlineData("anhui", "city", "340200")]
    [InlineData("guangxi", "city", "450100")]
    [InlineData("hubei-huangshi", "city", "420281")]
    public void FIL_10_each_missing_material_item_is_listed(string jurisdiction, string scope, string area)
    {
        var v = Evaluate(WithoutMaterials(App(jurisdiction, scope, area), 2, 3));
        v.Select(x => (x.RuleId, x.Code)).ShouldBe([("FIL-10", "filing.material-missing"), ("FIL-10", "filing.material-missing")]);
        v[0].Message.ShouldContain("法人证书");
        v[1].Message.ShouldContain("工作方案");
        v.Select(x => x.Target).ShouldBe(["/materialItems/2", "/materialItems/3"]);
    }

    [Fact]
    public void FIL_10_in_anhui_an_organization_filed_for_the_same_occupations_sends_only_items_1_and_6()
    {
        var app = WithoutMaterials(App("anhui", "city", "340200"), 2, 3, 4, 5);
        SubmissionRules.Evaluate(app, new SubmissionContext(Policies, Policies.Get("anhui"), OrganizationCategory.Y, Catalog, Today,
            new Dictionary<string, int>(), null, FiledForSameOccupations: true)).ShouldBeEmpty();
        Ids(Evaluate(app, category: OrganizationCategory.Y)).ShouldBe(["FIL-10", "FIL-10", "FIL-10", "FIL-10"]);
        // the simplification is Anhui's: Guangxi asks for everything
        var gx = WithoutMaterials(App("guangxi", "city", "450100"), 2);
        Ids(SubmissionRules.Evaluate(gx, new SubmissionContext(Policies, Policies.Get("guangxi"), OrganizationCategory.Y, Catalog, Today,
            new Dictionary<string, int>(), null, FiledForSameOccupations: true))).ShouldBe(["FIL-10"]);
    }

    [Fact]
    public void FIL_10_in_huangshi_items_4_and_5_may_be_pledged_and_nowhere_else()
    {
        var hb = WithoutMaterials(App("hubei-huangshi", "city", "420281"), 4, 5);
        Ids(Evaluate(hb, today: new LocalDate(2026, 4, 1))).ShouldBe(["FIL-10", "FIL-10"]);
        hb.Apply(new MaterialPledged(hb.Id, 4, "承诺评估前提交", Instant.FromUtc(2026, 4, 1, 0, 0), Actor.System));
        hb.Apply(new MaterialPledged(hb.Id, 5, "承诺评估前提交", Instant.FromUtc(2026, 4, 1, 0, 0), Actor.System));
        Evaluate(hb, today: new LocalDate(2026, 4, 1)).ShouldBeEmpty();

        var ah = WithoutMaterials(App("anhui", "city", "340200"), 4);
        ah.Apply(new MaterialPledged(ah.Id, 4, "承诺", Instant.FromUtc(2026, 4, 1, 0, 0), Actor.System));
        Ids(Evaluate(ah)).ShouldBe(["FIL-10"]);
    }

    private static FilingApplication With(FilingApplication app, int years, int cumulative, bool subsidized = false)
    {
        app.Apply(new ApplicationDetailsChanged(app.Id, app.Occupations, years, cumulative, subsidized, [], Actor.System));
        return app;
    }

    private static IReadOnlyList<RuleViolation> Evaluate(FilingApplication app, LocalDate? today = null,
        OrganizationCategory category = OrganizationCategory.S, Dictionary<string, int>? filed = null, ExistingFiling? existing = null) =>
        SubmissionRules.Evaluate(app, new SubmissionContext(Policies, Policies.Get(app.Jurisdiction), category, Catalog, today ?? Today,
            filed ?? new Dictionary<string, int>(), existing));

    private static IEnumerable<string> Ids(IEnumerable<RuleViolation> v) => v.Select(x => x.RuleId);

    [Theory]
    [InlineData("national", "national", "340200")]
    [InlineData("anhui", "province", "340200")]
    [InlineData("anhui", "city", "340200")]
    [InlineData("guangxi", "national", "450100")]
    [InlineData("guangxi", "province", "450100")]
    [InlineData("guangxi", "city", "450100")]
    [InlineData("hubei-huangshi", "city", "420281")]
    public void a_complete_application_passes_every_rule_in_every_jurisdiction(string jurisdiction, string scope, string area)
    {
        Evaluate(App(jurisdiction, scope, area)).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_01_occupations_outside_the_catalog_or_of_access_type_are_refused()
    {
        var v = Evaluate(App("anhui", "province", "340100", Line("不存在的工种"), Line("焊工")));
        v.Where(x => x.RuleId == "FIL-01").Select(x => x.Code).ShouldBe(["filing.occupation-not-in-catalog", "filing.access-type-occupation"]);
        v.Where(x => x.RuleId == "FIL-01").ShouldAllBe(x => !x.InPrinciple);
        v.Where(x => x.RuleId == "FIL-01").Select(x => x.Target).ShouldBe(["/occupations/0", "/occupations/1"]);
    }

    [Fact]
    public void FIL_04_huangshi_limits_social_organizations_to_five_occupations_in_principle()
    {
        var six = new[] { "育婴员", "保育员", "美容师", "美发师", "茶艺师", "评茶员" }.Select(n => Line(n)).ToArray();
        var v = Evaluate(App("hubei-huangshi", "city", "420200", six));
        v.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-04");
        v.Single().InPrinciple.ShouldBeTrue();
        Ids(Evaluate(App("hubei-huangshi", "city", "420200", six), category: OrganizationCategory.Y)).ShouldNotContain("FIL-04");
        Evaluate(App("anhui", "province", "340100", six)).ShouldBeEmpty(); // not an Anhui rule
    }

    [Fact]
    public void FIL_04_huangshi_takes_no_third_organization_for_an_occupation_in_principle()
    {
        var app = App("hubei-huangshi", "city", "420200", Line("育婴员"));
        Evaluate(app, filed: new() { ["育婴员"] = 2 }).ShouldHaveSingleItem().Code.ShouldBe("filing.occupation-saturated");
        Evaluate(app, filed: new() { ["育婴员"] = 1 }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("national", "national", "340200", 6, 50_000, 10_000)]
    [InlineData("guangxi", "national", "450100", 6, 50_000, 10_000)]
    [InlineData("guangxi", "province", "450100", 5, 20_000, 5_000)]
    [InlineData("guangxi", "city", "450100", 3, 5_000, 1_000)]
    [InlineData("anhui", "province", "340100", 5, 20_000, 5_000)]
    public void FIL_06_experience_thresholds_per_scope(string jurisdiction, string scope, string area, int years, int cumulative, int perOccupation)
    {
        With(App(jurisdiction, scope, area, Line(personTimes: perOccupation)), years, cumulative).Let(a => Evaluate(a).ShouldBeEmpty());
        var failing = With(App(jurisdiction, scope, area, Line(personTimes: perOccupation - 1)), years - 1, cumulative - 1);
        var v = Evaluate(failing);
        v.Select(x => x.Code).ShouldBe(["filing.experience.years", "filing.experience.cumulative", "filing.experience.per-occupation"]);
        v.ShouldAllBe(x => x.RuleId == "FIL-06" && x.InPrinciple);
    }

    [Fact]
    public void FIL_06_anhui_province_accepts_subsidized_training_instead_of_the_numbers_but_guangxi_does_not()
    {
        Evaluate(With(App("anhui", "province", "340100", Line(personTimes: 0)), 0, 0, subsidized: true)).ShouldBeEmpty();
        Ids(Evaluate(With(App("guangxi", "province", "450100", Line(personTimes: 0)), 0, 0, subsidized: true))).ShouldContain("FIL-06");
    }

    [Fact]
    public void FIL_06_anhui_city_thresholds_are_left_to_each_city()
    {
        Evaluate(With(App("anhui", "city", "340200", Line(personTimes: 0)), 0, 0)).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_07_guangxi_city_scope_is_capped_at_level_three_in_principle()
    {
        var v = Evaluate(App("guangxi", "city", "450100", Line(highest: 2)));
        var cap = v.ShouldHaveSingleItem();
        cap.RuleId.ShouldBe("FIL-07");
        cap.InPrinciple.ShouldBeTrue();
        cap.Message.ShouldContain("三级/高级工");
        Evaluate(App("guangxi", "province", "450100", Line(highest: 1))).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_08_anhui_technician_levels_need_prior_senior_evaluation()
    {
        var v = Evaluate(App("anhui", "province", "340100", Line(highest: 2, prior: false)));
        v.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-08");
        v.Single().InPrinciple.ShouldBeFalse();
        Evaluate(App("anhui", "province", "340100", Line(highest: 2, prior: true))).ShouldBeEmpty();
        Evaluate(App("guangxi", "province", "450100", Line(highest: 1, prior: false))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-03-10", true)]
    [InlineData("2026-04-10", true)]
    [InlineData("2026-04-11", false)]
    [InlineData("2026-08-10", true)]
    [InlineData("2026-09-10", true)]
    [InlineData("2026-09-11", false)]
    [InlineData("2026-12-01", false)]
    public void FIL_12_huangshi_takes_applications_in_the_april_and_september_windows_only(string date, bool open)
    {
        var today = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        var v = Evaluate(App("hubei-huangshi", "city", "420200"), today);
        if (open) v.ShouldBeEmpty();
        else v.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-12");
        Evaluate(App("anhui", "province", "340100"), today).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_12_the_refusal_names_the_next_window()
    {
        Evaluate(App("hubei-huangshi", "city", "420200"), new LocalDate(2026, 12, 1)).Single().Message.ShouldContain("2027-03-10");
    }

    [Fact]
    public void FIL_13_an_idle_huangshi_organization_may_not_add_occupations_or_levels()
    {
        var existing = new ExistingFiling([Line("育婴员", highest: 4)], HasRunCertification: false);
        var adding = App("hubei-huangshi", "city", "420200", Line("育婴员", highest: 3));
        Evaluate(adding, existing: existing).ShouldHaveSingleItem().RuleId.ShouldBe("FIL-13");
        Evaluate(adding, existing: existing with { HasRunCertification = true }).ShouldBeEmpty();
        Evaluate(adding, new LocalDate(2021, 8, 20), existing: existing).ShouldBeEmpty(); // window open, FIL-13 in force only from 2021-09
        Evaluate(App("hubei-huangshi", "city", "420200", Line("育婴员", highest: 4)), existing: existing).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_05_an_organization_applies_only_inside_its_jurisdiction()
    {
        Ids(Evaluate(App("guangxi", "province", "340100"))).ShouldContain("FIL-05");
        Evaluate(App("national", "national", "450100")).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_14_a_city_scope_needs_a_city_authority_above_the_organization()
    {
        Ids(Evaluate(App("anhui", "city", "340000"))).ShouldContain("FIL-14");
    }

    [Fact]
    public void every_failing_rule_is_reported_at_once()
    {
        var app = With(App("guangxi", "city", "450100", Line("焊工", highest: 1, personTimes: 10)), 1, 100);
        Ids(Evaluate(app)).Distinct().ShouldBe(["FIL-01", "FIL-06", "FIL-07"], ignoreOrder: true);
    }
}

internal static class TestExtensions
{
    public static void Let<T>(this T value, Action<T> action) => action(value);
}
