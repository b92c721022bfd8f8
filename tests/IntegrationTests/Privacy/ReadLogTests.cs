using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Privacy;

namespace Assessment.IntegrationTests.Privacy;

/// <summary>AUD-04: the stated purpose, the auditor's read log per person and per reader, and what the person concerned learns.</summary>
public class ReadLogTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task AUD_04_a_full_answer_without_a_stated_purpose_is_a_400_naming_the_rule_and_nothing_is_read_or_recorded()
    {
        var w = await PersonalDataWorld.BuildAsync(App, Given);
        var before = (await ReadLog.AllAsync(App)).Select(r => r.Id).ToHashSet();
        var org = w.Batch.Organization;
        (string? Purpose, string? Note, string Code)[] refused =
        [
            (null, null, "read-purpose-required"), ("other", null, "read-purpose-required"), ("curiosity", null, "read-purpose-invalid"),
            ("other", new string('长', 101), "read-purpose-invalid"),
        ];
        foreach (var (purpose, note, code) in refused)
        {
            var result = await Host.Scenario(s =>
            {
                s.As(org with { Purpose = purpose, PurposeNote = note });
                s.Get.Url($"/api/certificates/{w.CertificateId}");
                s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
            });
            var problem = await result.Problem();
            (problem["code"]!.GetValue<string>(), problem["ruleId"]!.GetValue<string>()).ShouldBe((code, "AUD-04"));
            problem["detail"]!.GetValue<string>().ShouldContain("目的");
            (await result.ReadAsTextAsync()).ShouldNotContain(w.FullNumber);
        }
        (await ReadLog.AllAsync(App)).Count.ShouldBe(before.Count);

        // a masked answer needs no purpose: nothing is revealed
        var province = w.Callers["authority above (province)"] with { Purpose = null };
        (await Given.Get<JsonObject>(province, $"/api/certificates/{w.CertificateId}"))["documentNumber"]!.GetValue<string>().ShouldContain("*");

        // 其他 with a note: the note is the purpose the auditor reads
        var other = await Given.Get<JsonObject>(org with { Purpose = "other", PurposeNote = "核对社保补贴申领材料" }, $"/api/certificates/{w.CertificateId}");
        other["documentNumber"]!.GetValue<string>().ShouldBe(w.FullNumber);
        var read = (await ReadLog.AllAsync(App)).Where(r => !before.Contains(r.Id)).ShouldHaveSingleItem();
        (read.Purpose, read.PurposeNote).ShouldBe((ReadPurpose.Other, "核对社保补贴申领材料"));
    }

    [Fact]
    public async Task AUD_04_the_auditor_lists_reads_per_person_and_per_reader_with_who_role_unit_purpose_and_an_exports_scope_and_row_count()
    {
        var w = await PersonalDataWorld.BuildAsync(App, Given);
        var reviewer = w.Callers["receiving authority"];
        await Given.Get<JsonObject>(reviewer with { Purpose = "correction" }, $"/api/certificate-corrections/{w.CorrectionId}");
        await Host.Scenario(s =>
        {
            s.As(reviewer with { Purpose = "inspection" });
            s.Get.Url($"/api/batches/{w.Batch.BatchId}/report/certificates");
        });
        await ReadLog.AllAsync(App);
        var auditor = w.Callers["auditor"];

        var ofPerson = await Given.Get<JsonObject>(auditor, $"/api/audit/personal-data-reads?documentNumber={w.FullNumber}");
        var items = ofPerson["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        // the organization's own reveal while building the world, the correction opened, and the export that held the person's row
        items.Select(i => i["operation"]!.GetValue<string>()).Order()
            .ShouldBe(new[] { "downloadCertificateTable", "getCertificate", "getCertificateCorrection" }.Order());
        var correction = items.Single(i => i["operation"]!.GetValue<string>() == "getCertificateCorrection");
        correction["purposeName"]!.GetValue<string>().ShouldBe("证书补正");
        correction["readerRoleName"]!.GetValue<string>().ShouldBe("审核人员");
        correction["readerUnit"]!.GetValue<string>().ShouldContain("芜湖");
        correction["relationName"]!.GetValue<string>().ShouldBe("受理该批次的主管部门");
        correction["personDocumentNumber"]!.GetValue<string>().ShouldBe(SharedKernel.Values.Masking.Document(w.FullNumber));
        correction["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["姓名", "证件号码"]);
        var export = items.Single(i => i["operation"]!.GetValue<string>() == "downloadCertificateTable");
        (export["purposeName"]!.GetValue<string>(), export["scopeKind"]!.GetValue<string>(), export["rowCount"]!.GetValue<int>())
            .ShouldBe(("监督检查", "batch", 2));

        var readerId = correction["readerId"]!.GetValue<Guid>();
        var byReader = await Given.Get<JsonObject>(auditor, $"/api/audit/personal-data-reads?readerId={readerId}");
        byReader["items"]!.AsArray().Select(i => i!["readerId"]!.GetValue<Guid>()).ShouldAllBe(id => id == readerId);
        byReader["total"]!.GetValue<long>().ShouldBe(2);

        // bad input is a 400, never a 500: an identity number that is none, a page beyond the bound
        foreach (var bad in new[] { "documentNumber=12345", "documentNumber=340202199001011234&documentType=-5", "page=10001" })
            await Host.Scenario(s =>
            {
                s.As(auditor);
                s.Get.Url($"/api/audit/personal-data-reads?{bad}");
                s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
            });

        // only auditors read the log
        foreach (var other in new[] { "own organization", "receiving authority", "administrator" })
            await Host.Scenario(s =>
            {
                s.As(w.Callers[other]);
                s.Get.Url("/api/audit/personal-data-reads");
                s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
            });
    }

    [Fact]
    public async Task AUD_04_the_person_concerned_sees_in_the_case_lookup_the_dates_purposes_and_what_was_read_but_never_who()
    {
        var w = await PersonalDataWorld.BuildAsync(App, Given);
        var reviewer = w.Callers["receiving authority"];
        await Given.Get<JsonObject>(reviewer with { Purpose = "complaint" }, $"/api/certificates/{w.CertificateId}");
        await Host.Scenario(s =>
        {
            s.As(w.Callers["auditor"] with { Purpose = "audit" });
            s.Get.Url($"/api/certificate-issuances/{w.Batch.BatchId}/certificate-table");
        });
        await ReadLog.AllAsync(App);

        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { documentNumber = w.FullNumber, name = w.FullName }).ToUrl("/api/public/cases/lookup");
        });
        var body = await result.ReadAsTextAsync();
        var consultations = JsonNode.Parse(body)!["consultations"]!.AsArray();
        consultations.Select(c => (c!["purpose"]!.GetValue<string>(), c["what"]!.GetValue<string>())).Order().ShouldBe(new[]
        {
            ("审核", "查看证书"), // the organization's own reveal while building the world
            ("投诉处理", "查看证书"),
            ("审计", "下载合格人员证书信息表（附件5）"),
        }.Order());
        consultations.Select(c => c!["on"]!.GetValue<string>()).ShouldAllBe(d => d == Assessment.SharedKernel.ChinaTime.Today(App.Clock).ToString("yyyy-MM-dd", null));
        // never who: no reader, role, unit or account in the answer
        foreach (var who in new[] { "pii.reviewer", "pii.auditor.reader", "审核人员", "审计人员", "芜湖", "readerId", "readerName" }) body.ShouldNotContain(who);
    }

    [Fact]
    public async Task AUD_04_the_results_template_is_an_export_of_the_whole_roster_for_the_organization_alone_and_one_read()
    {
        var w = await PersonalDataWorld.BuildAsync(App, Given);
        var before = (await ReadLog.AllAsync(App)).Select(r => r.Id).ToHashSet();
        var url = $"/api/batches/{w.Batch.BatchId}/results-template";
        await Host.Scenario(s =>
        {
            s.As(w.Batch.Organization with { Purpose = null });
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        await Host.Scenario(s =>
        {
            s.As(w.Callers["receiving authority"]);
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        var sheet = await Host.Scenario(s =>
        {
            s.As(w.Batch.Organization);
            s.Get.Url(url);
        });
        using var stream = new MemoryStream();
        await sheet.Context.Response.Body.CopyToAsync(stream);
        stream.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        // what the organization gets: every candidate with the full number the import matches on
        rows.Count.ShouldBe(2);
        rows.Select(r => r["证件号码"]?.ToString()).ShouldContain(w.FullNumber);
        var read = (await ReadLog.AllAsync(App)).Where(r => !before.Contains(r.Id)).ShouldHaveSingleItem();
        (read.Operation, read.ScopeKind, read.RowCount, read.BatchId).ShouldBe(("downloadResultsTemplate", ReadScope.RosterKind, 2, w.Batch.BatchId));
    }
}
