using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using SkiaSharp;

namespace Assessment.IntegrationTests.Batches;

/// <summary>CRT-03: a candidate's 2-inch photo, uploaded by the organization and printed on the certificate.</summary>
public class CandidatePhotoTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<BatchJourney> Drafted(string tag)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        return batch;
    }

    private static string PhotoUrl(BatchJourney b, Guid candidateId) => $"/api/batches/{b.BatchId}/candidates/{candidateId}/photo";

    private static Guid CandidateId(BatchJourney b, int index = 0) => b.Batch["candidates"]![index]!["id"]!.GetValue<Guid>();

    private async Task<IScenarioResult> Upload(BatchJourney b, Guid candidateId, byte[] content, string fileName, HttpStatusCode status,
        string? contentType = null, Caller? caller = null)
    {
        var file = new ByteArrayContent(content);
        if (contentType is not null) file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { new StringContent(b.Version.ToString()), "version" }, { file, "file", fileName } };
        return await Host.Scenario(s =>
        {
            s.As(caller ?? b.Organization);
            s.Post.MultipartFormData(form).ToUrl(PhotoUrl(b, candidateId));
            s.StatusCodeShouldBe(status);
        });
    }

    /// <summary>A portrait-ish picture: a blue disc on a grey (not white) background, so the normalization is visible.</summary>
    public static byte[] Image(int width = 600, int height = 800, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg) =>
        Bombs.Photo(format, width, height);

    [Fact]
    public async Task CRT_03_an_uploaded_photo_is_normalized_shown_to_the_organization_and_printed_on_the_certificate()
    {
        var b = await Drafted("photo");
        // CRT-01 [AH]: without serials allocated by the provincial center no certificate is issued, and none would be printed below
        await b.AllocateRange(await Given.Reviewer("photo.province", "340000"), "000001", "000100");
        Guid zhang = default;
        await b.Accepted(async () =>
        {
            zhang = b.CandidateId("张小三");
            (await b.Reload())["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("uploadCandidatePhoto");
            var answer = await (await Upload(b, zhang, Image(format: SKEncodedImageFormat.Png), "张小三.png", HttpStatusCode.OK)).ReadAsJsonAsync<JsonObject>();
            var before = b.Version;
            await b.Reload();
            (before, answer!["version"]!.GetValue<long>()).ShouldBe((before, b.Version));
            // a second upload replaces the first
            await Upload(b, zhang, Image(), "张小三.jpg", HttpStatusCode.OK);
            var batch = await b.Reload();
            // the roster shows names masked to everyone (AUD-04/BAT-09)
            batch["candidates"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["hasPhoto"]!.GetValue<bool>()))
                .ShouldBe([("张*三", true), ("李*", false)], ignoreOrder: true);
            batch["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("downloadCandidatePhoto");
            (await b.OpenCandidate(b.Organization, zhang))["hasPhoto"]!.GetValue<bool>().ShouldBeTrue();
            batch["details"]!["ledger"]!.AsArray().Count(l => l!["action"]!.GetValue<string>() == "上传考生照片").ShouldBe(2);

            var shown = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url(PhotoUrl(b, zhang)); s.ContentTypeShouldBe("image/jpeg"); });
            var bytes = new MemoryStream();
            await shown.Context.Response.Body.CopyToAsync(bytes);
            using var codec = SKCodec.Create(new MemoryStream(bytes.ToArray()));
            (codec.Info.Width, codec.Info.Height, codec.EncodedFormat).ShouldBe((413, 579, SKEncodedImageFormat.Jpeg));
            var li = b.CandidateId("李四");
            await Host.Scenario(s => { s.As(b.Organization); s.Get.Url(PhotoUrl(b, li)); s.StatusCodeShouldBe(404); });
        }, "张小三", "李四");

        // accepted: certificates are issued from the batch, a photo can no longer change
        await b.Reload();
        b.Batch["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("uploadCandidatePhoto");
        var late = await Upload(b, zhang, Image(), "晚了.jpg", HttpStatusCode.UnprocessableEntity);
        var rule = (await late.Problem())["rules"]![0]!;
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>()).ShouldBe(("CRT-03", "batch.photo-after-acceptance"));

        var certificates = (await Given.Get<JsonObject>(b.Organization, $"/api/certificates?batchId={b.BatchId}&pageSize=100"))["items"]!.AsArray();
        certificates.Count.ShouldBe(2);
        var zhangsCertificate = certificates.OfHolder("张小三")["id"]!.GetValue<Guid>();
        foreach (var certificate in certificates)
        {
            var pdf = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url($"/api/certificates/{certificate!["id"]}/pdf"); });
            var content = new MemoryStream();
            await pdf.Context.Response.Body.CopyToAsync(content);
            using var document = UglyToad.PdfPig.PdfDocument.Open(content.ToArray());
            var images = document.GetPage(1).GetImages().Count();
            // 张小三's photo in the photo box; 李四 had none: the marked empty box
            images.ShouldBe(certificate!["id"]!.GetValue<Guid>() == zhangsCertificate ? 1 : 0);
        }
    }

    [Fact]
    public async Task CRT_03_wrong_type_too_big_not_an_image_or_too_small_is_refused_and_nothing_changes()
    {
        var b = await Drafted("photo.bad");
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.Candidate("张小三", 1);
        var id = CandidateId(b);
        var version = b.Version;

        // declared as something other than JPEG/PNG
        var pdf = await Upload(b, id, "%PDF-1.4 x"u8.ToArray(), "照片.pdf", HttpStatusCode.UnsupportedMediaType, "application/pdf");
        (await pdf.Problem())["code"]!.GetValue<string>().ShouldBe("unsupported-media-type");
        // too big (the in-memory server sends no length, so the endpoint answers)
        var big = new byte[2 * 1024 * 1024 + 1];
        Image().CopyTo(big, 0);
        await Upload(b, id, big, "大.jpg", HttpStatusCode.RequestEntityTooLarge);
        // magic bytes: a text file named .jpg, and a generic type with no image inside
        var fake = await Upload(b, id, "<html>not a photo</html>"u8.ToArray(), "照片.jpg", HttpStatusCode.UnprocessableEntity, "image/jpeg");
        (await fake.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("batch.photo-not-image");
        var generic = await Upload(b, id, new byte[1000], "photo", HttpStatusCode.UnprocessableEntity, "application/octet-stream");
        (await generic.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("batch.photo-not-image");
        // claims PNG, is JPEG
        var mismatch = await Upload(b, id, Image(), "照片.png", HttpStatusCode.UnprocessableEntity, "image/png");
        (await mismatch.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("batch.photo-content-mismatch");
        // a JPEG cut short
        var cut = Image()[..2000];
        (await (await Upload(b, id, cut, "坏.jpg", HttpStatusCode.UnprocessableEntity)).Problem())["rules"]![0]!["code"]!.GetValue<string>()
            .ShouldBe("batch.photo-malformed");
        // too few pixels to print
        var tiny = await Upload(b, id, Image(60, 80), "小.jpg", HttpStatusCode.UnprocessableEntity);
        (await tiny.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("batch.photo-dimensions");
        // an unknown candidate
        await Upload(b, Guid.NewGuid(), Image(), "照片.jpg", HttpStatusCode.UnprocessableEntity);
        // no file
        await Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Post.MultipartFormData(new MultipartFormDataContent { { new StringContent(b.Version.ToString()), "version" } }).ToUrl(PhotoUrl(b, id));
            s.StatusCodeShouldBe(400);
        });

        var batch = await b.Reload();
        b.Version.ShouldBe(version);
        batch["candidates"]![0]!["hasPhoto"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task CRT_03_another_organization_gets_404_before_a_stale_version_and_the_photo_stays_with_those_who_see_personal_data()
    {
        var b = await Drafted("photo.who");
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.Candidate("张小三", 1);
        var id = CandidateId(b);
        var (stranger, _) = await Given.Organization("photo.who.other", "340200", "另一家评价中心", serial: 7);
        var stale = b.Version;
        await Upload(b, id, Image(), "照片.jpg", HttpStatusCode.NotFound, caller: stranger);
        await Upload(b, id, Image(), "照片.jpg", HttpStatusCode.OK);
        await b.Reload();
        await Host.Scenario(s => { s.As(stranger); s.Get.Url(PhotoUrl(b, id)); s.StatusCodeShouldBe(404); });

        // stale version: 409 for the owner, still 404 for the stranger
        var current = b.Version;
        b.Version = stale;
        await Upload(b, id, Image(), "照片.jpg", HttpStatusCode.Conflict);
        await Upload(b, id, Image(), "照片.jpg", HttpStatusCode.NotFound, caller: stranger);
        (await b.Reload())["version"]!.GetValue<long>().ShouldBe(current);
        // a draft is the organization's own: no authority sees it, nor its photos
        var reviewer = await Given.Reviewer("photo.who.city.reviewer", "340200");
        await Host.Scenario(s => { s.As(reviewer); s.Get.Url(PhotoUrl(b, id)); s.StatusCodeShouldBe(404); });
    }
}
