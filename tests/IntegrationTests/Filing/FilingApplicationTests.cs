using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Marten;

namespace Assessment.IntegrationTests.Filing;

public class FilingApplicationTests(AppFixture app) : IntegrationTest(app)
{
    private static object Line(string name = "育婴员", int highest = 3, int personTimes = 20_000) => new
    {
        name, code = (string?)null, highestLevel = highest, lowestLevel = 5, isNewOccupation = false,
        evaluationSince = "2015-03-01", personTimes, priorSeniorEvaluation = true,
    };

    private async Task<(Caller User, Guid Id, long Version)> Draft(string user, string area, string jurisdiction, string scope, int serial = 1)
    {
        var (org, _) = await Given.Organization(user, area, $"{user}机构", serial);
        var created = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { jurisdiction, scope }).ToUrl("/api/filing/applications");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await created.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        return (org, id, 1);
    }

    private async Task<long> Details(Caller org, Guid id, long version, object[] lines, int years = 10, int cumulative = 100_000)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(org);
            s.Put.Json(new { version, occupations = lines, consecutiveYears = years, cumulativePersonTimes = cumulative, subsidizedTraining = false })
                .ToUrl($"/api/filing/applications/{id}");
            s.StatusCodeShouldBeOk();
        });
        return await Given.Materials(org, id, (await result.ReadAsJsonAsync<JsonObject>())!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task FIL_14_FIL_15_an_anhui_city_application_is_submitted_into_its_citys_queue_with_a_deadline()
    {
        var (org, id, v) = await Draft("wuhu.org", "340200", "anhui", "city");
        v = await Details(org, id, v, [Line()]);
        var submitted = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = v }).ToUrl($"/api/filing/applications/{id}/submit");
            s.StatusCodeShouldBeOk();
        });
        var application = (await submitted.ReadAsJsonAsync<JsonObject>())!;
        application["status"]!.GetValue<string>().ShouldBe("Submitted");
        application["handlingAuthority"]!.GetValue<string>().ShouldBe("340200");
        application["acceptanceDeadline"]!.GetValue<string>().ShouldBe("2026-12-07"); // 10 working days after Mon 2026-11-23

        await using var session = Host.DocumentStore().QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        events.Select(e => e.Data.GetType().Name).ShouldBe(["ApplicationDrafted", "ApplicationDetailsChanged", .. Enumerable.Repeat("MaterialAttached", 6), "ApplicationSubmitted"]);
        events.Last().Data.ShouldBeOfType<ApplicationSubmitted>().By.UserName.ShouldBe("wuhu.org");

        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var queue = await Given.Get<JsonObject>(reviewer, "/api/filing/applications");
        queue["items"]!.AsArray().ShouldHaveSingleItem()!["id"]!.GetValue<Guid>().ShouldBe(id);
    }

    [Fact]
    public async Task submission_answers_422_listing_every_failing_rule_at_once()
    {
        var (org, id, v) = await Draft("nanning.org", "450100", "guangxi", "city");
        v = await Details(org, id, v, [Line("焊工二号", highest: 2, personTimes: 10), Line(highest: 1, personTimes: 10)], years: 1, cumulative: 100);
        var refused = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = v }).ToUrl($"/api/filing/applications/{id}/submit");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        var rules = (await refused.Problem())["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();
        rules.Select(r => r["ruleId"]!.GetValue<string>()).Distinct().ShouldBe(["FIL-01", "FIL-06", "FIL-07"], ignoreOrder: true);
        rules.Where(r => r["ruleId"]!.GetValue<string>() == "FIL-06").ShouldAllBe(r => r["inPrinciple"]!.GetValue<bool>());
        rules.Single(r => r["ruleId"]!.GetValue<string>() == "FIL-01")["inPrinciple"]!.GetValue<bool>().ShouldBeFalse();

        var still = await Given.Get<JsonObject>(org, $"/api/filing/applications/{id}");
        still["status"]!.GetValue<string>().ShouldBe("Draft");
        still["version"]!.GetValue<long>().ShouldBe(v);
    }

    [Fact]
    public async Task FIL_07_an_in_principle_rule_is_passed_to_the_reviewer_when_the_applicant_gives_reasons()
    {
        await Given.GuangxiCalendar(); // the Guangxi deadlines of 2026 are counted once the region's 2026 is loaded
        var (org, id, v) = await Draft("nanning.org", "450100", "guangxi", "city");
        v = await Details(org, id, v, [Line(highest: 2)]);
        var submitted = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = v, exceptionRequests = new[] { new { ruleId = "FIL-07", justification = "承担自治区技师培养项目，具备技师评价条件。" } } })
                .ToUrl($"/api/filing/applications/{id}/submit");
            s.StatusCodeShouldBeOk();
        });
        var application = (await submitted.ReadAsJsonAsync<JsonObject>())!;
        application["exceptedViolations"]!.AsArray().ShouldHaveSingleItem()!["ruleId"]!.GetValue<string>().ShouldBe("FIL-07");
        application["firstReviewAuthority"]!.GetValue<string>().ShouldBe("450100");
        application["handlingAuthority"]!.GetValue<string>().ShouldBe("450000");
    }

    [Fact]
    public async Task a_stale_version_is_409()
    {
        var (org, id, v) = await Draft("wuhu.org", "340200", "anhui", "city");
        await Details(org, id, v, [Line()]);
        await Host.Scenario(s =>
        {
            s.As(org);
            s.Put.Json(new { version = v, occupations = new[] { Line() }, consecutiveYears = 1, cumulativePersonTimes = 1, subsidizedTraining = false })
                .ToUrl($"/api/filing/applications/{id}");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
    }

    [Fact]
    public async Task FIL_05_an_organization_cannot_apply_to_another_jurisdiction()
    {
        var (org, _) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        var refused = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { jurisdiction = "guangxi", scope = "province" }).ToUrl("/api/filing/applications");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        (await refused.Problem())["rules"]![0]!["ruleId"]!.GetValue<string>().ShouldBe("FIL-05");
    }

    [Fact]
    public async Task applications_are_seen_by_their_organization_and_the_reviewers_of_its_area_only()
    {
        var (org, id, v) = await Draft("wuhu.org", "340200", "anhui", "city");
        v = await Details(org, id, v, [Line()]);
        await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = v }).ToUrl($"/api/filing/applications/{id}/submit");
            s.StatusCodeShouldBeOk();
        });
        var (other, _) = await Given.Organization("hefei.org", "340100", "合肥机构", 2);
        var hefei = await Given.Reviewer("hefei.reviewer", "340100");
        foreach (var outsider in new[] { other, hefei })
        {
            await Host.Scenario(s =>
            {
                s.As(outsider);
                s.Get.Url($"/api/filing/applications/{id}");
                s.StatusCodeShouldBe(HttpStatusCode.NotFound);
            });
        }
        (await Given.Get<JsonObject>(hefei, "/api/filing/applications"))["total"]!.GetValue<long>().ShouldBe(0);
        await Given.Get<JsonObject>(await Given.Reviewer("anhui.reviewer", "340000"), $"/api/filing/applications/{id}");
    }

    [Fact]
    public async Task invalid_occupation_lines_are_400_naming_the_line()
    {
        var (org, id, v) = await Draft("wuhu.org", "340200", "anhui", "city");
        var result = await Host.Scenario(s =>
        {
            s.As(org);
            s.Put.Json(new
            {
                version = v, consecutiveYears = 1, cumulativePersonTimes = 1, subsidizedTraining = false,
                occupations = new[] { new { name = "育婴员", code = "4-10-1-02", highestLevel = 5, lowestLevel = 3, isNewOccupation = false, personTimes = 1, priorSeniorEvaluation = false } },
            }).ToUrl($"/api/filing/applications/{id}");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await result.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["occupations[0].code", "occupations[0].levels"], ignoreOrder: true);
    }

    [Fact]
    public async Task FIL_01_the_catalog_of_seed_003_is_searchable_with_the_2022_codes_and_the_access_qualifications()
    {
        var found = await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=育婴");
        found.ShouldHaveSingleItem()!["group"]!.GetValue<string>().ShouldBe("58. 生活照料服务人员");
        var electrician = (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=6-31-01-03")).ShouldHaveSingleItem()!;
        electrician["name"]!.GetValue<string>().ShouldBe("电工");
        var access = (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=特种作业人员")).Select(o => o!["type"]!.GetValue<string>());
        access.ShouldAllBe(t => t == "Access");
        access.ShouldNotBeEmpty();
        (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?limit=500")).Count.ShouldBe(196); // 191 names of 附件2 + 5 准入类
    }
}
