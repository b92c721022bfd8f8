using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Platform;

/// <summary>Issue 15, items 4, 5 and 7: what binding refuses before any endpoint runs.</summary>
public partial class RequestSafetyTests
{
    private Task<IScenarioResult> SendRaw(Caller caller, HttpMethod method, string url, string body) =>
        Host.Scenario(s =>
        {
            s.As(caller);
            if (method == HttpMethod.Put) s.Put.Text(body).ToUrl(url); else s.Post.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.IgnoreStatusCode();
        });

    private static async Task ShouldBeRefusedNaming(IScenarioResult result, string field, string what)
    {
        result.Context.Response.StatusCode.ShouldBe(400, what);
        var problem = await result.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("malformed-json", what);
        problem["detail"]!.GetValue<string>().ShouldBe($"字段“{field}”不能为 null。", what);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe([field], what);
    }

    [Fact]
    public async Task issue_15_item_4_null_inside_a_body_array_is_400_naming_the_item_on_the_eleven_requests_that_answered_500()
    {
        var admin = await Given.Admin();
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "nul").Participants();
        await journey.Draft();
        var before = await journey.Reload();
        var issued = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { name = "证书核验系统", authorityCode = "340200", scopes = new[] { "certificates:verify" } }).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var verifier = new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "verifier");
        var (org, app, batch) = (journey.Organization, $"/api/filing/applications/{journey.ApplicationId}", $"/api/batches/{Guid.NewGuid()}");
        const string plan = """
            "version":1,"title":"2026年第一批","subjects":["理论知识"],"examDays":["2026-09-01"],"feePerCandidate":300,"feeStandard":"皖价费〔2026〕1号"
            """;
        const string line = """
            {"name":"育婴员","highestLevel":3,"lowestLevel":5,"isNewOccupation":false,"personTimes":100,"priorSeniorEvaluation":true}
            """;
        const string details = "\"version\":1,\"consecutiveYears\":10,\"cumulativePersonTimes\":100000,\"subsidizedTraining\":false";
        var requests = new (Caller Caller, HttpMethod Method, string Url, string Body, string Field)[]
        {
            (admin, HttpMethod.Post, "/api/admin/api-clients", """{"name":"对接系统","authorityCode":"340200","scopes":[null]}""", "scopes[0]"),
            (admin, HttpMethod.Post, "/api/admin/calendar/national/years",
                """{"year":2027,"off":[null],"work":[],"source":"国办发明电〔2026〕1号"}""", "off[0]"),
            (org, HttpMethod.Post, "/api/batches/staff", """
                {"name":"王考评","documentType":201,"documentNumber":"340202199001011237","qualification":"考评员","occupations":[null],"levels":[3]}
                """, "occupations[0]"),
            (org, HttpMethod.Put, batch,
                $$"""{{{plan}},"occupations":[null],"sites":[{"name":"考点","address":"人民路1号","areaCode":"340202"}]}""", "occupations[0]"),
            (org, HttpMethod.Put, batch, $$"""{{{plan}},"occupations":[{"name":"育婴员","level":3}],"sites":[null]}""", "sites[0]"),
            (org, HttpMethod.Put, batch + "/staff", """{"version":1,"staff":[null]}""", "staff[0]"),
            (verifier, HttpMethod.Post, "/api/certificates/verifications", """{"items":[null]}""", "items[0]"),
            (journey.Expert, HttpMethod.Post, app + "/evaluation/scores",
                """{"version":1,"scores":[null],"onSiteFindings":"现场核查","recommendsFiling":true,"opinion":"同意"}""", "scores[0]"),
            (org, HttpMethod.Post, app + "/submit", """{"version":1,"exceptionRequests":[null]}""", "exceptionRequests[0]"),
            (org, HttpMethod.Put, app, $$"""{{{details}},"occupations":[null]}""", "occupations[0]"),
            (org, HttpMethod.Put, app, $$"""{{{details}},"occupations":[{{line}}],"sites":[null]}""", "sites[0]"),
        };
        foreach (var (caller, method, url, body, field) in requests)
            await ShouldBeRefusedNaming(await SendRaw(caller, method, url, body), field, $"{method} {url} {body}");
        (await journey.Reload()).ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task issue_15_item_4_a_null_preference_is_refused_and_not_stored_while_a_list_declared_nullable_keeps_working()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "pref").Participants();
        await journey.Draft();
        var before = await journey.Reload();
        var url = $"/api/filing/applications/{journey.ApplicationId}";
        var body = $$"""
            {"version":{{journey.Version}},"consecutiveYears":10,"cumulativePersonTimes":100000,"subsidizedTraining":false,"preferences":[null],
             "occupations":[{"name":"育婴员","highestLevel":3,"lowestLevel":5,"isNewOccupation":false,"personTimes":100,"priorSeniorEvaluation":true}]}
            """;
        await ShouldBeRefusedNaming(await SendRaw(journey.Organization, HttpMethod.Put, url, body), "preferences[0]", "preferences:[null]");
        var after = await journey.Reload();
        after["version"]!.GetValue<long>().ShouldBe(before["version"]!.GetValue<long>());
        after.ToJsonString().ShouldNotContain("\"preferences\":[null]");
        after.ToJsonString().ShouldBe(before.ToJsonString());
        var declared = body.Replace("[null]", "[\"assessment-station\"]"); // an Anhui FIL-09 flag
        (await SendRaw(journey.Organization, HttpMethod.Put, url, declared)).Context.Response.StatusCode.ShouldBe(200);
    }

    [Theory]
    [InlineData("/api/directory?page=2147483647")]
    [InlineData("/api/notices?page=2147483647")]
    [InlineData("/api/notices?page=10001&pageSize=100")]
    public async Task issue_15_item_5_a_page_beyond_10000_is_400_naming_page_even_anonymously(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var problem = await result.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("invalid-parameter");
        problem["errors"]!["page"]![0]!.GetValue<string>().ShouldBe("页码不能大于 10000。");
    }

    [Fact]
    public async Task issue_15_item_5_the_last_page_a_negative_page_and_a_huge_page_size_are_answered_within_bounds()
    {
        var admin = await Given.Admin();
        var last = await Given.Get<JsonObject>(admin, "/api/certificates?page=10000&pageSize=100");
        (last["page"]!.GetValue<int>(), last["pageSize"]!.GetValue<int>(), last["items"]!.AsArray().Count).ShouldBe((10000, 100, 0));
        var first = await Given.Get<JsonObject>(Caller.Anonymous, "/api/directory?page=-1&pageSize=2147483647");
        (first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>()).ShouldBe((1, 100));
    }

    [Theory]
    [InlineData("/api/notices?status=-1", "status")]
    [InlineData("/api/notices?kind=1", "kind")]
    [InlineData("/api/notices?status=Open,Closed", "status")]
    [InlineData("/api/directory?status=5", "status")]
    public async Task issue_15_item_7_an_enum_query_value_that_is_not_one_of_its_names_is_400_naming_the_parameter(string url, string parameter)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var problem = await result.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("invalid-parameter");
        problem["detail"]!.GetValue<string>().ShouldBe($"参数“{parameter}”的值无效。");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe([parameter]);
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/notices?status=Open"))["page"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    [InlineData("\"1\"")]
    public async Task issue_15_item_7_an_enum_in_a_body_sent_as_a_number_is_400_naming_it_and_drafts_nothing(string kind)
    {
        var (org, _) = await Given.Organization("enum.org", "340200", "芜湖枚举机构");
        var result = await SendRaw(org, HttpMethod.Post, "/api/filing/applications", $$"""{"jurisdiction":"anhui","scope":"city","kind":{{kind}}}""");
        result.Context.Response.StatusCode.ShouldBe(400);
        (await result.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["kind"]);
        (await Given.Get<JsonObject>(org, "/api/filing/applications"))["total"]!.GetValue<long>().ShouldBe(0);
    }
}
