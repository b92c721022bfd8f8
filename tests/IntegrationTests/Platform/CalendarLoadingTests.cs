using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// Issue 18 item 1: the next year can be planned. Administrators load a year into any calendar layer; the reviewers of the Guangxi
/// root authority (自治区人社厅) load the Guangxi layer only; a Guangxi date in a year the region has not loaded is refused, naming
/// the region and who can load it, and counted once it is loaded.
/// </summary>
public class CalendarLoadingTests(AppFixture app) : IntegrationTest(app)
{
    private static object Year(int year, string source = "国办发明电〔2026〕测试") =>
        new { year, off = new[] { $"{year}-01-01..{year}-01-03" }, work = Array.Empty<string>(), source };

    private Task<IScenarioResult> Load(Caller caller, string layer, object body, HttpStatusCode status) => Host.Scenario(s =>
    {
        s.As(caller);
        s.Post.Json(body).ToUrl($"/api/admin/calendar/{layer}/years");
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task an_administrator_loads_a_national_year_and_the_layers_list_shows_it_with_its_source()
    {
        var loaded = await Load(await Given.Admin(), "national", Year(2027), HttpStatusCode.OK);
        var view = (await loaded.ReadAsJsonAsync<JsonObject>())!;
        view["off"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["2027-01-01", "2027-01-02", "2027-01-03"]);

        var layers = await Given.Get<JsonArray>(Caller.Anonymous, "/api/calendar/layers");
        var national = layers.Single(l => l!["id"]!.GetValue<string>() == "national")!;
        var y2027 = national["years"]!.AsArray().Single(y => y!["year"]!.GetValue<int>() == 2027)!;
        y2027["source"]!.GetValue<string>().ShouldBe("国办发明电〔2026〕测试");
    }

    [Fact]
    public async Task the_guangxi_regional_reviewer_loads_the_guangxi_layer_only()
    {
        var regional = await Given.Reviewer("gx.reviewer", "450000");
        await Load(regional, "guangxi", Year(2027, "桂政办发〔2026〕测试"), HttpStatusCode.OK);
        var layers = await Given.Get<JsonArray>(Caller.Anonymous, "/api/calendar/layers");
        layers.Single(l => l!["id"]!.GetValue<string>() == "guangxi")!["years"]!.AsArray()
            .Select(y => y!["year"]!.GetValue<int>()).ShouldBe([2021, 2027]);

        var refused = await Load(regional, "national", Year(2027), HttpStatusCode.Forbidden);
        (await refused.Problem())["detail"]!.GetValue<string>().ShouldContain("只有系统管理员");
    }

    [Theory]
    [InlineData("450100")] // a Guangxi city's reviewer
    [InlineData("340000")] // Anhui's provincial reviewer, for another region's layer
    [InlineData("000000")] // the national center's reviewer
    public async Task other_reviewers_may_not_load_the_guangxi_layer(string authority)
    {
        var reviewer = await Given.Reviewer("other.reviewer", authority);
        var refused = await Load(reviewer, "guangxi", Year(2027), HttpStatusCode.Forbidden);
        (await refused.Problem())["detail"]!.GetValue<string>().ShouldContain("自治区人社厅审核人员");
        await Load(reviewer, "national", Year(2027), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task organizations_and_the_public_may_not_load_and_an_unknown_layer_is_404()
    {
        var (organization, _) = await Given.Organization("gx.org", "450100", "南宁测试培训学校");
        await Load(organization, "guangxi", Year(2027), HttpStatusCode.Forbidden);
        await Load(Caller.Anonymous, "national", Year(2027), HttpStatusCode.Unauthorized);
        var missing = await Load(await Given.Admin(), "atlantis", Year(2027), HttpStatusCode.NotFound);
        await missing.Problem();
    }

    [Fact]
    public async Task a_bad_year_is_400_naming_the_fields()
    {
        var admin = await Given.Admin();
        var bad = await Load(admin, "guangxi", new { year = 2027, off = new[] { "2027-02-30" }, work = Array.Empty<string>(), source = "x" },
            HttpStatusCode.BadRequest);
        (await bad.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["dates"]);
        var outside = await Load(admin, "guangxi", new { year = 2027, off = new[] { "2028-04-01" }, work = new[] { "2027-04-07" }, source = " " },
            HttpStatusCode.BadRequest);
        (await outside.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["off", "work", "source"], ignoreOrder: true);
    }

    [Fact]
    public async Task WORKDAYS_a_guangxi_date_in_a_year_the_region_has_not_loaded_is_refused_then_counted_after_loading()
    {
        var refused = await Host.Scenario(s =>
        {
            s.Get.Url("/api/calendar/guangxi/add-working-days?from=2026-04-17&days=2");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        var rule = (await refused.Problem())["rules"]![0]!;
        rule["code"]!.GetValue<string>().ShouldBe("calendar.year-not-loaded");
        rule["message"]!.GetValue<string>().ShouldContain("广西壮族自治区（含壮族三月三）”尚未载入2026年的地方节假日安排");
        rule["message"]!.GetValue<string>().ShouldContain("系统管理员或自治区人社厅审核人员");
        // the national answer is unchanged
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/calendar/anhui/add-working-days?from=2026-04-17&days=2"))["result"]!
            .GetValue<string>().ShouldBe("2026-04-21");

        await Given.CalendarYear("guangxi", 2026, off: ["2026-04-20..2026-04-21"]);
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/calendar/guangxi/add-working-days?from=2026-04-17&days=2"))["result"]!
            .GetValue<string>().ShouldBe("2026-04-23");
    }
}
