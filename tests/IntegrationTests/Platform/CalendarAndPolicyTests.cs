using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Platform;

public class CalendarEndpointTests(AppFixture app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("guangxi", "2021-04-15", false)]
    [InlineData("anhui", "2021-04-15", true)]
    [InlineData("hubei-huangshi", "2021-10-09", true)]
    [InlineData("national", "2021-10-04", false)]
    public async Task the_public_answers_whether_a_date_is_a_working_day_on_the_jurisdictions_calendar(string jurisdiction, string date, bool working)
    {
        var answer = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/calendar/{jurisdiction}/working-day?date={date}");
        answer["isWorkingDay"]!.GetValue<bool>().ShouldBe(working);
    }

    [Fact]
    public async Task adding_working_days_reproduces_the_worked_example()
    {
        var answer = await Given.Get<JsonObject>(Caller.Anonymous, "/api/calendar/anhui/add-working-days?from=2021-09-24&days=10");
        answer["result"]!.GetValue<string>().ShouldBe("2021-10-13");
        answer["calendarLayer"]!.GetValue<string>().ShouldBe("national");
    }

    [Fact]
    public async Task a_date_beyond_the_loaded_years_is_422_until_an_administrator_loads_the_year()
    {
        var refused = await Host.Scenario(s =>
        {
            s.Get.Url("/api/calendar/anhui/add-working-days?from=2026-12-25&days=5");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        (await refused.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("calendar.year-not-loaded");

        var admin = await Given.Admin();
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { year = 2027, off = new[] { "2027-01-01..2027-01-03" }, work = Array.Empty<string>(), source = "测试用通知" })
                .ToUrl("/api/admin/calendar/national/years");
            s.StatusCodeShouldBeOk();
        });
        var answer = await Given.Get<JsonObject>(Caller.Anonymous, "/api/calendar/anhui/add-working-days?from=2026-12-25&days=5");
        answer["result"]!.GetValue<string>().ShouldBe("2027-01-04");
    }

    [Fact]
    public async Task a_loaded_year_is_validated()
    {
        var admin = await Given.Admin();
        var bad = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { year = 2028, off = new[] { "2028-01-01" }, work = new[] { "2028-01-05" }, source = "" })
                .ToUrl("/api/admin/calendar/national/years");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await bad.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["work", "source"], ignoreOrder: true);

        // who else may load (the region's reviewers, for their region only): CalendarLoadingTests
    }

    [Theory]
    [InlineData("/api/calendar/anhui/working-day?date=2021-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/anhui/add-working-days?from=2021-01-01&days=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/calendar/atlantis/working-day?date=2021-01-04", HttpStatusCode.NotFound)]
    public async Task bad_questions_get_problem_details(string url, HttpStatusCode status)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        await result.Problem();
    }
}

public class PolicyEndpointTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task the_four_policies_are_readable_by_anyone()
    {
        var list = await Given.Get<JsonArray>(Caller.Anonymous, "/api/policies");
        list.Select(p => p!["id"]!.GetValue<string>()).ShouldBe(["national", "hubei-huangshi", "anhui", "guangxi"], ignoreOrder: true);
        var anhui = await Given.Get<JsonObject>(Caller.Anonymous, "/api/policies/anhui");
        anhui["filing"]!["numbering"]!["cityCodes"]!["341500"]!.GetValue<string>().ShouldBe("24");
        anhui["batches"]!["resultsPublicity"]!["unit"]!.GetValue<string>().ShouldBe("calendar-days");
        // CRT-01 [AH]: serials from ranges the provincial center allocates; elsewhere counted by the system
        (anhui["certificates"]!["serialsFromAllocatedRanges"]!.GetValue<bool>(), anhui["certificates"]!["rangesAllocatedBy"]!.GetValue<string>())
            .ShouldBe((true, "province"));
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/policies/guangxi"))["certificates"]!["serialsFromAllocatedRanges"]!.GetValue<bool>()
            .ShouldBeFalse();
    }

    [Fact]
    public async Task an_unknown_policy_is_404()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/policies/atlantis");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        await result.Problem();
    }

    [Fact]
    public async Task the_authority_tree_runs_from_the_national_center_down_to_counties()
    {
        var roots = await Given.Get<JsonArray>(Caller.Anonymous, "/api/authorities");
        var national = roots.ShouldHaveSingleItem()!;
        national["code"]!.GetValue<string>().ShouldBe("000000");
        var hubei = national["children"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "420000")!;
        var huangshi = hubei["children"]!.AsArray().Single()!;
        huangshi["children"]!.AsArray().Count.ShouldBe(6);
    }
}
