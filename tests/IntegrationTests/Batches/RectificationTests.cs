using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Batches;

/// <summary>
/// Issue 18 item 6, BAT-04: a suspended batch tells the organization what to do — it reports its rectification and asks to
/// resume; the receiving reviewer returns it or resumes the batch; each step is in the ledger with who and why.
/// </summary>
public class RectificationTests(AppFixture app) : IntegrationTest(app)
{
    private static string[] Actions(JsonObject batch) => batch["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    [Fact]
    public async Task BAT_04_the_organization_reports_its_rectification_the_reviewer_returns_it_then_resumes_the_batch()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "rect").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "rect").Filed("340200");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        await b.File();
        await b.Step(b.Reviewer, $"/api/batches/{b.BatchId}/spot-checks", new
        {
            version = b.Version, step = "考前资格审核", checkedAt = $"{b.Today:yyyy-MM-dd}T09:30:00", findings = "考场未按规定配备视频监控。", suspend = true,
        });
        var suspended = await b.Reload();
        Actions(suspended).ShouldContain("submitBatchRectification");
        Actions(await Given.Get<JsonObject>(b.Reviewer, $"/api/batches/{b.BatchId}")).ShouldNotContain("returnBatchRectification");

        // only the organization reports, with a report; the reviewer cannot return what was not submitted
        await b.Send(b.Reviewer, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = "已整改" }, HttpStatusCode.Forbidden);
        await b.Send(b.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = " " }, HttpStatusCode.BadRequest);
        await b.Send(b.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version - 1, report = "已补装视频监控。" },
            HttpStatusCode.Conflict);
        var other = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "rect2").Participants(serial: 2);
        await b.Send(other.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = "已整改" },
            HttpStatusCode.NotFound);
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = "已补装视频监控。" });
        var waiting = await b.Reload();
        Actions(waiting).ShouldNotContain("submitBatchRectification"); // one report at a time
        waiting["details"]!["rectifications"]!.AsArray().Single()!["report"]!.GetValue<string>().ShouldBe("已补装视频监控。");
        var twice = await b.Send(b.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = "再次提交" },
            HttpStatusCode.UnprocessableEntity);
        twice["rules"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("batch.rectification-pending");

        // the reviewer returns it with a reason; the organization reports again; the reviewer resumes
        Actions(await Given.Get<JsonObject>(b.Reviewer, $"/api/batches/{b.BatchId}")).ShouldContain("returnBatchRectification");
        await b.Step(b.Reviewer, $"/api/batches/{b.BatchId}/rectification/return", new { version = b.Version, reason = "未提供监控覆盖考场的照片。" });
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = "已补装并附照片说明。" });
        await b.Step(b.Reviewer, $"/api/batches/{b.BatchId}/resume", new { version = b.Version, reason = "整改到位。" });

        var resumed = await b.Reload();
        resumed["status"]!.GetValue<string>().ShouldBe("Filed");
        var reports = resumed["details"]!["rectifications"]!.AsArray();
        reports.Select(r => (r!["report"]!.GetValue<string>(), r["accepted"]!.GetValue<bool>(), r["decision"]!.GetValue<string>()))
            .ShouldBe([("已补装视频监控。", false, "未提供监控覆盖考场的照片。"), ("已补装并附照片说明。", true, "整改到位。")]);
        var ledger = resumed["details"]!["ledger"]!.AsArray().Select(l => l!["action"]!.GetValue<string>()).ToList();
        ledger.Where(a => a.Contains("整改", StringComparison.Ordinal) || a == "恢复批次")
            .ShouldBe(["提交整改报告，申请恢复", "退回整改报告", "提交整改报告，申请恢复", "恢复批次"]);
    }
}
