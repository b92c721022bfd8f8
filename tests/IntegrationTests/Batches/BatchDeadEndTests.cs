using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Batches;

/// <summary>Issue 18 (dead ends): what a reviewer over an area sees, and a dispatch form that says why it has nobody to offer.</summary>
public class BatchDeadEndTests(AppFixture app) : IntegrationTest(app)
{
    private static IEnumerable<Guid> Ids(JsonObject list) => list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>());

    [Fact]
    public async Task SUP_01_a_provincial_reviewer_lists_and_opens_the_batch_its_city_received_and_another_province_gets_404()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "area").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "area").Filed("340200");
        await b.Draft();
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        await b.File();
        b.ClockTo(exam);
        await b.Results((b.CandidateId("张小三"), 80, 80));
        var publicized = await b.Publicize();
        publicized["status"]!.GetValue<string>().ShouldBe("InPublicity");
        publicized["receivingAuthority"]!.GetValue<string>().ShouldBe("340200");

        // the area of the province includes its cities (SUP-01 territorial): it lists and opens what Wuhu received
        var anhui = await Given.Reviewer("area.anhui", "340000");
        Ids(await Given.Get<JsonObject>(anhui, "/api/batches?status=InPublicity")).ShouldContain(b.BatchId);
        var opened = await Given.Get<JsonObject>(anhui, $"/api/batches/{b.BatchId}");
        (opened["title"]!.GetValue<string>(), opened["status"]!.GetValue<string>()).ShouldBe((b.Batch["title"]!.GetValue<string>(), "InPublicity"));
        opened["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("acceptResultsReport");

        // another province and a sibling city see nothing of it
        foreach (var (name, authority) in new[] { ("area.guangxi", "450000"), ("area.hefei", "340100") })
        {
            var other = await Given.Reviewer(name, authority);
            Ids(await Given.Get<JsonObject>(other, "/api/batches")).ShouldNotContain(b.BatchId);
            await Host.Scenario(s => { s.As(other); s.Get.Url($"/api/batches/{b.BatchId}"); s.StatusCodeShouldBe(404); });
        }
    }

    [Fact]
    public async Task BAT_04_with_no_inspector_over_the_area_the_dispatch_choice_says_why_and_who_adds_one()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Guangxi, "noinsp").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "noinsp").Filed("450000");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "450100");
        await b.StaffIt();
        await b.Candidate("韦小宝", 3);
        await b.File();
        var url = $"/api/batches/{b.BatchId}/eligible-inspectors";

        var none = await Given.Get<JsonObject>(b.Reviewer, url);
        none["inspectors"]!.AsArray().ShouldBeEmpty();
        none["emptyReason"]!.GetValue<string>()
            .ShouldBe("只能选派本辖区在职的督查员（BAT-04），而广西壮族自治区职业技能鉴定中心、人力资源社会保障部职业技能鉴定中心目前都没有在职的督查员账号。");
        none["howToAdd"]!.GetValue<string>().ShouldContain("系统管理员");
        none["howToAdd"]!.GetValue<string>().ShouldContain("账号管理");

        // an inspector of another province changes nothing; one of the area is offered, and the reason is gone
        await Given.Account("noinsp.anhui.inspector", Roles.Inspector, "340000");
        (await Given.Get<JsonObject>(b.Reviewer, url))["inspectors"]!.AsArray().ShouldBeEmpty();
        var inspectorId = await Given.Account("noinsp.inspector", Roles.Inspector, "450000");
        var some = await Given.Get<JsonObject>(b.Reviewer, url);
        some["inspectors"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ShouldBe([inspectorId]);
        some["emptyReason"].ShouldBeNull();
        some["howToAdd"].ShouldBeNull();
    }
}
