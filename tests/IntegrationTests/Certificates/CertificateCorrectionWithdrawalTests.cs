using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>CRT-05: the organization that asked for a correction withdraws it while it is pending — no dead end waiting for a decision.</summary>
public class CertificateCorrectionWithdrawalTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<(BatchJourney Batch, Guid Id)> IssuedCertificate(string tag)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        await batch.AllocateRange(await Given.Reviewer($"{tag}.province", "340000"), "000001", "000100");
        await batch.Accepted("张小三");
        var item = (await Given.Get<JsonObject>(batch.Organization, $"/api/certificates?batchId={batch.BatchId}"))["items"]!.AsArray().Single()!;
        return (batch, item["id"]!.GetValue<Guid>());
    }

    private static object Correction(int version, string name = "张晓三") =>
        new { version, holderName = name, documentType = 201, documentNumber = BatchJourney.IdNumber(1), employer = "芜湖家政公司", reason = "姓名录入错误" };

    private async Task<JsonObject> Request(BatchJourney b, Guid certificateId, int version, string name = "张晓三") =>
        await b.Send(b.Organization, $"/api/certificates/{certificateId}/corrections", Correction(version, name));

    private static string[] Actions(JsonNode item) => item["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    private async Task<JsonObject?> Waiting(Caller caller, Guid correctionId) =>
        (await Given.Get<JsonObject>(caller, "/api/workbench"))["items"]!.AsArray()
        .FirstOrDefault(i => i!["objectId"]!.GetValue<Guid>() == correctionId)?.AsObject();

    [Fact]
    public async Task CRT_05_the_organization_withdraws_its_pending_correction_it_leaves_the_queue_and_a_new_request_may_follow()
    {
        var (b, id) = await IssuedCertificate("withdraw.own");
        var (org, reviewer) = (b.Organization, b.Reviewer);
        var correctionId = (await Request(b, id, 1))["correctionId"]!.GetValue<Guid>();
        (await Waiting(reviewer, correctionId)).ShouldNotBeNull();
        var mine = (await Given.Get<JsonObject>(org, "/api/certificate-corrections?status=Open"))["items"]!.AsArray().Single()!;
        Actions(mine).ShouldBe(["withdrawCertificateCorrection"]);
        Actions(await Given.Get<JsonObject>(org, $"/api/certificates/{id}")).ShouldNotContain("requestCertificateCorrection");

        // a stale version is refused after access and changes nothing
        await b.Send(org, $"/api/certificate-corrections/{correctionId}/withdraw", new { version = 1 }, HttpStatusCode.Conflict);
        var change = await b.Send(org, $"/api/certificate-corrections/{correctionId}/withdraw", new { version = 2 });
        change["version"]!.GetValue<int>().ShouldBe(3);

        var withdrawn = (await Given.Get<JsonObject>(org, "/api/certificate-corrections?status=Withdrawn"))["items"]!.AsArray().Single()!;
        withdrawn["id"]!.GetValue<Guid>().ShouldBe(correctionId);
        withdrawn["decidedBy"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        withdrawn["decidedAt"].ShouldNotBeNull();
        Actions(withdrawn).ShouldBeEmpty();
        (await Given.Get<JsonObject>(reviewer, "/api/certificate-corrections?status=Open"))["total"]!.GetValue<long>().ShouldBe(0);
        (await Waiting(reviewer, correctionId)).ShouldBeNull();
        // the certificate is as it was, and may be asked to correct again
        var certificate = await Given.Get<JsonObject>(org, $"/api/certificates/{id}");
        certificate["holderName"]!.GetValue<string>().ShouldBe("张小三");
        certificate["openCorrectionId"].ShouldBeNull();
        // where it came from, for the links of its page: the batch, the filing and the application that granted it
        (certificate["batchId"]!.GetValue<Guid>(), certificate["filingId"]!.GetValue<Guid>(), certificate["applicationId"]!.GetValue<Guid>())
            .ShouldBe((b.BatchId, b.FilingId, b.Filing.ApplicationId));
        Actions(certificate).ShouldContain("requestCertificateCorrection");
        var again = await Request(b, id, 3, "张笑三");
        again["version"]!.GetValue<int>().ShouldBe(4);
        var history = await Given.Get<JsonObject>(org, $"/api/certificates/{id}/history");
        history["corrections"]!.AsArray().Select(c => c!["status"]!.GetValue<string>()).ShouldBe(["Open", "Withdrawn"]);
    }

    [Fact]
    public async Task CRT_05_only_the_organization_that_asked_withdraws_others_get_404_reviewers_403_and_a_withdrawn_request_is_not_approved()
    {
        var (b, id) = await IssuedCertificate("withdraw.others");
        var correctionId = (await Request(b, id, 1))["correctionId"]!.GetValue<Guid>();
        var url = $"/api/certificate-corrections/{correctionId}/withdraw";

        var (stranger, _) = await Given.Organization("withdraw.others.stranger", "340100", "另一家评价中心", serial: 7);
        var guangxi = await Given.Reviewer("withdraw.others.guangxi", "450000");
        foreach (var caller in new[] { stranger, guangxi })
            await b.Send(caller, url, new { version = 99 }, HttpStatusCode.NotFound); // hidden before stale
        var refused = await b.Send(b.Reviewer, url, new { version = 2 }, HttpStatusCode.Forbidden);
        refused["detail"]!.GetValue<string>().ShouldBe("只有提出申请的评价机构可以撤回更正申请。");
        await Given.Account("withdraw.others.auditor", Roles.Auditor);
        await b.Send(await Given.SignIn("withdraw.others.auditor"), url, new { version = 2 }, HttpStatusCode.Forbidden);

        await b.Send(b.Organization, url, new { version = 2 });
        var approve = await b.Send(b.Reviewer, $"/api/certificate-corrections/{correctionId}/approve", new { version = 3, reason = "同意" },
            HttpStatusCode.UnprocessableEntity);
        var rule = approve["rules"]!.AsArray().Single()!;
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>(), rule["message"]!.GetValue<string>())
            .ShouldBe(("CRT-05", "certificate.correction-closed", "该更正申请已由评价机构撤回。"));
        // withdrawing twice is refused likewise
        var twice = await b.Send(b.Organization, url, new { version = 3 }, HttpStatusCode.UnprocessableEntity);
        twice["rules"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("certificate.correction-closed");
        (await Given.Get<JsonObject>(b.Organization, $"/api/certificates/{id}"))["holderName"]!.GetValue<string>().ShouldBe("张小三");
    }
}
