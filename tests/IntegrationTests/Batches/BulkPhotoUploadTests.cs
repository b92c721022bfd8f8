using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Assessment.IntegrationTests.Batches;

/// <summary>CRT-03 for many candidates at once: a zip or several images named by identity number, a result per file.</summary>
public class BulkPhotoUploadTests(AppFixture app) : IntegrationTest(app)
{
    private static string Id(int serial) => BatchJourney.IdNumber(serial);

    private async Task<BatchJourney> WithCandidates(string tag, int count)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var b = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "340200");
        foreach (var serial in Enumerable.Range(1, count)) await b.Candidate($"考生{"甲乙丙丁戊己"[serial - 1]}", serial);
        return b;
    }

    private async Task<IScenarioResult> Send(BatchJourney b, HttpStatusCode status, Caller? caller = null,
        params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(b.Version.ToString()), "version" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip") ? "application/zip" : "application/octet-stream");
            form.Add(part, "file", name);
        }
        return await Host.Scenario(s =>
        {
            s.As(caller ?? b.Organization);
            s.Post.MultipartFormData(form).ToUrl($"/api/batches/{b.BatchId}/candidates/photos");
            s.StatusCodeShouldBe(status);
        });
    }

    private static byte[] Zip(Action<ZipArchive> fill, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) fill(zip);
        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content, CompressionLevel level = CompressionLevel.NoCompression)
    {
        using var entry = zip.CreateEntry(name, level).Open();
        entry.Write(content);
    }

    /// <summary>The (masked) names of the candidates who now have a photo.</summary>
    private static string[] Photographed(JsonObject batch) =>
        batch["candidates"]!.AsArray().Where(c => c!["hasPhoto"]!.GetValue<bool>()).Select(c => c!["name"]!.GetValue<string>()).Order().ToArray();

    private static (string File, string Status)[] Results(JsonObject answer) =>
        answer["files"]!.AsArray().Select(f => (f!["fileName"]!.GetValue<string>(), f["status"]!.GetValue<string>())).ToArray();

    [Fact]
    public async Task CRT_03_a_zip_of_photos_named_by_identity_number_saves_the_good_ones_and_reports_each_file()
    {
        var b = await WithCandidates("bulk.zip", 5);
        b.Batch["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("uploadCandidatePhotos");
        var tooLarge = new byte[CandidatePhotoTests.Image().Length + 2 * 1024 * 1024];
        CandidatePhotoTests.Image().CopyTo(tooLarge, 0);
        var zip = Zip(z =>
        {
            Add(z, $"{Id(1)}.jpg", CandidatePhotoTests.Image());
            Add(z, $"照片/{Id(2)}.png", CandidatePhotoTests.Image(format: SKEncodedImageFormat.Png));
            Add(z, $"{Id(3)}.jpg", "<html>not a photo</html>"u8.ToArray());
            Add(z, $"{Id(4)}.jpg", CandidatePhotoTests.Image());
            Add(z, $"另一份/{Id(4)}.jpeg", CandidatePhotoTests.Image());
            Add(z, "110101199003071234.jpg", CandidatePhotoTests.Image());
            Add(z, $"{Id(5)}.jpg", tooLarge);
            Add(z, $"{Id(6)[..17]}x.jpg", CandidatePhotoTests.Image(60, 80));
            Add(z, $"__MACOSX/._{Id(1)}.jpg", [0, 5, 22, 7]);
        });
        var answer = (await (await Send(b, HttpStatusCode.OK, null, ("照片.zip", zip))).ReadAsJsonAsync<JsonObject>())!;

        Results(answer).ShouldBe([
            ($"{Id(1)}.jpg", "saved"), ($"{Id(2)}.png", "saved"), ($"{Id(3)}.jpg", "not-image"), ($"{Id(4)}.jpg", "duplicate"),
            ($"{Id(4)}.jpeg", "duplicate"), ("110101199003071234.jpg", "not-in-batch"), ($"{Id(5)}.jpg", "too-large"),
            ($"{Id(6)[..17]}x.jpg", "not-in-batch"),
        ]);
        answer["saved"]!.GetValue<int>().ShouldBe(2);
        answer["files"]![3]!["statusName"]!.GetValue<string>().ShouldBe("重复文件");
        answer["files"]![5]!["message"]!.GetValue<string>().ShouldContain("本批次没有证件号码为");

        var batch = await b.Reload();
        answer["version"]!.GetValue<long>().ShouldBe(b.Version);
        Photographed(batch).ShouldBe(["考*乙", "考*甲"], ignoreOrder: true);
        foreach (var name in new[] { "考生甲", "考生乙" })
        {
            var shown = await Host.Scenario(s =>
            {
                s.As(b.Organization);
                s.Get.Url($"/api/batches/{b.BatchId}/candidates/{b.CandidateId(name)}/photo");
                s.ContentTypeShouldBe("image/jpeg");
            });
            var bytes = new MemoryStream();
            await shown.Context.Response.Body.CopyToAsync(bytes);
            using var codec = SKCodec.Create(new MemoryStream(bytes.ToArray()));
            (codec.Info.Width, codec.Info.Height).ShouldBe((413, 579));
        }
    }

    [Fact]
    public async Task CRT_03_several_images_are_judged_like_one_photo_each_and_only_the_organization_uploads()
    {
        var b = await WithCandidates("bulk.files", 2);
        await Send(b, HttpStatusCode.Forbidden, b.Reviewer, ($"{Id(1)}.jpg", CandidatePhotoTests.Image()));
        var answer = (await (await Send(b, HttpStatusCode.OK, null, ($"{Id(1)}.jpg", CandidatePhotoTests.Image()),
            ($"{Id(2)}.jpg", CandidatePhotoTests.Image(60, 80)))).ReadAsJsonAsync<JsonObject>())!;
        Results(answer).ShouldBe([($"{Id(1)}.jpg", "saved"), ($"{Id(2)}.jpg", "refused")]);
        answer["files"]![1]!["message"]!.GetValue<string>().ShouldContain("二寸照片应不小于");
        Photographed(await b.Reload()).ShouldBe(["考*甲"]);
    }

    [Fact]
    public async Task CRT_03_a_zip_bomb_too_many_entries_or_a_broken_zip_is_refused_before_it_is_expanded_and_nothing_is_saved()
    {
        var b = await WithCandidates("bulk.bomb", 1);
        var zeros = new byte[1024 * 1024];
        var bomb = Zip(z =>
        {
            Add(z, $"{Id(1)}.jpg", CandidatePhotoTests.Image());
            using var entry = z.CreateEntry("炸弹.jpg", CompressionLevel.SmallestSize).Open();
            for (var i = 0; i < 200; i++) entry.Write(zeros);
        });
        bomb.Length.ShouldBeLessThan(2 * 1024 * 1024);
        var refused = await (await Send(b, HttpStatusCode.RequestEntityTooLarge, null, ("照片.zip", bomb))).Problem();
        refused["code"]!.GetValue<string>().ShouldBe("archive-too-large");
        refused["detail"]!.GetValue<string>().ShouldContain("压缩比");

        var many = Zip(z => { for (var i = 0; i < 301; i++) Add(z, $"{i}.jpg", [1]); });
        var tooMany = await (await Send(b, HttpStatusCode.RequestEntityTooLarge, null, ("照片.zip", many))).Problem();
        tooMany["detail"]!.GetValue<string>().ShouldContain("一次最多300个");

        var broken = "PK\u0003\u0004 this is not really a zip"u8.ToArray();
        (await (await Send(b, HttpStatusCode.BadRequest, null, ("坏.zip", broken))).Problem())["errors"]!["file"].ShouldNotBeNull();
        Photographed(await b.Reload()).ShouldBeEmpty();
    }
}
