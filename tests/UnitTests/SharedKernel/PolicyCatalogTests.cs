using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Policies;

namespace Assessment.UnitTests.SharedKernel;

public class PolicyCatalogTests
{
    private static readonly PolicyCatalog Catalog = new(PolicyCatalog.LoadShipped(), CalendarData.LoadShipped().Select(l => l.Id));

    private static ServiceScopePolicy Scope(string policy, string scope) => Catalog.Get(policy).Filing.Scopes.Single(s => s.Scope == scope);

    [Fact]
    public void the_four_jurisdictions_are_shipped_and_valid()
    {
        Catalog.All.Select(p => p.Id).ShouldBe(["anhui", "guangxi", "hubei-huangshi", "national"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("national", "national", 6, 50000, 10000)]
    [InlineData("guangxi", "national", 6, 50000, 10000)]
    [InlineData("guangxi", "province", 5, 20000, 5000)]
    [InlineData("guangxi", "city", 3, 5000, 1000)]
    [InlineData("anhui", "province", 5, 20000, 5000)]
    public void FIL_06_thresholds_per_scope_are_policy_data(string policy, string scope, int years, int cumulative, int perOccupation)
    {
        Scope(policy, scope).Threshold.ShouldBe(new ExperienceThreshold(years, cumulative, perOccupation));
    }

    [Fact]
    public void FIL_06_anhui_city_thresholds_are_left_to_each_city_and_subsidized_training_substitutes_province_wide()
    {
        Scope("anhui", "city").Threshold.ShouldBeNull();
        Scope("anhui", "city").ThresholdNote.ShouldNotBeNullOrWhiteSpace();
        Scope("anhui", "province").SubsidizedTrainingSubstitutes.ShouldBeTrue();
        Scope("guangxi", "province").SubsidizedTrainingSubstitutes.ShouldBeFalse();
    }

    [Fact]
    public void FIL_07_guangxi_city_scope_is_capped_at_level_three_in_principle()
    {
        Scope("guangxi", "city").MaxLevel.ShouldBe(3);
        Scope("guangxi", "city").OverridableInPrinciple.ShouldBeTrue();
        Scope("guangxi", "province").MaxLevel.ShouldBeNull();
    }

    [Fact]
    public void FIL_04_FIL_10_FIL_12_FIL_13_huangshi_rules_are_data()
    {
        var f = Catalog.Get("hubei-huangshi").Filing;
        f.SocialOrganizationLimits.ShouldBe(new SocialOrganizationLimits(5, 2, true));
        f.PledgeableMaterials.ShouldBe([4, 5]);
        f.ApplicationWindows.Select(w => w.Closes).ShouldBe(["04-10", "09-10"]);
        f.IdleRule!.EffectiveFrom.ShouldBe("2021-09-01");
        Catalog.Get("anhui").Filing.ApplicationWindows.ShouldBeEmpty();
    }

    [Fact]
    public void FIL_08_FIL_10_FIL_15_FIL_17_FIL_20_anhui_numbers()
    {
        var f = Catalog.Get("anhui").Filing;
        f.TechnicianLevelsRequirePriorSeniorExperience.ShouldBeTrue();
        f.SimplifiedMaterialsForFiledOrganizations.ShouldBeTrue();
        f.AcceptanceWorkingDays.ShouldBe(10);
        f.PublicityWorkingDays.ShouldBe(5);
        f.ValidityYears.ShouldBe(3);
    }

    [Fact]
    public void FIL_24_anhui_city_codes_follow_the_provincial_table_not_GB_T_2260()
    {
        var n = Catalog.Get("anhui").Filing.Numbering;
        n.ProvinceCode.ShouldBe("34");
        n.CityCodes["340100"].ShouldBe("01");
        n.CityCodes["341500"].ShouldBe("24"); // 六安
        n.CityCodes["341800"].ShouldBe("25"); // 宣城
        n.CityCodes["341700"].ShouldBe("29"); // 池州
        n.CityCodes["341600"].ShouldBe("30"); // 亳州
        n.CityCodes["340000"].ShouldBe("00"); // 省直
        Catalog.Get("guangxi").Filing.Numbering.ProvinceCode.ShouldBe("45");
        Catalog.Get("hubei-huangshi").Filing.Numbering.CityCodes["420200"].ShouldBe("02");
    }

    [Fact]
    public void BAT_06_results_publicity_differs_by_unit()
    {
        Catalog.Get("guangxi").Batches.ResultsPublicity.ShouldBe(new PublicityPeriod(5, PublicityUnits.WorkingDays));
        Catalog.Get("anhui").Batches.ResultsPublicity.ShouldBe(new PublicityPeriod(7, PublicityUnits.CalendarDays));
        Catalog.Get("anhui").Batches.PlanFilingLeadWorkingDays.ShouldBe(10);
        Catalog.Get("guangxi").Batches.AnnouncementLeadWorkingDays.ShouldBe(10);
    }

    [Fact]
    public void the_calendar_layer_is_chosen_by_policy()
    {
        Catalog.Get("guangxi").CalendarLayer.ShouldBe("guangxi");
        Catalog.Get("anhui").CalendarLayer.ShouldBe("national");
    }

    [Fact]
    public void authority_hierarchy_runs_from_county_to_national()
    {
        Catalog.Ancestry("420281").Select(a => a.Code).ShouldBe(["420281", "420200", "420000", "000000"]);
        Catalog.IsWithin("340200", "340000").ShouldBeTrue();
        Catalog.IsWithin("340200", "000000").ShouldBeTrue();
        Catalog.IsWithin("340100", "340200").ShouldBeFalse();
        Catalog.IsWithin("340000", "340200").ShouldBeFalse();
        Catalog.IsWithin("450100", "340000").ShouldBeFalse();
        Catalog.PolicyForArea("420281").Id.ShouldBe("hubei-huangshi");
        Catalog.AreasWithin("420200").Count.ShouldBe(7);
    }

    [Fact]
    public void an_invalid_policy_stops_start_up_listing_every_problem()
    {
        var anhui = Catalog.Get("anhui");
        var broken = anhui with
        {
            CalendarLayer = "mars",
            Filing = anhui.Filing with
            {
                PublicityWorkingDays = 0,
                Numbering = anhui.Filing.Numbering with { ProvinceCode = "3X" },
            },
        };
        var others = Catalog.All.Where(p => p.Id != "anhui");
        var e = Should.Throw<InvalidOperationException>(() => new PolicyCatalog(others.Append(broken), ["national", "guangxi"]));
        e.Message.ShouldContain("unknown calendar layer 'mars'");
        e.Message.ShouldContain("FIL-17");
        e.Message.ShouldContain("FIL-24 province code");
    }

    [Fact]
    public void a_duplicated_authority_code_is_rejected()
    {
        var gx = Catalog.Get("guangxi");
        var clash = gx with { Authorities = [.. gx.Authorities, new AuthorityDefinition("340100", "重复", "重复", "city", "450000")] };
        var e = Should.Throw<InvalidOperationException>(() =>
            new PolicyCatalog(Catalog.All.Where(p => p.Id != "guangxi").Append(clash), ["national", "guangxi"]));
        e.Message.ShouldContain("authority 340100 also defined");
    }
}
