using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using SkiaSharp;
using Xunit.Abstractions;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// Issue 15, items 2 and 3: small uploads that declare or expand to enormous sizes are refused before they are expanded,
/// and what the process holds while answering them stays under <see cref="BudgetMiB"/> (measured as its peak RSS growth).
/// </summary>
public class UploadBombTests(AppFixture app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const double BudgetMiB = 100;

    private static readonly string[] CandidateColumns = ["姓名", "证件类型", "证件号码", "所在单位", "职业名称", "职业技能等级", "考生所在地市", "联系电话"];

    private async Task<BatchJourney> Drafted(string tag, bool withCandidate = true)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        await batch.Plan(batch.Today.PlusDays(21), "340200");
        if (!withCandidate) return batch;
        await batch.StaffIt();
        await batch.Candidate("张小三", 1);
        return batch;
    }

    private async Task<(int Status, JsonObject Body)> PostPhoto(BatchJourney b, Guid candidateId, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(b.Version.ToString()), "version" }, { new ByteArrayContent(content), "file", fileName } };
        var result = await Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Post.MultipartFormData(form).ToUrl($"/api/batches/{b.BatchId}/candidates/{candidateId}/photo");
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, (await result.ReadAsJsonAsync<JsonObject>())!);
    }

    private double Measured(string what, PeakMemory memory)
    {
        var growth = memory.GrowthMiB();
        output.WriteLine($"{what}: peak RSS growth {growth:0.0} MiB");
        return growth;
    }

    [Fact]
    public async Task issue_15_item_2_an_image_declaring_6000_by_6000_is_refused_unexpanded_even_eight_at_once()
    {
        var b = await Drafted("imgbomb");
        var candidate = b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>();
        var jpeg = Bombs.Image(SKEncodedImageFormat.Jpeg, 6000, 6000);
        jpeg.Length.ShouldBeLessThan(20_000);

        var memory = new PeakMemory();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostPhoto(b, candidate, jpeg, "炸弹.jpg")));
        Measured("8 × 6000×6000 JPEG", memory).ShouldBeLessThan(BudgetMiB);
        foreach (var (status, body) in answers)
        {
            status.ShouldBe(422);
            body["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("batch.photo-too-many-pixels");
            body["detail"]!.GetValue<string>().ShouldContain("6000×6000像素（3600万像素），超过1600万像素的上限");
        }

        var png = Bombs.Image(SKEncodedImageFormat.Png, 30000, 30000);
        memory = new PeakMemory();
        var (pngStatus, pngBody) = await PostPhoto(b, candidate, png, "炸弹.png");
        Measured("30000×30000 PNG", memory).ShouldBeLessThan(BudgetMiB);
        pngStatus.ShouldBe(422);
        pngBody["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("batch.photo-dimensions");
        pngBody["detail"]!.GetValue<string>().ShouldContain("长边不超过6000像素");
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, 3000, 4000, "大照片.jpg")]
    [InlineData(SKEncodedImageFormat.Png, 1600, 2400, "大照片.png")]
    public async Task issue_15_item_2_a_large_photo_within_the_limit_is_accepted_and_printed_at_413_by_579(SKEncodedImageFormat format, int width, int height,
        string name)
    {
        var b = await Drafted(format == SKEncodedImageFormat.Png ? "bigpng" : "bigjpg");
        var candidate = b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>();
        var photo = Bombs.Photo(format, width, height);

        var memory = new PeakMemory();
        var (status, _) = await PostPhoto(b, candidate, photo, name);
        // a 12-megapixel JPEG is decoded at a reduced scale (its full pixels alone would be 46 MiB); a PNG whole, within 4 megapixels
        Measured($"{width}×{height} {format}", memory).ShouldBeLessThan(BudgetMiB);
        status.ShouldBe(200);
        var shown = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url($"/api/batches/{b.BatchId}/candidates/{candidate}/photo"); });
        var stored = new MemoryStream();
        await shown.Context.Response.Body.CopyToAsync(stored);
        using var codec = SKCodec.Create(new MemoryStream(stored.ToArray()));
        (codec.Info.Width, codec.Info.Height).ShouldBe((413, 579));
    }

    public static TheoryData<string, string> SpreadsheetBombs => new()
    {
        { "cell", "解压后200MB，超过每部分40MB的上限" },
        { "wide", "超过每部分40MB的上限" },
        { "ratio", "压缩比超过100:1的上限" },
        { "columns", "文件超过64列，请只保留模板中的列" },
        { "long", "有单元格超过32767个字符" },
    };

    private static byte[] SpreadsheetBomb(string kind, IReadOnlyList<string> headers) => kind switch
    {
        "cell" => Bombs.Xlsx(headers, Bombs.HugeCell(200)),
        "wide" => Bombs.Xlsx(headers, Bombs.Wide(10_000, 2_000), CompressionLevel.Fastest),
        "ratio" => Bombs.Xlsx(headers, Bombs.Wide(1_000, 2_000)),
        "columns" => Bombs.Xlsx(headers, Bombs.Wide(10, 2_000)),
        _ => Bombs.Xlsx(headers, Bombs.HugeCell(0)),
    };

    [Theory]
    [MemberData(nameof(SpreadsheetBombs))]
    public async Task issue_15_item_3_a_candidate_sheet_bomb_is_refused_413_naming_the_limit_within_the_memory_budget(string kind, string limit)
    {
        var b = await Drafted("xlsx" + kind, withCandidate: false);
        var bomb = SpreadsheetBomb(kind, CandidateColumns);
        output.WriteLine($"{kind}: {bomb.Length / 1024} KB uploaded");

        var memory = new PeakMemory();
        var result = await b.Upload($"/api/batches/{b.BatchId}/candidates/import", bomb, "考生.xlsx", HttpStatusCode.RequestEntityTooLarge);
        Measured($"candidate import, {kind}", memory).ShouldBeLessThan(BudgetMiB);
        var problem = await result.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("spreadsheet-too-large");
        problem["title"]!.GetValue<string>().ShouldBe("表格超出处理上限");
        problem["detail"]!.GetValue<string>().ShouldContain(limit);
    }

    private async Task<IScenarioResult> ImportCatalog(byte[] content, string fileName, HttpStatusCode status)
    {
        var admin = await Given.Admin();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.MultipartFormData(form).ToUrl("/api/occupations/import");
            s.StatusCodeShouldBe(status);
        });
    }

    [Fact]
    public async Task issue_15_item_3_the_catalog_import_is_bounded_the_same_for_xlsx_and_csv()
    {
        var memory = new PeakMemory();
        var xlsx = await ImportCatalog(Bombs.Xlsx(["职业编码", "职业名称", "类别"], Bombs.HugeCell(200)), "目录.xlsx", HttpStatusCode.RequestEntityTooLarge);
        Measured("catalog import, 200 MB cell", memory).ShouldBeLessThan(BudgetMiB);
        (await xlsx.Problem())["detail"]!.GetValue<string>().ShouldContain("超过每部分40MB的上限");

        var longCell = Encoding.UTF8.GetBytes("职业编码,职业名称,类别\n4-10-01-03," + new string('育', 40_000) + ",技能类\n");
        var csv = await ImportCatalog(longCell, "目录.csv", HttpStatusCode.RequestEntityTooLarge);
        (await csv.Problem())["detail"]!.GetValue<string>().ShouldContain("有单元格超过32767个字符");
        var wide = Encoding.UTF8.GetBytes("职业编码,职业名称,类别" + new string(',', 2_000) + "\n");
        var refused = await ImportCatalog(wide, "目录.csv", HttpStatusCode.RequestEntityTooLarge);
        (await refused.Problem())["code"]!.GetValue<string>().ShouldBe("spreadsheet-too-large");
        (await Given.Get<JsonObject>(await Given.Admin(), "/api/occupations/import"))["version"]!.GetValue<long>().ShouldBe(0);
    }
}
