using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Identity;

/// <summary>
/// An id reveals no more than a list does: hidden and unknown objects answer the same 404, before anything about
/// versions or fields; drafts are their organization's; experts see what they are assigned; contact details of
/// objectors only reach the area's reviewers and auditors.
/// </summary>
public class ObjectVisibilityTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<JsonObject> Problem(Caller caller, string url, object body, HttpStatusCode status)
    {
        var result = await Host.Scenario(s =>
        {
            s.As(caller);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.Problem();
    }

    private static string Comparable(JsonObject problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        copy.Remove("instance");
        return copy.ToJsonString();
    }

    [Fact]
    public async Task an_out_of_area_reviewer_gets_the_same_404_as_for_an_unknown_id_at_every_version()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "hf").Participants();
        await journey.Draft();
        await journey.Submit();
        var current = journey.Version;
        var hefei = await Given.Reviewer("hefei.reviewer", "340100");
        var unknown = Comparable(await Problem(hefei, $"/api/filing/applications/{Guid.NewGuid()}/return",
            new { version = 3, missingItems = new[] { "材料" }, reason = "材料不全" }, HttpStatusCode.NotFound));
        for (var version = 0L; version <= current + 3; version++)
        {
            var hidden = await Problem(hefei, $"/api/filing/applications/{journey.ApplicationId}/return",
                new { version, missingItems = new[] { "材料" }, reason = "材料不全" }, HttpStatusCode.NotFound);
            Comparable(hidden).ShouldBe(unknown, $"version {version}");
        }
        // and the reviewer who may act learns about a stale version only then
        (await Problem(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/return",
            new { version = current - 1, missingItems = new[] { "材料" }, reason = "材料不全" }, HttpStatusCode.Conflict))["code"]!
            .GetValue<string>().ShouldBe("stale-version");
    }

    [Fact]
    public async Task access_is_decided_before_the_fields_so_an_outsider_with_a_bad_body_gets_404_not_400()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "ev").Participants();
        await journey.Draft();
        await journey.Submit();
        await journey.Accept();
        await journey.AssignExpert();
        var outsiderId = await Given.Account("gx.expert", Roles.Expert, "450000");
        var outsider = await Given.SignIn("gx.expert");
        var badScores = new { version = journey.Version, scores = new[] { new { subject = "basics", score = 150 } }, onSiteFindings = "", opinion = "", recommendsFiling = true };
        await Problem(outsider, $"/api/filing/applications/{journey.ApplicationId}/evaluation/scores", badScores, HttpStatusCode.NotFound);
        // the assigned expert gets the field errors
        var fields = (await Problem(journey.Expert, $"/api/filing/applications/{journey.ApplicationId}/evaluation/scores", badScores,
            HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key);
        fields.ShouldContain("scores[0].score");
        outsiderId.ShouldNotBe(journey.ExpertId);
    }

    [Fact]
    public async Task a_draft_and_its_materials_are_the_organizations_own_until_submitted()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "dr").Participants();
        await journey.Draft();
        var material = journey.Application["materials"]![0]!["id"]!.GetValue<Guid>();
        var admin = await Given.Admin();
        var issued = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { name = "芜湖政务系统", authorityCode = "340200", scopes = new[] { "filing:read" } }).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var system = new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "system");
        var urls = new[] { $"/api/filing/applications/{journey.ApplicationId}", $"/api/filing/applications/{journey.ApplicationId}/materials/{material}" };
        foreach (var caller in new[] { journey.Reviewer, journey.Expert, system, admin })
        foreach (var url in urls)
            await Host.Scenario(s => { s.As(caller); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        foreach (var url in urls) await Host.Scenario(s => { s.As(journey.Organization); s.Get.Url(url); s.StatusCodeShouldBeOk(); });

        await journey.Submit();
        foreach (var caller in new[] { journey.Reviewer, system })
        foreach (var url in urls)
            await Host.Scenario(s => { s.As(caller); s.Get.Url(url); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task an_expert_sees_only_the_applications_it_is_assigned_to()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "as").Participants();
        await journey.Draft();
        await journey.Submit();
        await journey.Accept();
        var url = $"/api/filing/applications/{journey.ApplicationId}";
        await Host.Scenario(s => { s.As(journey.Expert); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        (await Given.Get<JsonObject>(journey.Expert, "/api/filing/applications"))["total"]!.GetValue<long>().ShouldBe(0);
        await journey.AssignExpert();
        await Host.Scenario(s => { s.As(journey.Expert); s.Get.Url(url); s.StatusCodeShouldBeOk(); });
        (await Given.Get<JsonObject>(journey.Expert, "/api/filing/applications"))["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task objectors_contact_details_reach_only_the_areas_reviewers_auditors_and_systems_of_the_area_with_the_scope()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var published = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { kind = "FilingPublicity", subject = "关于拟备案评价机构的公示", body = "拟备案机构名单如下……" }).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await published.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "张先生", phone = "13800001111", email = "zhang@example.cn", content = "该机构实际不具备视频监控设备，请核实。" })
                .ToUrl($"/api/notices/{id}/objections");
            s.StatusCodeShouldBeOk();
        });
        var url = $"/api/notices/{id}/objections";

        async Task<Caller> System(string authority, string scope)
        {
            var admin = await Given.Admin();
            var issued = await Host.Scenario(s =>
            {
                s.As(admin);
                s.Post.Json(new { name = $"系统{authority}{scope}", authorityCode = authority, scopes = new[] { scope } }).ToUrl("/api/admin/api-clients");
                s.StatusCodeShouldBe(HttpStatusCode.Created);
            });
            return new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "system");
        }

        await Given.Account("gx.expert", Roles.Expert, "450000");
        await Given.Account("ah.expert", Roles.Expert, "340000");
        await Given.Account("the.auditor", Roles.Auditor);
        var outsiders = new[]
        {
            await Given.SignIn("gx.expert"), await Given.SignIn("ah.expert"), await Given.Admin(), await Given.Reviewer("hefei.reviewer", "340100"),
            await System("340100", "notices:objections"),
        };
        // the notice and its objection count are public; who objected is for the area's authorities (NoticeGuards: 403 others)
        foreach (var outsider in outsiders)
            await Host.Scenario(s => { s.As(outsider); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
        var withoutScope = await System("340200", "directory:read");
        await Host.Scenario(s => { s.As(withoutScope); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });

        // AUD-04: the list is masked for everyone; one objection opened shows the contacts in full to the publishing authority and
        // auditors, masked never — the authority above is refused the full contacts
        var province = await System("340000", "notices:objections");
        foreach (var insider in new[] { reviewer, await Given.SignIn("the.auditor"), province })
        {
            var listed = (await Given.Get<JsonArray>(insider, url)).ShouldHaveSingleItem()!;
            (listed["name"]!.GetValue<string>(), listed["phone"]!.GetValue<string>(), listed["email"]!.GetValue<string>())
                .ShouldBe(("张*生", "138****1111", "z***@example.cn"));
            var one = $"{url}/{listed["id"]!.GetValue<Guid>()}";
            if (insider == province)
                await Host.Scenario(s => { s.As(insider); s.Get.Url(one); s.StatusCodeShouldBe(HttpStatusCode.Forbidden); });
            else
                (await Given.Get<JsonObject>(insider, one))["phone"]!.GetValue<string>().ShouldBe("13800001111");
        }
    }
}
