using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Identity;

/// <summary>Issue 16 (guard tables): a view's actions are exactly what its guard table lets the caller do; a refusal says who may.</summary>
public class GuardedActionsTests(AppFixture app) : IntegrationTest(app)
{
    private static string[] Actions(JsonObject view) => view["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    [Fact]
    public async Task issue_16_a_notice_offers_objecting_to_everyone_and_handling_to_its_areas_reviewers_only()
    {
        var wuhu = await Given.Reviewer("wuhu.reviewer", "340200");
        var created = await Host.Scenario(s =>
        {
            s.As(wuhu);
            s.Post.Json(new { kind = "FilingPublicity", subject = "关于拟备案评价机构的公示", body = "拟备案机构名单如下……" }).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await created.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        Actions(await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}")).ShouldBe(["lodgeObjection"]);
        Actions(await Given.Get<JsonObject>(wuhu, $"/api/notices/{id}")).ShouldBe(["lodgeObjection", "withdrawNotice"]);
        await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "张先生", phone = "13800001111", content = "该机构实际不具备视频监控设备，请核实。" }).ToUrl($"/api/notices/{id}/objections");
            s.StatusCodeShouldBeOk();
        });
        var seen = await Given.Get<JsonObject>(wuhu, $"/api/notices/{id}");
        // AUD-04: the publishing area's reviewer reads the objections (masked) and opens an objector's contacts in full
        Actions(seen).ShouldBe(["lodgeObjection", "resolveObjection", "withdrawNotice", "listObjections", "getObjection"]);
        var listed = await Given.Get<JsonObject>(wuhu, "/api/notices");
        Actions(listed["items"]!.AsArray().Single(n => n!["id"]!.GetValue<Guid>() == id)!.AsObject()).ShouldBe(Actions(seen));
        // the list offers what the caller may start: publishing, to a reviewer only (NoticeGuards.Publish)
        Actions(listed).ShouldBe(["publishNotice"]);
        Actions(await Given.Get<JsonObject>(Caller.Anonymous, "/api/notices")).ShouldBeEmpty();
        // and a filing application is started by an organization's user alone (ApplicationGuards.Draft)
        Actions(await Given.Get<JsonObject>(wuhu, "/api/filing/applications")).ShouldBeEmpty();
        var (organization, _) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        Actions(await Given.Get<JsonObject>(organization, "/api/filing/applications")).ShouldBe(["draftFilingApplication"]);

        var hefei = await Given.Reviewer("hefei.reviewer", "340100");
        Actions(await Given.Get<JsonObject>(hefei, $"/api/notices/{id}")).ShouldBe(["lodgeObjection"]);
        var refused = await Host.Scenario(s =>
        {
            s.As(hefei);
            s.Post.Json(new { version = seen["version"]!.GetValue<long>(), reason = "名单有误。" }).ToUrl($"/api/notices/{id}/withdraw");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await refused.Problem())["detail"]!.GetValue<string>().ShouldBe("只有本辖区审核人员可以处理。");
    }

    [Fact]
    public async Task issue_16_an_organization_changes_its_own_contact_and_its_areas_reviewer_reads_it_without_that_action()
    {
        var (organization, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构", 1);
        var own = await Given.Get<JsonObject>(organization, $"/api/organizations/{id}");
        own["name"]!.GetValue<string>().ShouldBe("芜湖机构");
        Actions(own).ShouldBe(["changeOrganizationContact", "uploadOrganizationSeal"]);

        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var seen = await Given.Get<JsonObject>(reviewer, $"/api/organizations/{id}");
        Actions(seen).ShouldBeEmpty();
        var refused = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Put.Json(new { version = seen["version"]!.GetValue<long>(), address = "芜湖市长春路8号", contactName = "张伟",
                contactPhone = "0553-5961234", contactEmail = "a@b.cn" }).ToUrl($"/api/organizations/{id}/contact");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await refused.Problem())["detail"]!.GetValue<string>().ShouldBe("只有机构本身可以修改联系信息。");
    }
}
