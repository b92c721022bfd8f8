using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.UnitTests.Filing;

/// <summary>FIL-02 enterprises, FIL-03 technical schools and FIL-09 preferences, in each of the four jurisdictions.</summary>
public class ApplicantRulesTests
{
    private static readonly PolicyCatalog Policies = new(PolicyCatalog.LoadShipped(), CalendarData.LoadShipped().Select(l => l.Id));
    private static readonly OccupationCatalog Catalog = OccupationCatalog.LoadShipped();
    private static readonly LocalDate Today = new(2026, 4, 1); // inside Huangshi's April window (FIL-12)
    private static readonly Instant Now = Instant.FromUtc(2026, 4, 1, 0, 0);

    /// <summary>Where an organization of each jurisdiction applies: jurisdiction, scope, registration area.</summary>
    public static TheoryData<string, string, string> Everywhere => new()
    {
        { "hubei-huangshi", "city", "420281" }, { "anhui", "city", "340200" }, { "guangxi", "city", "450100" }, { "national", "national", "340200" },
    };

    private static OccupationLine Line(string name = "育婴员", OccupationMapping? mapping = null) =>
        new(name, null, 3, 5, false, new LocalDate(2015, 1, 1), 20_000, true, mapping);

    private static FilingApplication App(string jurisdiction, string scope, string area, OccupationLine[]? lines = null,
        EvaluatedPopulation[]? populations = null, string? mainBusiness = null, SchoolMajor[]? majors = null)
    {
        var app = FilingApplication.Create(
            new ApplicationDrafted(Guid.NewGuid(), Guid.NewGuid(), "测试机构", area, jurisdiction, scope, Now, Actor.System));
        app.Apply(new ApplicationDetailsChanged(app.Id, lines ?? [Line()], 10, 100_000, false, [], Actor.System, null, Now,
            populations ?? [], mainBusiness, majors ?? []));
        foreach (var item in Enumerable.Range(1, 6))
            app.Apply(new MaterialAttached(app.Id, Guid.NewGuid(), item, $"{item}.pdf", "application/pdf", 100, "ab", Now, Actor.System));
        return app;
    }

    private static IReadOnlyList<RuleViolation> Evaluate(FilingApplication app, OrganizationCategory category, OrganizationNature nature) =>
        SubmissionRules.Evaluate(app, new SubmissionContext(Policies, Policies.Get(app.Jurisdiction), category, Catalog, Today,
            new Dictionary<string, int>(), null, Nature: nature));

    private static IReadOnlyList<RuleViolation> AsEnterprise(FilingApplication app) =>
        Evaluate(app, OrganizationCategory.Y, OrganizationNature.Enterprise);

    private static IReadOnlyList<RuleViolation> AsSchool(FilingApplication app) =>
        Evaluate(app, OrganizationCategory.S, OrganizationNature.TechnicalSchool);

    private static readonly EvaluatedPopulation[] OwnPeople = [EvaluatedPopulation.OwnStaff, EvaluatedPopulation.DispatchedOrOutsourced];

    [Theory]
    [MemberData(nameof(Everywhere))]
    public void FIL_02_an_enterprise_declaring_outside_candidates_is_refused_only_where_the_notice_limits_it_to_its_own_staff(
        string jurisdiction, string scope, string area)
    {
        var v = AsEnterprise(App(jurisdiction, scope, area, populations: [.. OwnPeople, EvaluatedPopulation.ExternalWorkers], mainBusiness: "家政服务"));
        if (jurisdiction == "hubei-huangshi") // 黄人社函〔2021〕26号 一（一）
        {
            var refused = v.ShouldHaveSingleItem();
            (refused.RuleId, refused.Code, refused.InPrinciple, refused.Target)
                .ShouldBe(("FIL-02", "filing.enterprise.external-candidates", false, "/evaluatedPopulations"));
            refused.Message.ShouldContain("本企业职工（含劳务派遣、劳务外包等各类用工人员）");
            refused.Message.ShouldContain("企业职工和社会劳动者（社会人员）");
        }
        else v.ShouldBeEmpty(); // 皖人社秘〔2020〕65号 二, 桂人社函〔2020〕203号, 中就培函〔2020〕16号: enterprises may serve the public
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public void FIL_02_own_staff_with_dispatched_and_outsourced_workers_and_a_main_business_pass_everywhere(
        string jurisdiction, string scope, string area)
    {
        AsEnterprise(App(jurisdiction, scope, area, populations: OwnPeople, mainBusiness: "特殊钢冶炼")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public void FIL_02_huangshi_asks_an_enterprise_whom_it_evaluates_and_its_main_business(string jurisdiction, string scope, string area)
    {
        var v = AsEnterprise(App(jurisdiction, scope, area));
        if (jurisdiction == "hubei-huangshi")
        {
            v.Select(x => (x.RuleId, x.Code, x.Target)).ShouldBe([
                ("FIL-02", "filing.enterprise.population-missing", "/evaluatedPopulations"),
                ("FIL-02", "filing.enterprise.main-business-missing", "/mainBusiness")]);
            v[1].Message.ShouldContain("生产经营主业");
        }
        else v.ShouldBeEmpty();
        // the rule is about enterprises (用人单位): a social training organization is not asked
        Evaluate(App(jurisdiction, scope, area), OrganizationCategory.S, OrganizationNature.Enterprise).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public void FIL_02_an_occupation_missing_from_the_catalog_maps_to_the_nearest_one_only_where_the_notice_allows_it(
        string jurisdiction, string scope, string area)
    {
        var mapped = Line("金属材精整工", new OccupationMapping("特钢棒材精整工", "岗位未列入大典，工作内容与金属材精整工最相近。"));
        var v = AsEnterprise(App(jurisdiction, scope, area, [Line(), mapped], OwnPeople, "特殊钢冶炼"));
        if (jurisdiction == "hubei-huangshi") v.ShouldBeEmpty(); // 黄人社函〔2021〕26号 一（一） 相邻近原则
        else
        {
            var refused = v.ShouldHaveSingleItem();
            (refused.RuleId, refused.Code, refused.Target).ShouldBe(("FIL-02", "filing.nearest-mapping-not-allowed", "/occupations/1"));
            refused.Message.ShouldContain("不适用相邻近原则");
        }
    }

    [Fact]
    public void FIL_02_huangshi_maps_only_jobs_missing_from_the_catalog_only_for_enterprises_and_only_onto_catalog_occupations()
    {
        OccupationLine Mapped(string catalogName, string requested) => Line(catalogName, new OccupationMapping(requested, "相近"));
        var unneeded = AsEnterprise(App("hubei-huangshi", "city", "420281", [Mapped("钳工", "电工")], OwnPeople, "机械制造"));
        unneeded.ShouldHaveSingleItem().Code.ShouldBe("filing.nearest-mapping-unneeded");
        unneeded.Single().Message.ShouldContain("“电工”已收录于职业分类大典");

        var social = Evaluate(App("hubei-huangshi", "city", "420281", [Mapped("钳工", "装配钳工甲")]),
            OrganizationCategory.S, OrganizationNature.Enterprise);
        social.ShouldHaveSingleItem().Code.ShouldBe("filing.nearest-mapping-not-allowed");

        var offCatalog = AsEnterprise(App("hubei-huangshi", "city", "420281", [Mapped("不存在的工种", "特钢精整工")], OwnPeople, "特殊钢冶炼"));
        offCatalog.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-01"); // the nearest occupation must itself be in the catalog
    }

    [Theory]
    [MemberData(nameof(Everywhere))]
    public void FIL_03_a_school_occupation_not_covered_by_its_majors_is_refused_only_where_the_notice_ties_them(
        string jurisdiction, string scope, string area)
    {
        var majors = new[] { new SchoolMajor("电气自动化设备安装与维修", ["电工"]) };
        var v = AsSchool(App(jurisdiction, scope, area, [Line("电工"), Line("育婴员")], majors: majors));
        if (jurisdiction == "hubei-huangshi") // 黄人社函〔2021〕26号 一（二）
        {
            var refused = v.ShouldHaveSingleItem();
            (refused.RuleId, refused.Code, refused.InPrinciple, refused.Target)
                .ShouldBe(("FIL-03", "filing.school.occupation-not-in-majors", false, "/occupations/1"));
            refused.Message.ShouldStartWith("“育婴员”不对应本校申报的任何专业");
        }
        else v.ShouldBeEmpty();
    }

    [Fact]
    public void FIL_03_a_major_covers_an_occupation_by_name_or_by_its_catalog_code_and_a_school_is_not_held_to_the_social_organization_limits()
    {
        var byCode = new[] { new SchoolMajor("电气自动化设备安装与维修", ["6-31-01-03"]) };
        AsSchool(App("hubei-huangshi", "city", "420200", [Line("电工")], majors: byCode)).ShouldBeEmpty();

        var six = new[] { "育婴员", "保育员", "美容师", "美发师", "茶艺师", "评茶员" };
        var majors = new[] { new SchoolMajor("幼儿教育", six[..2]), new SchoolMajor("美容美发与造型", six[2..4]), new SchoolMajor("茶艺", six[4..]) };
        AsSchool(App("hubei-huangshi", "city", "420200", six.Select(n => Line(n)).ToArray(), majors: majors)).ShouldBeEmpty();
        // the same six occupations from a 社会培训评价组织 meet FIL-04 (黄人社函〔2021〕26号 一（三）)
        Evaluate(App("hubei-huangshi", "city", "420200", six.Select(n => Line(n)).ToArray()), OrganizationCategory.S, OrganizationNature.Other)
            .ShouldHaveSingleItem().RuleId.ShouldBe("FIL-04");
    }

    [Theory]
    [InlineData("anhui", "national-standards,assessment-station,autonomous-evaluation", "filed-pilot")]
    [InlineData("guangxi", "filed-pilot,training-tasks", "assessment-station")]
    [InlineData("national", "provincially-filed", "national-standards")]
    [InlineData("hubei-huangshi", "", "training-tasks")]
    public void FIL_09_only_the_preference_flags_of_the_jurisdictions_own_list_may_be_declared(string jurisdiction, string offered, string foreign)
    {
        var app = App(jurisdiction, "city", "340200");
        var policy = Policies.Get(jurisdiction);
        var codes = offered.Split(',', StringSplitOptions.RemoveEmptyEntries);
        policy.Filing.Preferences.Select(p => p.Code).ShouldBe(codes);
        var changed = DraftingDecider.Change(app, Details(codes), policy, Now, Actor.System);
        changed.Preferences.ShouldBe(codes);

        var e = Should.Throw<BusinessRuleException>(() => DraftingDecider.Change(app, Details([.. codes, foreign]), policy, Now, Actor.System));
        var refused = e.Violations.ShouldHaveSingleItem();
        (refused.RuleId, refused.Code, refused.Target).ShouldBe(("FIL-09", "filing.preference-unknown", "/preferences"));
        refused.Message.ShouldContain($"“{foreign}”不是{policy.ShortName}的择优条件");
    }

    private static ChangeApplicationDetails Details(string[] preferences) => new(1, [Line()], 10, 100_000, false, preferences);

    [Theory]
    [InlineData("anhui", "皖人社秘〔2020〕65号 一（八）", 3)]
    [InlineData("guangxi", "桂人社函〔2020〕203号 二（二）", 2)]
    [InlineData("national", "中就培函〔2020〕16号 四（二）", 1)]
    [InlineData("hubei-huangshi", "", 0)]
    public void FIL_09_each_flag_has_a_name_and_the_article_it_comes_from(string jurisdiction, string article, int count)
    {
        var flags = Policies.Get(jurisdiction).Filing.Preferences;
        flags.Count.ShouldBe(count);
        flags.ShouldAllBe(f => f.Basis.StartsWith(article) && f.Name.Length > 0 && f.Name != f.Code);
    }

    [Fact]
    public void FIL_02_FIL_03_FIL_09_a_policy_without_its_sections_or_a_flag_without_its_basis_stops_the_start()
    {
        var anhui = Policies.Get("anhui");
        var broken = anhui with
        {
            Filing = anhui.Filing with
            {
                Enterprises = null!, TechnicalSchools = anhui.Filing.TechnicalSchools with { Basis = " " },
                Preferences = [.. anhui.Filing.Preferences, new PreferenceFlag("x", "无依据", "")],
            },
        };
        var others = Policies.All.Where(p => p.Id != "anhui");
        var e = Should.Throw<InvalidOperationException>(() => new PolicyCatalog(others.Append(broken), CalendarData.LoadShipped().Select(l => l.Id)));
        e.Message.ShouldContain("FIL-02");
        e.Message.ShouldContain("FIL-03");
        e.Message.ShouldContain("FIL-09 preference 'x'");
    }
}
