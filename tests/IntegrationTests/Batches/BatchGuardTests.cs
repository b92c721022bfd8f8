using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Batches;

/// <summary>Issue 16: a batch's <c>actions</c> are the steps its guard table lets the caller take, and the server answers the others
/// as the table says (403 the wrong authority, 404 one that may not see the batch).</summary>
public class BatchGuardTests(AppFixture app) : IntegrationTest(app)
{
    private static IEnumerable<string> Actions(JsonObject view) => view["actions"]!.AsArray().Select(a => a!.GetValue<string>());

    [Fact]
    public async Task issue_16_each_caller_sees_the_steps_the_server_accepts_and_the_others_are_refused_in_chinese()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "guard").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "guard").Filed("340200");
        await b.Draft();
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        // with a candidate entered, the organization may open it in full (AUD-04/BAT-09: the roster itself is masked)
        Actions(await b.Reload()).ShouldBe(["changeBatchPlan", "assignBatchStaff", "addBatchCandidate", "importBatchCandidates",
            "removeBatchCandidate", "fileBatchPlan", "uploadCandidatePhoto", "uploadCandidatePhotos", "getBatchCandidate"]);
        await b.File();

        // a new batch is offered on the list to the organization alone
        Actions(await Given.Get<JsonObject>(b.Organization, "/api/batches")).ShouldBe(["draftBatch"]);
        (await Given.Get<JsonObject>(b.Reviewer, "/api/batches"))["actions"]!.AsArray().ShouldBeEmpty();

        // before the exam day the organization may only add photos (and open a candidate); results wait for the first exam day (BAT-06)
        Actions(b.Batch).ShouldBe(["uploadCandidatePhoto", "uploadCandidatePhotos", "getBatchCandidate"]);
        // 附件5 with nobody qualified yet is nothing to export, and no read of anyone's data (BAT-09, AUD-04)
        var empty = await Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Get.Url($"/api/batches/{b.BatchId}/report/certificates");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        (await empty.Problem())["rules"]![0]!["ruleId"]!.GetValue<string>().ShouldBe("BAT-09");
        // AUD-04/BAT-09: the receiving authority and auditors open a candidate in full; the authority above sees masked data only
        Actions(await Given.Get<JsonObject>(b.Reviewer, $"/api/batches/{b.BatchId}"))
            .ShouldBe(["recordBatchSpotCheck", "dispatchBatchInspector", "getBatchCandidate"]);
        var province = await Given.Reviewer("guard.province.reviewer", "340000");
        Actions(await Given.Get<JsonObject>(province, $"/api/batches/{b.BatchId}")).ShouldBe(["recordBatchSpotCheck"]);
        await Given.Account("guard.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("guard.auditor");
        Actions(await Given.Get<JsonObject>(auditor, $"/api/batches/{b.BatchId}")).ShouldBe(["getBatchCandidate"]);
        var candidate = b.CandidateId("张小三");
        (await b.OpenCandidate(auditor, candidate))["documentNumber"]!.GetValue<string>().ShouldBe(BatchJourney.IdNumber(1));
        (await b.OpenCandidate(b.Reviewer, candidate))["documentNumber"]!.GetValue<string>().ShouldBe(BatchJourney.IdNumber(1));
        var masked = await Host.Scenario(s =>
        {
            s.As(province);
            s.Get.Url($"/api/batches/{b.BatchId}/candidates/{candidate}");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await masked.Problem())["detail"]!.GetValue<string>()
            .ShouldBe("考生的身份证件号码、联系电话和照片属于个人信息，仅评价机构、受理该批次的主管部门和审计人员可以查看（BAT-09、AUD-04）。");

        // the authority above sees the batch but does not receive it: 403, with the table's reason
        var refused = await b.Send(province, $"/api/batches/{b.BatchId}/inspectors",
            new { version = b.Version, inspectorId = Guid.NewGuid(), step = "理论知识考试", on = exam.ToString("yyyy-MM-dd", null) },
            HttpStatusCode.Forbidden);
        refused["detail"]!.GetValue<string>().ShouldBe("该批次由其他主管部门受理。");
        refused["code"]!.GetValue<string>().ShouldBe("forbidden");
        // another city's reviewer gets the answer of a missing batch
        var hefei = await Given.Reviewer("guard.hefei.reviewer", "340100");
        var hidden = await b.Send(hefei, $"/api/batches/{b.BatchId}/spot-checks",
            new { version = b.Version, step = "理论知识考试", checkedAt = $"{b.Today:yyyy-MM-dd}T09:30:00", findings = "无", suspend = false },
            HttpStatusCode.NotFound);
        hidden["detail"]!.GetValue<string>().ShouldBe("认定批次不存在或您无权查看。");

        // on the exam day the organization's view offers the results, and the server takes them
        b.ClockTo(exam);
        Actions(await b.Reload()).ShouldBe(["recordBatchResults", "importBatchResults", "uploadCandidatePhoto", "uploadCandidatePhotos",
            "getBatchCandidate"]);
        var zhang = b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>();
        // a passed result makes 附件5 (BAT-09) available to those who see personal data in full
        Actions(await b.Results((zhang, 80, 75))).ShouldBe(["recordBatchResults", "importBatchResults", "startResultsPublicity",
            "uploadCandidatePhoto", "uploadCandidatePhotos", "getBatchCandidate", "downloadCertificateTable"]);
        await Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Get.Url($"/api/batches/{b.BatchId}/report/certificates");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });
        Actions(await Given.Get<JsonObject>(province, $"/api/batches/{b.BatchId}")).ShouldNotContain("downloadCertificateTable");
        await Host.Scenario(s =>
        {
            s.As(province);
            s.Get.Url($"/api/batches/{b.BatchId}/report/certificates");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
    }
}
