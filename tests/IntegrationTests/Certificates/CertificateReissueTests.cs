using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Registry;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>补发 (re-issue of a lost certificate) and 更正 (correction of holder data with the authority's approval).</summary>
public class CertificateReissueTests(AppFixture app) : IntegrationTest(app)
{
    private sealed record Issued(BatchJourney Batch, Guid Id, string Number, string Token);

    private async Task<Issued> IssuedCertificate(string tag, string name = "张小三")
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        // CRT-01 [AH]: serials come from the range the provincial center allocated
        await batch.AllocateRange(await Given.Reviewer($"{tag}.province", "340000"), "000001", "000100");
        await batch.Accepted(name);
        var item = (await Given.Get<JsonObject>(batch.Organization, $"/api/certificates?batchId={batch.BatchId}"))["items"]!.AsArray().Single()!;
        var id = item["id"]!.GetValue<Guid>();
        return new Issued(batch, id, item["number"]!.GetValue<string>(), (await Row(id)).Token);
    }

    private async Task<CertificateRow> Row(Guid id) => (await Host.RegistryRowAsync(id))!;

    private Task<JsonObject> Certificate(Caller caller, Guid id) => Given.Get<JsonObject>(caller, $"/api/certificates/{id}");

    private Task<JsonObject> Link(string token) => Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/links/{token}");

    private Task<JsonObject> Verify(string number, string name) =>
        Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/verify?number={number}&name={Uri.EscapeDataString(name)}");

    private async Task<string> PdfText(Caller caller, Guid id)
    {
        var pdf = await Host.Scenario(s => { s.As(caller); s.Get.Url($"/api/certificates/{id}/pdf"); });
        var bytes = new MemoryStream();
        await pdf.Context.Response.Body.CopyToAsync(bytes);
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes.ToArray());
        return string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
    }

    private async Task<List<JsonObject>> Keys()
    {
        var jwks = JsonNode.Parse(await (await Host.Scenario(s => s.Get.Url("/api/public/certificates/jwks"))).ReadAsTextAsync())!;
        return jwks["keys"]!.AsArray().Select(k => k!.AsObject()).ToList();
    }

    private static object Correction(int version, string name = "张晓三", string? documentNumber = null, string employer = "芜湖家政公司", string reason = "姓名录入错误") =>
        new { version, holderName = name, documentType = 201, documentNumber = documentNumber ?? BatchJourney.IdNumber(1), employer, reason };

    private static async Task<JsonObject> Rule(IScenarioResult result) => (await result.Problem())["rules"]!.AsArray().Single()!.AsObject();

    [Fact]
    public async Task CRT_01_a_reissue_keeps_the_number_records_print_2_and_the_lost_papers_qr_link_answers_superseded()
    {
        var c = await IssuedCertificate("reissue");
        var org = c.Batch.Organization;
        (await Certificate(org, c.Id))["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("reissueCertificate");

        await c.Batch.Send(org, $"/api/certificates/{c.Id}/reissue", new { version = 2, reason = "遗失" }, HttpStatusCode.Conflict);
        var change = await c.Batch.Send(org, $"/api/certificates/{c.Id}/reissue", new { version = 1, reason = " 遗失 " });
        change["version"]!.GetValue<int>().ShouldBe(2);

        var item = await Certificate(org, c.Id);
        item["number"]!.GetValue<string>().ShouldBe(c.Number); // CRT-01: the number stays
        item["printNumber"]!.GetValue<int>().ShouldBe(2);
        item["printKind"]!.GetValue<string>().ShouldBe("Reissue");
        item["printedOn"]!.GetValue<string>().ShouldBe(c.Batch.Today.ToString("yyyy-MM-dd", null));
        item["status"]!.GetValue<string>().ShouldBe("Valid");

        var history = await Given.Get<JsonObject>(org, $"/api/certificates/{c.Id}/history");
        var prints = history["prints"]!.AsArray();
        prints.Select(p => (p!["printNumber"]!.GetValue<int>(), p["kind"]!.GetValue<string>(), p["current"]!.GetValue<bool>()))
            .ShouldBe([(1, "Original", false), (2, "Reissue", true)]);
        prints[1]!["reason"]!.GetValue<string>().ShouldBe("遗失");
        prints[1]!["byRole"]!.GetValue<string>().ShouldBe(Roles.Organization);

        // the lost paper's QR link: superseded, no credential to take away; the new paper's link: valid, signed as print 2
        var old = await Link(c.Token);
        old["result"]!.GetValue<string>().ShouldBe("Superseded");
        old["printNumber"]!.GetValue<int>().ShouldBe(1);
        old["certificate"]!["printNumber"]!.GetValue<int>().ShouldBe(2);
        old["credential"].ShouldBeNull();
        old["payload"].ShouldBeNull();
        var token = (await Row(c.Id)).Token;
        token.ShouldNotBe(c.Token);
        var current = await Link(token);
        current["result"]!.GetValue<string>().ShouldBe("Valid");
        current["printNumber"]!.GetValue<int>().ShouldBe(2);
        var keys = (await Keys()).Select(VerificationKey.FromJwk).ToList();
        var payload = await CredentialIssuer.VerifyAsync(current["payload"]!.GetValue<string>(), keys);
        payload.IsValid.ShouldBeTrue();
        payload.Payload!["p"]!.GetValue<int>().ShouldBe(2);
        payload.Payload["n"]!.GetValue<string>().ShouldBe(c.Number);

        // verification by number and name is unaffected
        var verified = await Verify(c.Number, "张小三");
        verified["result"]!.GetValue<string>().ShouldBe("Valid");
        verified["certificate"]!["printKind"]!.GetValue<string>().ShouldBe("Reissue");

        // the PDF carries the mark of the current print
        var text = await PdfText(org, c.Id);
        text.ShouldContain(c.Number);
        text.ShouldContain($"补发日期：{c.Batch.Today.Year}年{c.Batch.Today.Month}月{c.Batch.Today.Day}日");

        // a third print supersedes the second paper too
        await c.Batch.Send(org, $"/api/certificates/{c.Id}/reissue", new { version = 2, reason = "损毁" });
        (await Link(token))["result"]!.GetValue<string>().ShouldBe("Superseded");
        (await Certificate(org, c.Id))["printNumber"]!.GetValue<int>().ShouldBe(3);

        await using var session = Host.DocumentStore().QuerySession();
        var events = await session.Events.FetchStreamAsync(c.Id);
        events.Select(e => e.Data).OfType<CertificateReissued>().Select(e => (e.PrintNumber, e.Reason)).ShouldBe([(2, "遗失"), (3, "损毁")]);
    }

    [Fact]
    public async Task CRT_05_a_revoked_certificate_is_neither_reissued_nor_corrected_and_its_old_paper_still_answers_revoked()
    {
        var c = await IssuedCertificate("reissue.revoked");
        var org = c.Batch.Organization;
        await c.Batch.Send(org, $"/api/certificates/{c.Id}/reissue", new { version = 1, reason = "遗失" });
        await c.Batch.Send(org, $"/api/certificates/{c.Id}/revoke", new { version = 2, reason = "监督检查发现考试舞弊" });
        // nothing left to do but print what stands (the PDF, for those who see the holder in full): no reissue, no correction
        (await Certificate(org, c.Id))["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["downloadCertificatePdf"]);

        var reissue = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = 3, reason = "遗失" }).ToUrl($"/api/certificates/{c.Id}/reissue");
            s.StatusCodeShouldBe(422);
        });
        var rule = await Rule(reissue);
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>()).ShouldBe(("CRT-05", "certificate.reissue-revoked"));
        rule["message"]!.GetValue<string>().ShouldContain("已于");

        var correct = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(Correction(3)).ToUrl($"/api/certificates/{c.Id}/corrections");
            s.StatusCodeShouldBe(422);
        });
        (await Rule(correct))["code"]!.GetValue<string>().ShouldBe("certificate.correction-revoked");

        (await Link(c.Token))["result"]!.GetValue<string>().ShouldBe("Revoked");
        (await Link((await Row(c.Id)).Token))["result"]!.GetValue<string>().ShouldBe("Revoked");
    }

    [Fact]
    public async Task CRT_05_a_correction_approved_by_the_authority_changes_verification_the_credential_and_the_pdf_and_the_events_keep_both_values()
    {
        var c = await IssuedCertificate("correct");
        var (org, reviewer) = (c.Batch.Organization, c.Batch.Reviewer);
        var newNumber = BatchJourney.IdNumber(77);

        var requested = await c.Batch.Send(org, $"/api/certificates/{c.Id}/corrections", Correction(1, documentNumber: newNumber.ToLowerInvariant()));
        var correctionId = requested["correctionId"]!.GetValue<Guid>();
        requested["version"]!.GetValue<int>().ShouldBe(2);

        // nothing changes before the approval; one open request at a time
        (await Verify(c.Number, "张晓三"))["result"]!.GetValue<string>().ShouldBe("NotFound");
        var item = await Certificate(org, c.Id);
        item["holderName"]!.GetValue<string>().ShouldBe("张小三");
        item["openCorrectionId"]!.GetValue<Guid>().ShouldBe(correctionId);
        item["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("requestCertificateCorrection");
        var second = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(Correction(2, name: "张笑三")).ToUrl($"/api/certificates/{c.Id}/corrections");
            s.StatusCodeShouldBe(422);
        });
        (await Rule(second))["code"]!.GetValue<string>().ShouldBe("certificate.correction-already-open");

        // the authority's queue: a list, so the holder data masked even for the reviewer who decides (AUD-04)
        var queue = (await Given.Get<JsonObject>(reviewer, "/api/certificate-corrections?status=Open"))["items"]!.AsArray();
        var open = queue.Single()!;
        open["id"]!.GetValue<Guid>().ShouldBe(correctionId);
        open["certificateNumber"]!.GetValue<string>().ShouldBe(c.Number);
        open["previous"]!["name"]!.GetValue<string>().ShouldBe("张*三");
        open["proposed"]!["name"]!.GetValue<string>().ShouldBe("张*三");
        open["proposed"]!["documentNumber"]!.GetValue<string>().ShouldBe(newNumber[..4] + "**********" + newNumber[^4..]);
        open["personalDataMasked"]!.GetValue<bool>().ShouldBeTrue();
        open["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["holderName", "documentNumber"]);
        open["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["approveCertificateCorrection", "rejectCertificateCorrection"]);
        open["version"]!.GetValue<int>().ShouldBe(2);
        // the receiving authority's reviewer opens the request on its own to compare both in full
        var opened = await Given.Get<JsonObject>(reviewer, $"/api/certificate-corrections/{correctionId}");
        (opened["previous"]!["name"]!.GetValue<string>(), opened["previous"]!["documentNumber"]!.GetValue<string>())
            .ShouldBe(("张小三", BatchJourney.IdNumber(1)));
        (opened["proposed"]!["name"]!.GetValue<string>(), opened["proposed"]!["documentNumber"]!.GetValue<string>())
            .ShouldBe(("张晓三", newNumber)); // stored upper-case, in full for the reviewer
        opened["personalDataMasked"]!.GetValue<bool>().ShouldBeFalse();
        opened["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["approveCertificateCorrection", "rejectCertificateCorrection"]);

        // the organization never approves its own request; a stale version is refused
        await c.Batch.Send(org, $"/api/certificate-corrections/{correctionId}/approve", new { version = 2, reason = "同意" }, HttpStatusCode.Forbidden);
        await c.Batch.Send(reviewer, $"/api/certificate-corrections/{correctionId}/approve", new { version = 1, reason = "同意" }, HttpStatusCode.Conflict);
        var approved = await c.Batch.Send(reviewer, $"/api/certificate-corrections/{correctionId}/approve", new { version = 2, reason = "经核对身份证件，同意更正。" });
        approved["version"]!.GetValue<int>().ShouldBe(3);

        (await Verify(c.Number, "张晓三"))["result"]!.GetValue<string>().ShouldBe("Valid");
        (await Verify(c.Number, "张小三"))["result"]!.GetValue<string>().ShouldBe("NotFound");
        item = await Certificate(org, c.Id);
        (item["holderName"]!.GetValue<string>(), item["documentNumber"]!.GetValue<string>()).ShouldBe(("张晓三", newNumber));
        (item["printNumber"]!.GetValue<int>(), item["printKind"]!.GetValue<string>()).ShouldBe((2, "Correction"));
        item["openCorrectionId"].ShouldBeNull();

        var link = await Link((await Row(c.Id)).Token);
        var keys = (await Keys()).Select(VerificationKey.FromJwk).ToList();
        var credential = await CredentialIssuer.VerifyAsync(link["credential"]!.GetValue<string>(), keys);
        credential.IsValid.ShouldBeTrue();
        credential.Payload!["credentialSubject"]!["name"]!.GetValue<string>().ShouldBe("张晓三");
        (await Link(c.Token))["result"]!.GetValue<string>().ShouldBe("Superseded");
        var text = await PdfText(org, c.Id);
        text.ShouldContain("张晓三");
        text.ShouldContain(newNumber);
        text.ShouldContain("更正日期");

        var history = await Given.Get<JsonObject>(org, $"/api/certificates/{c.Id}/history");
        var recorded = history["corrections"]!.AsArray().Single()!;
        recorded["status"]!.GetValue<string>().ShouldBe("Approved");
        recorded["decisionReason"]!.GetValue<string>().ShouldBe("经核对身份证件，同意更正。");
        recorded["printNumber"]!.GetValue<int>().ShouldBe(2);
        recorded["actions"]!.AsArray().ShouldBeEmpty();
        history["prints"]!.AsArray().Select(p => p!["kind"]!.GetValue<string>()).ShouldBe(["Original", "Correction"]);

        await using var session = Host.DocumentStore().QuerySession();
        var events = (await session.Events.FetchStreamAsync(c.Id)).Select(e => e.Data).ToList();
        var done = events.OfType<CertificateCorrectionApproved>().Single();
        (done.Previous.Name, done.Previous.DocumentNumber, done.Corrected.Name, done.Corrected.DocumentNumber)
            .ShouldBe(("张小三", BatchJourney.IdNumber(1), "张晓三", newNumber));
        done.By.Role.ShouldBe(Roles.Reviewer);
        events.OfType<CertificateCorrectionRequested>().Single().By.Role.ShouldBe(Roles.Organization);

        // a decided request is closed
        var again = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { version = 3, reason = "驳回" }).ToUrl($"/api/certificate-corrections/{correctionId}/reject");
            s.StatusCodeShouldBe(422);
        });
        (await Rule(again))["code"]!.GetValue<string>().ShouldBe("certificate.correction-closed");
        (await Given.Get<JsonObject>(reviewer, "/api/certificate-corrections?status=Open"))["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task CRT_05_a_rejected_correction_changes_nothing_and_a_new_request_may_follow()
    {
        var c = await IssuedCertificate("reject");
        var (org, reviewer) = (c.Batch.Organization, c.Batch.Reviewer);
        var correctionId = (await c.Batch.Send(org, $"/api/certificates/{c.Id}/corrections", Correction(1, employer: "另一公司")))["correctionId"]!.GetValue<Guid>();
        await c.Batch.Send(reviewer, $"/api/certificate-corrections/{correctionId}/reject", new { version = 2, reason = " " }, HttpStatusCode.BadRequest);
        await c.Batch.Send(reviewer, $"/api/certificate-corrections/{correctionId}/reject", new { version = 2, reason = "未提供身份证件复印件。" });

        var item = await Certificate(org, c.Id);
        (item["holderName"]!.GetValue<string>(), item["employer"]!.GetValue<string>(), item["printNumber"]!.GetValue<int>()).ShouldBe(("张小三", "芜湖家政公司", 1));
        item["openCorrectionId"].ShouldBeNull();
        (await Row(c.Id)).Token.ShouldBe(c.Token);
        (await Link(c.Token))["result"]!.GetValue<string>().ShouldBe("Valid");
        (await Verify(c.Number, "张小三"))["result"]!.GetValue<string>().ShouldBe("Valid");

        var mine = (await Given.Get<JsonObject>(org, "/api/certificate-corrections?status=Rejected"))["items"]!.AsArray().Single()!;
        (mine["status"]!.GetValue<string>(), mine["decisionReason"]!.GetValue<string>()).ShouldBe(("Rejected", "未提供身份证件复印件。"));
        mine["decidedBy"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();

        await c.Batch.Send(org, $"/api/certificates/{c.Id}/corrections", Correction(3));
        (await Given.Get<JsonObject>(org, "/api/certificate-corrections"))["total"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task CRT_05_concurrent_changes_of_one_certificate_leave_exactly_one_open_request_and_one_new_print()
    {
        var c = await IssuedCertificate("correct.race");
        var org = c.Batch.Organization;
        async Task<int> Post(string url, object body) => (await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(body).ToUrl(url);
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;
        var statuses = await Task.WhenAll(
            Post($"/api/certificates/{c.Id}/corrections", Correction(1, name: "张晓三")),
            Post($"/api/certificates/{c.Id}/corrections", Correction(1, name: "张笑三")),
            Post($"/api/certificates/{c.Id}/reissue", new { version = 1, reason = "遗失" }));
        statuses.Order().ShouldBe([200, 409, 409]);
        var row = await Row(c.Id);
        row.Version.ShouldBe(2);
        var open = (await Given.Get<JsonObject>(org, "/api/certificate-corrections?status=Open"))["total"]!.GetValue<long>();
        (open, row.PrintNumber).ShouldBeOneOf((1L, 1), (0L, 2));
    }

    [Fact]
    public async Task CRT_05_a_correction_must_change_something_and_carry_a_valid_identity_document()
    {
        var c = await IssuedCertificate("correct.input");
        var org = c.Batch.Organization;
        var same = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(Correction(1, name: "张小三")).ToUrl($"/api/certificates/{c.Id}/corrections");
            s.StatusCodeShouldBe(422);
        });
        (await Rule(same))["code"]!.GetValue<string>().ShouldBe("certificate.correction-unchanged");

        var bad = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = 1, holderName = "", documentType = 201, documentNumber = "12345", employer = "", reason = "" })
                .ToUrl($"/api/certificates/{c.Id}/corrections");
            s.StatusCodeShouldBe(400);
        });
        var errors = (await bad.Problem())["errors"]!.AsObject();
        errors.Select(e => e.Key).Order().ShouldBe(["documentNumber", "employer", "holderName", "reason"]);
        await c.Batch.Send(org, $"/api/certificates/{c.Id}/corrections",
            new { version = 1, holderName = "张晓三", documentType = 999, documentNumber = "X1234567", employer = "芜湖家政公司", reason = "错误" }, HttpStatusCode.BadRequest);
        await c.Batch.Send(org, $"/api/certificates/{c.Id}/reissue", new { version = 1, reason = new string('长', 501) }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CRT_05_other_organizations_and_other_areas_get_404_the_issuer_and_the_authority_keep_to_their_parts_and_inspectors_see_masked_data()
    {
        var c = await IssuedCertificate("reissue.bola");
        var (org, reviewer) = (c.Batch.Organization, c.Batch.Reviewer);
        var correctionId = (await c.Batch.Send(org, $"/api/certificates/{c.Id}/corrections", Correction(1)))["correctionId"]!.GetValue<Guid>();

        var (stranger, _) = await Given.Organization("reissue.bola.other", "340100", "另一家评价中心", serial: 7);
        var hefei = await Given.Reviewer("reissue.bola.hefei", "340100");
        var guangxi = await Given.Reviewer("reissue.bola.guangxi", "450000");
        await Given.Account("reissue.bola.another.expert", Roles.Expert, "340200");
        var expert = await Given.SignIn("reissue.bola.another.expert");
        foreach (var caller in new[] { stranger, hefei, guangxi, expert })
        {
            // hidden before stale: a caller who may not see the certificate never learns its version
            await c.Batch.Send(caller, $"/api/certificates/{c.Id}/reissue", new { version = 99, reason = "遗失" }, HttpStatusCode.NotFound);
            await c.Batch.Send(caller, $"/api/certificates/{c.Id}/corrections", Correction(99), HttpStatusCode.NotFound);
            await c.Batch.Send(caller, $"/api/certificate-corrections/{correctionId}/approve", new { version = 99, reason = "同意" }, HttpStatusCode.NotFound);
            await c.Batch.Send(caller, $"/api/certificate-corrections/{correctionId}/reject", new { version = 99, reason = "驳回" }, HttpStatusCode.NotFound);
            await Host.Scenario(s => { s.As(caller); s.Get.Url($"/api/certificates/{c.Id}/history"); s.StatusCodeShouldBe(404); });
            (await Given.Get<JsonObject>(caller, "/api/certificate-corrections"))["items"]!.AsArray().ShouldBeEmpty();
        }
        var unknown = Guid.NewGuid();
        await c.Batch.Send(reviewer, $"/api/certificate-corrections/{unknown}/approve", new { version = 2, reason = "同意" }, HttpStatusCode.NotFound);
        await c.Batch.Send(org, $"/api/certificates/{unknown}/reissue", new { version = 1, reason = "遗失" }, HttpStatusCode.NotFound);

        // the authority does not re-issue or ask for corrections (CRT-05: the issuer does); the organization does not decide
        await c.Batch.Send(reviewer, $"/api/certificates/{c.Id}/reissue", new { version = 2, reason = "遗失" }, HttpStatusCode.Forbidden);
        await c.Batch.Send(reviewer, $"/api/certificates/{c.Id}/corrections", Correction(2, name: "张笑三"), HttpStatusCode.Forbidden);
        var own = await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.Json(new { version = 2, reason = "同意" }).ToUrl($"/api/certificate-corrections/{correctionId}/reject");
            s.StatusCodeShouldBe(403);
        });
        (await own.Problem())["detail"]!.GetValue<string>().ShouldContain("不能审批本机构");

        // an inspector of the area sees the request with the identity numbers masked, and decides nothing
        await Given.Account("reissue.bola.inspector", Roles.Inspector, "340200");
        var inspector = await Given.SignIn("reissue.bola.inspector");
        var seen = (await Given.Get<JsonObject>(inspector, "/api/certificate-corrections?status=Open"))["items"]!.AsArray().Single()!;
        seen["personalDataMasked"]!.GetValue<bool>().ShouldBeTrue();
        seen["previous"]!["documentNumber"]!.GetValue<string>().ShouldNotBe(BatchJourney.IdNumber(1));
        seen["previous"]!["name"]!.GetValue<string>().ShouldBe("张*三");
        seen["actions"]!.AsArray().ShouldBeEmpty();
        var history = await Given.Get<JsonObject>(inspector, $"/api/certificates/{c.Id}/history");
        history["corrections"]!.AsArray().Single()!["proposed"]!["documentNumber"]!.GetValue<string>().ShouldContain("*");
        await c.Batch.Send(inspector, $"/api/certificate-corrections/{correctionId}/approve", new { version = 2, reason = "同意" }, HttpStatusCode.Forbidden);

        // an auditor reads everything and writes nothing; the province's reviewer (above the city) sees the request masked
        // (AUD-04/BAT-09), so it may not decide on data it cannot compare: only the receiving authority decides
        await Given.Account("reissue.bola.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("reissue.bola.auditor");
        (await Given.Get<JsonObject>(auditor, "/api/certificate-corrections"))["total"]!.GetValue<long>().ShouldBe(1);
        await c.Batch.Send(auditor, $"/api/certificate-corrections/{correctionId}/approve", new { version = 2, reason = "同意" }, HttpStatusCode.Forbidden);
        var province = await Given.Reviewer("reissue.bola.anhui", "340000");
        var refused = await c.Batch.Send(province, $"/api/certificate-corrections/{correctionId}/approve", new { version = 2, reason = "同意" },
            HttpStatusCode.Forbidden);
        refused["detail"]!.GetValue<string>().ShouldBe("只有受理该批次的主管部门审核人员可以审批更正申请（须比对完整的持证人信息）。");
        await c.Batch.Send(c.Batch.Reviewer, $"/api/certificate-corrections/{correctionId}/approve", new { version = 2, reason = "同意" });
    }
}
