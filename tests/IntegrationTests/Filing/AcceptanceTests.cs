using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Filing;

public class AcceptanceTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly object Line = new
    {
        name = "育婴员", highestLevel = 3, lowestLevel = 5, isNewOccupation = false, personTimes = 20_000, priorSeniorEvaluation = true,
    };

    private async Task<(Caller Org, Guid Id, long Version)> Submitted(string user, string area, string jurisdiction, string scope)
    {
        if (jurisdiction == "guangxi") await Given.GuangxiCalendar(); // a regional layer counts only the years it has loaded
        var (org, _) = await Given.Organization(user, area, $"{user}机构");
        var created = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { jurisdiction, scope }).ToUrl("/api/filing/applications");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await created.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        await Post(org, $"/api/filing/applications/{id}", new { version = 1, occupations = new[] { Line }, consecutiveYears = 10, cumulativePersonTimes = 100_000, subsidizedTraining = false }, HttpStatusCode.OK, put: true);
        var submitted = await Post(org, $"/api/filing/applications/{id}/submit", new { version = await Given.Materials(org, id, 2) });
        return (org, id, submitted["version"]!.GetValue<long>());
    }

    private async Task<JsonObject> Post(Caller caller, string url, object body, HttpStatusCode status = HttpStatusCode.OK, bool put = false)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(caller);
            if (put) s.Put.Json(body).ToUrl(url); else s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    [Fact]
    public async Task FIL_15_the_handling_city_accepts_and_the_decision_records_its_reviewer()
    {
        var (_, id, v) = await Submitted("wuhu.org", "340200", "anhui", "city");
        var accepted = await Post(await Given.Reviewer("wuhu.reviewer", "340200"), $"/api/filing/applications/{id}/accept", new { version = v, remarks = "材料齐全" });
        accepted["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task FIL_15_a_return_lists_the_missing_items_and_the_organization_resubmits()
    {
        var (org, id, v) = await Submitted("wuhu.org", "340200", "anhui", "city");
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var returned = await Post(reviewer, $"/api/filing/applications/{id}/return", new { version = v, missingItems = new[] { "场地租赁协议复印件" }, reason = "缺少场地证明" });
        returned["status"]!.GetValue<string>().ShouldBe("Returned");
        var view = await Given.Get<JsonObject>(org, $"/api/filing/applications/{id}");
        view["missingItems"]!.AsArray().Single()!.GetValue<string>().ShouldBe("场地租赁协议复印件");
        view["returnReason"]!.GetValue<string>().ShouldBe("缺少场地证明");

        var again = await Post(org, $"/api/filing/applications/{id}/submit", new { version = returned["version"]!.GetValue<long>() });
        again["status"]!.GetValue<string>().ShouldBe("Submitted");
        view = await Given.Get<JsonObject>(reviewer, $"/api/filing/applications/{id}");
        view["missingItems"]!.AsArray().ShouldBeEmpty();
        view["history"]!.AsArray().Count(s => s!["action"]!.GetValue<string>() == "提交申请").ShouldBe(2);
    }

    [Fact]
    public async Task FIL_14_in_guangxi_the_city_reviews_first_and_only_the_region_accepts()
    {
        var (_, id, v) = await Submitted("nanning.org", "450100", "guangxi", "city");
        var region = await Given.Reviewer("guangxi.reviewer", "450000");
        var city = await Given.Reviewer("nanning.reviewer", "450100");

        var early = await Post(region, $"/api/filing/applications/{id}/accept", new { version = v }, HttpStatusCode.Forbidden);
        early["code"]!.GetValue<string>().ShouldBe("forbidden");
        var forwarded = await Post(city, $"/api/filing/applications/{id}/forward", new { version = v, opinion = "初审通过，同意报送自治区。" });
        forwarded["currentAuthority"]!.GetValue<string>().ShouldBe("450000");
        await Post(city, $"/api/filing/applications/{id}/accept", new { version = forwarded["version"]!.GetValue<long>() }, HttpStatusCode.Forbidden);
        var accepted = await Post(region, $"/api/filing/applications/{id}/accept", new { version = forwarded["version"]!.GetValue<long>() });
        accepted["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task reviewers_outside_the_area_get_404_and_a_stale_decision_is_409()
    {
        var (_, id, v) = await Submitted("wuhu.org", "340200", "anhui", "city");
        await Post(await Given.Reviewer("hefei.reviewer", "340100"), $"/api/filing/applications/{id}/accept", new { version = v }, HttpStatusCode.NotFound);
        await Post(await Given.Reviewer("wuhu.reviewer", "340200"), $"/api/filing/applications/{id}/accept", new { version = v - 1 }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_return_without_missing_items_is_400()
    {
        var (_, id, v) = await Submitted("wuhu.org", "340200", "anhui", "city");
        var problem = await Post(await Given.Reviewer("wuhu.reviewer", "340200"), $"/api/filing/applications/{id}/return",
            new { version = v, missingItems = Array.Empty<string>(), reason = "" }, HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["missingItems", "reason"], ignoreOrder: true);
    }
}
