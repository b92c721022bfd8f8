using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Identity;

/// <summary>
/// Object-level authorization (BOLA): a reviewer sees its own area and the areas below it, an organization only
/// itself. Hidden objects answer 404, exactly like missing ones.
/// </summary>
public class ObjectAuthorizationTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<int> Status(Caller caller, string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(caller);
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<IReadOnlyList<string>> VisibleNames(Caller caller)
    {
        var page = await Given.Get<JsonObject>(caller, "/api/organizations");
        return page["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task a_wuhu_reviewer_gets_404_for_a_hefei_organization_and_cannot_list_it()
    {
        var (_, hefei) = await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        var (_, wuhu) = await Given.Organization("wuhu.org", "340200", "芜湖机构", 2);
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");

        var hidden = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Get.Url($"/api/organizations/{hefei}");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        var problem = await hidden.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("not-found");

        // indistinguishable from an object that does not exist
        var missing = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Get.Url($"/api/organizations/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        (await missing.Problem())["detail"]!.GetValue<string>().ShouldBe(problem["detail"]!.GetValue<string>());

        (await Status(reviewer, $"/api/organizations/{wuhu}")).ShouldBe(200);
        (await VisibleNames(reviewer)).ShouldBe(["芜湖机构"]);
    }

    [Fact]
    public async Task a_province_reviewer_sees_its_cities_and_the_national_center_sees_every_province()
    {
        await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        await Given.Organization("wuhu.org", "340200", "芜湖机构", 2);
        await Given.Organization("nanning.org", "450100", "南宁机构", 3);

        (await VisibleNames(await Given.Reviewer("anhui.reviewer", "340000"))).ShouldBe(["合肥机构", "芜湖机构"]);
        (await VisibleNames(await Given.Reviewer("guangxi.reviewer", "450000"))).ShouldBe(["南宁机构"]);
        (await VisibleNames(await Given.Reviewer("national.reviewer", "000000"))).ShouldBe(["南宁机构", "合肥机构", "芜湖机构"]);
    }

    [Fact]
    public async Task a_city_reviewer_sees_its_counties_but_a_county_does_not_see_the_city()
    {
        var (_, city) = await Given.Organization("huangshi.org", "420200", "黄石机构", 1);
        var (_, county) = await Given.Organization("daye.org", "420281", "大冶机构", 2);
        var cityReviewer = await Given.Reviewer("huangshi.reviewer", "420200");
        var countyReviewer = await Given.Reviewer("daye.reviewer", "420281");

        (await Status(cityReviewer, $"/api/organizations/{county}")).ShouldBe(200);
        (await Status(countyReviewer, $"/api/organizations/{county}")).ShouldBe(200);
        (await Status(countyReviewer, $"/api/organizations/{city}")).ShouldBe(404);
    }

    [Fact]
    public async Task an_organization_never_sees_or_changes_another()
    {
        var (hefeiUser, hefei) = await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        var (_, wuhu) = await Given.Organization("wuhu.org", "340200", "芜湖机构", 2);

        (await Status(hefeiUser, $"/api/organizations/{wuhu}")).ShouldBe(404);
        (await Status(hefeiUser, $"/api/organizations/{hefei}")).ShouldBe(200);
        (await VisibleNames(hefeiUser)).ShouldBe(["合肥机构"]);

        await Host.Scenario(s =>
        {
            s.As(hefeiUser);
            s.Put.Json(new { version = 1, address = "改地址", contactName = "某人", contactPhone = "13900000000", contactEmail = "x@y.cn" })
                .ToUrl($"/api/organizations/{wuhu}/contact");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task a_reviewer_may_read_but_not_edit_an_organization_in_its_area()
    {
        var (_, wuhu) = await Given.Organization("wuhu.org", "340200", "芜湖机构", 2);
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Put.Json(new { version = 1, address = "改地址", contactName = "某人", contactPhone = "13900000000", contactEmail = "x@y.cn" })
                .ToUrl($"/api/organizations/{wuhu}/contact");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
    }

    [Fact]
    public async Task an_api_client_acting_for_an_organization_sees_only_that_organization()
    {
        var (_, hefei) = await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        var (_, wuhu) = await Given.Organization("wuhu.org", "340200", "芜湖机构", 2);
        var admin = await Given.Admin();
        var issued = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { name = "合肥机构考务系统", organizationId = hefei, scopes = new[] { "filing:read" } }).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var key = (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>();
        var system = new Caller("X-Api-Key", key, "system");
        (await Status(system, $"/api/organizations/{hefei}")).ShouldBe(200);
        (await Status(system, $"/api/organizations/{wuhu}")).ShouldBe(404);
    }

    [Fact]
    public async Task anonymous_callers_are_401_on_protected_routes()
    {
        var (_, hefei) = await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        (await Status(Caller.Anonymous, $"/api/organizations/{hefei}")).ShouldBe(401);
        (await Status(Caller.Anonymous, "/api/organizations")).ShouldBe(401);
    }

    [Fact]
    public async Task auditors_read_everything_and_change_nothing()
    {
        var (_, hefei) = await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        await Given.Account("auditor", Roles.Auditor);
        var auditor = await Given.SignIn("auditor");
        (await Status(auditor, $"/api/organizations/{hefei}")).ShouldBe(200);
        await Host.Scenario(s =>
        {
            s.As(auditor);
            s.Post.Json(new { userName = "x.y", displayName = "x", role = "auditor", password = Scenarios.Password }).ToUrl("/api/admin/accounts");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        await Host.Scenario(s =>
        {
            s.As(auditor);
            s.Put.Json(new { version = 1, address = "改地址", contactName = "某人", contactPhone = "13900000000", contactEmail = "x@y.cn" })
                .ToUrl($"/api/organizations/{hefei}/contact");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
    }
}
