using Assessment.IntegrationTests.Infrastructure;
using MiniExcelLibs;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>
/// BAT-09/CRT-01: 附件5 is one table — the batch's report sheet (<c>GET /api/batches/{id}/report/certificates</c>) and the Certificates
/// module's (<c>GET /api/certificate-issuances/{id}/certificate-table</c>) give the same rows in the same order once certificates are
/// issued, with numbers, issue dates and approved corrections; before issuance the batch's sheet has the rows in that order, unnumbered.
/// </summary>
public class CertificateTableOneTableTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly (string Name, int Level)[] Listed = [("王小五", 4), ("赵小六", 3), ("孙小七", 5), ("周小八", 4), ("吴小九", 3)];

    private async Task<List<IDictionary<string, object?>>> Sheet(Caller caller, string url)
    {
        var result = await Host.Scenario(s => { s.As(caller); s.Get.Url(url); });
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        bytes.Position = 0;
        return bytes.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private static string? Cell(IDictionary<string, object?> row, string column) => row[column]?.ToString() is { Length: > 0 } text ? text : null;

    private static List<string?[]> Bodies(List<IDictionary<string, object?>> rows) =>
        rows.Select(r => r.Keys.Select(k => Cell(r, k)).ToArray()).ToList();

    [Fact]
    public async Task BAT_09_CRT_01_the_batchs_annex_5_after_issuance_is_the_certificates_table_row_for_row_with_numbers_and_dates()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "one").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "one").Filed("340200");
        await b.Draft();
        var province = await Given.Reviewer("one.province", "340000");
        foreach (var level in new[] { 3, 4, 5 }) await b.AllocateRange(province, "000001", "000100", level); // CRT-01 [AH]
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200", [new { name = "育婴员", level = 4 }, new { name = "育婴员", level = 3 }, new { name = "育婴员", level = 5 }]);
        await b.StaffIt();
        for (var i = 0; i < Listed.Length; i++) await b.Candidate(Listed[i].Name, i + 1, Listed[i].Level);
        await b.File();
        b.ClockTo(exam);
        await b.Results(b.Batch["candidates"]!.AsArray().Select(c => (c!["id"]!.GetValue<Guid>(), 80, 80)).ToArray());
        await b.Publicize();
        await b.ClosePublicity();
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/report", new { version = b.Version });
        var batchSheet = $"/api/batches/{b.BatchId}/report/certificates";
        var certificateSheet = $"/api/certificate-issuances/{b.BatchId}/certificate-table";

        // before issuance: every qualified candidate, in the order the numbers will be given (三级 first, then 四级, 五级, each as listed)
        var before = await Sheet(b.Organization, batchSheet);
        string[] issueOrder = ["赵小六", "吴小九", "王小五", "周小八", "孙小七"];
        before.Select(r => Cell(r, "姓名")).ShouldBe(issueOrder);
        before.ShouldAllBe(r => Cell(r, "证书编号") == null && Cell(r, "发证日期") == null);

        await Host.ExecuteAndWaitAsync(async () =>
            await b.Send(b.Reviewer, $"/api/batches/{b.BatchId}/report/accept", new { version = b.Version, opinion = "同意。" }));
        (await b.Issuance(b.Organization))["status"]!.GetValue<string>().ShouldBe("Completed");

        // after issuance: both sheets carry every number and date, and they are the same table row for row
        var fromBatch = await Sheet(b.Organization, batchSheet);
        var fromCertificates = await Sheet(b.Organization, certificateSheet);
        fromBatch.Count.ShouldBe(Listed.Length);
        fromBatch.ShouldAllBe(r => Cell(r, "证书编号") != null && Cell(r, "证书编号")!.Length == 22);
        fromBatch.ShouldAllBe(r => Cell(r, "发证日期") == b.Today.ToString("yyyy-MM-dd", null));
        fromBatch.Select(r => Cell(r, "姓名")).ShouldBe(issueOrder); // the order did not change with the numbers
        fromBatch.Select(r => Cell(r, "证书编号")).ShouldBe(fromBatch.Select(r => Cell(r, "证书编号")).Order(StringComparer.Ordinal));
        fromBatch[0].Keys.ShouldBe(fromCertificates[0].Keys);
        Bodies(fromBatch).ShouldBe(Bodies(fromCertificates));

        // an approved correction of the holder data shows in both sheets alike
        var zhao = fromCertificates.Single(r => Cell(r, "姓名") == "赵小六");
        var list = await Given.Get<System.Text.Json.Nodes.JsonObject>(b.Organization, $"/api/certificates?batchId={b.BatchId}&pageSize=10");
        var listed = list["items"]!.AsArray().Single(c => c!["number"]!.GetValue<string>() == Cell(zhao, "证书编号"))!;
        var id = listed["id"]!.GetValue<Guid>();
        var requested = await b.Send(b.Organization, $"/api/certificates/{id}/corrections", new
        {
            version = listed["version"]!.GetValue<int>(), holderName = "赵晓六", documentType = 201, documentNumber = Cell(zhao, "证件号码"),
            employer = "芜湖家政公司", reason = "姓名录入错误",
        });
        await b.Send(b.Reviewer, $"/api/certificate-corrections/{requested["correctionId"]}/approve",
            new { version = requested["version"]!.GetValue<int>(), reason = "经核对身份证件，同意更正。" });
        var corrected = await Sheet(b.Organization, batchSheet);
        corrected.Select(r => Cell(r, "姓名")).ShouldBe(["赵晓六", "吴小九", "王小五", "周小八", "孙小七"]);
        Bodies(corrected).ShouldBe(Bodies(await Sheet(b.Organization, certificateSheet)));
    }
}
