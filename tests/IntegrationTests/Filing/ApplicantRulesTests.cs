using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using NodaTime;

namespace Assessment.IntegrationTests.Filing;

/// <summary>FIL-02 enterprises, FIL-03 technical schools, FIL-09 preference flags — through the API, per jurisdiction.</summary>
public class ApplicantRulesTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<FilingJourney> Drafted(string jurisdiction, string tag, int serial = 1, string category = "Y", string nature = "Enterprise",
        object[]? lines = null)
    {
        var where = Jurisdiction.Named(jurisdiction);
        // Huangshi takes applications only in its windows (FIL-12); 2026-09-01 is inside the September one.
        if (where == Jurisdiction.Huangshi) App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
        var journey = await new FilingJourney(Host, Given, App, where, tag).Participants(serial, category, nature);
        await journey.Draft(lines);
        return journey;
    }

    /// <summary>The organization changes what it applies for (the whole details body, as the SPA sends it).</summary>
    private static async Task<JsonObject> Details(FilingJourney journey, object[]? lines = null, string[]? populations = null,
        string? mainBusiness = null, object[]? majors = null, string[]? preferences = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        var answer = await journey.Send(journey.Organization, $"/api/filing/applications/{journey.ApplicationId}", new
        {
            version = journey.Version, occupations = lines ?? [FilingJourney.Line()], consecutiveYears = 10, cumulativePersonTimes = 100_000,
            subsidizedTraining = false, evaluatedPopulations = populations ?? FilingJourney.OwnStaff,
            mainBusiness = mainBusiness ?? FilingJourney.MainBusiness, majors, preferences,
        }, status, put: true);
        if (status == HttpStatusCode.OK) await journey.Reload();
        return answer;
    }

    private static object MappedLine(string catalogName, string requested, string reason) => new
    {
        name = catalogName, highestLevel = 3, lowestLevel = 5, isNewOccupation = false, personTimes = 20_000, priorSeniorEvaluation = true,
        mapping = new { requestedName = requested, reason },
    };

    private static Task<JsonObject> Refused(FilingJourney journey) => journey.Send(journey.Organization,
        $"/api/filing/applications/{journey.ApplicationId}/submit", new { version = journey.Version }, HttpStatusCode.UnprocessableEntity);

    private static List<JsonObject> Rules(JsonObject problem) => problem["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();

    [Theory]
    [InlineData("hubei-huangshi", true)]
    [InlineData("anhui", false)]
    [InlineData("guangxi", false)]
    [InlineData("national", false)]
    public async Task FIL_02_an_enterprise_declaring_outside_candidates_is_refused_422_where_the_notice_limits_it_to_its_own_staff(
        string jurisdiction, bool refused)
    {
        var journey = await Drafted(jurisdiction, "ent");
        await Details(journey, populations: ["OwnStaff", "ExternalWorkers"]);
        var view = await journey.Reload();
        view["evaluatedPopulationNames"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["本单位职工", "企业职工和社会劳动者（社会人员）"]);
        view["mainBusiness"]!.GetValue<string>().ShouldBe(FilingJourney.MainBusiness);

        if (!refused)
        {
            (await journey.Submit())["status"]!.GetValue<string>().ShouldBe("Submitted");
            return;
        }
        var problem = await Refused(journey);
        var rule = Rules(problem).ShouldHaveSingleItem();
        rule["ruleId"]!.GetValue<string>().ShouldBe("FIL-02");
        rule["code"]!.GetValue<string>().ShouldBe("filing.enterprise.external-candidates");
        rule["inPrinciple"]!.GetValue<bool>().ShouldBeFalse();
        rule["target"]!.GetValue<string>().ShouldBe("/evaluatedPopulations");
        rule["message"]!.GetValue<string>().ShouldContain("只面向本企业职工（含劳务派遣、劳务外包等各类用工人员）");
        (await journey.Reload())["status"]!.GetValue<string>().ShouldBe("Draft");

        await Details(journey, populations: ["OwnStaff", "DispatchedOrOutsourced"]);
        (await journey.Submit())["status"]!.GetValue<string>().ShouldBe("Submitted");
    }

    [Fact]
    public async Task FIL_02_huangshi_records_the_nearest_occupation_with_the_enterprises_own_job_and_reason_and_the_reviewer_sees_them()
    {
        var journey = await Drafted("hubei-huangshi", "steel");
        await Details(journey, [FilingJourney.Line("钢筋工"), MappedLine("金属材精整工", "特钢棒材精整工", "本企业特钢棒材精整岗位未列入大典，工作内容与金属材精整工最相近。")],
            mainBusiness: "特殊钢冶炼及压延加工");
        await journey.Submit();

        var seen = await Given.Get<JsonObject>(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}");
        var line = seen["occupations"]![1]!;
        line["name"]!.GetValue<string>().ShouldBe("金属材精整工");
        line["requestedName"]!.GetValue<string>().ShouldBe("特钢棒材精整工");
        line["mappingReason"]!.GetValue<string>().ShouldContain("最相近");
        seen["occupations"]![0]!["requestedName"].ShouldBeNull();
        seen["mainBusiness"]!.GetValue<string>().ShouldBe("特殊钢冶炼及压延加工");
        seen["history"]!.AsArray().Select(s => s!["detail"]?.GetValue<string>()).ShouldContain("职业（工种）2个，其中按相邻近原则对应1个");
    }

    [Fact]
    public async Task FIL_02_anhui_knows_no_nearest_occupation_mapping_and_names_the_line()
    {
        var journey = await Drafted("anhui", "map");
        await Details(journey, [FilingJourney.Line(), MappedLine("金属材精整工", "特钢棒材精整工", "相近")]);
        var problem = await Refused(journey);
        var rule = Rules(problem).ShouldHaveSingleItem();
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>(), rule["target"]!.GetValue<string>())
            .ShouldBe(("FIL-02", "filing.nearest-mapping-not-allowed", "/occupations/1"));
        rule["message"]!.GetValue<string>().ShouldBe("安徽不适用相邻近原则，“特钢棒材精整工”请直接按职业分类大典中的职业（工种）申报。");
    }

    [Fact]
    public async Task FIL_03_a_huangshi_technical_school_is_refused_422_an_occupation_its_majors_do_not_cover()
    {
        var journey = await Drafted("hubei-huangshi", "school", category: "S", nature: "TechnicalSchool");
        object[] lines = [FilingJourney.Line("电工"), FilingJourney.Line("育婴员")];
        await Details(journey, lines, majors: [new { name = "电气自动化设备安装与维修", occupations = new[] { "电工" } }]);
        var problem = await Refused(journey);
        var rule = Rules(problem).ShouldHaveSingleItem();
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>(), rule["target"]!.GetValue<string>())
            .ShouldBe(("FIL-03", "filing.school.occupation-not-in-majors", "/occupations/1"));
        rule["message"]!.GetValue<string>().ShouldStartWith("“育婴员”不对应本校申报的任何专业");

        await Details(journey, lines, majors:
        [
            new { name = "电气自动化设备安装与维修", occupations = new[] { "电工" } }, new { name = "幼儿教育", occupations = new[] { "育婴员" } },
        ]);
        await journey.Submit();
        var seen = await Given.Get<JsonObject>(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}");
        seen["majors"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ShouldBe(["电气自动化设备安装与维修", "幼儿教育"]);
        seen["status"]!.GetValue<string>().ShouldBe("Submitted");
    }

    [Fact]
    public async Task FIL_09_a_flag_outside_the_jurisdictions_list_is_refused_422()
    {
        var journey = await Drafted("hubei-huangshi", "flag");
        var problem = await Details(journey, preferences: ["assessment-station"], status: HttpStatusCode.UnprocessableEntity);
        var rule = Rules(problem).ShouldHaveSingleItem();
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>()).ShouldBe(("FIL-09", "filing.preference-unknown"));
        rule["message"]!.GetValue<string>().ShouldContain("本辖区政策未规定择优条件");
    }

    [Theory]
    [InlineData("anhui", "assessment-station", "设有职业技能鉴定所（站），连续3年以上稳定开展评价", "皖人社秘〔2020〕65号 一（八）")]
    [InlineData("guangxi", "training-tasks", "承接终身职业技能培训、新型学徒制、技能提升行动培训任务", "桂人社函〔2020〕203号 二（二）2")]
    public async Task FIL_09_flagged_applications_come_first_within_their_status_with_the_flags_names_and_bases_and_no_score(
        string jurisdiction, string flag, string name, string article)
    {
        // drafted first, so that by deadline and date alone it would come last among the submitted ones
        var flagged = await Drafted(jurisdiction, "f1", 1);
        await Details(flagged, preferences: [flag]);
        await flagged.Submit();
        var later = new List<FilingJourney>();
        for (var i = 2; i <= 3; i++)
        {
            App.Clock.AdvanceMinutes(10);
            var plain = await Drafted(jurisdiction, $"p{i}", i);
            await plain.Submit();
            later.Add(plain);
        }
        // flagged too, but accepted: it stays behind every submitted application
        App.Clock.AdvanceMinutes(10);
        var accepted = await Drafted(jurisdiction, "f4", 4);
        await Details(accepted, preferences: [flag]);
        await accepted.Submit();
        await accepted.Accept();

        var list = await Given.Get<JsonObject>(flagged.Reviewer, "/api/filing/applications");
        var rows = list["items"]!.AsArray().Select(r => r!.AsObject()).ToList();
        rows.Select(r => r["id"]!.GetValue<Guid>())
            .ShouldBe([flagged.ApplicationId, later[1].ApplicationId, later[0].ApplicationId, accepted.ApplicationId]);
        var shown = rows[0]["preferenceFlags"]!.AsArray().ShouldHaveSingleItem()!;
        shown["name"]!.GetValue<string>().ShouldBe(name);
        shown["basis"]!.GetValue<string>().ShouldStartWith(article);
        rows[1]["preferenceFlags"]!.AsArray().ShouldBeEmpty();
        rows.ShouldAllBe(r => !r.ToJsonString().Contains(flag));
        rows.SelectMany(r => r.Select(p => p.Key)).ShouldAllBe(k => !k.Contains("score", StringComparison.OrdinalIgnoreCase));

        var page = await Given.Get<JsonObject>(flagged.Reviewer, $"/api/filing/applications/{flagged.ApplicationId}");
        page["preferences"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldBe(flag);
        page["preferenceFlags"]![0]!["name"]!.GetValue<string>().ShouldBe(name);
    }
}
