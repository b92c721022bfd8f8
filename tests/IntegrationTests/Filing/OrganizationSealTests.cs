using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Values;
using Assessment.TestSupport;
using SkiaSharp;

namespace Assessment.IntegrationTests.Filing;

/// <summary>CRT-03 ([AH] 附件6 note 2): the organization's seal image, uploaded once and stamped on the certificates it issues.</summary>
public class OrganizationSealTests(AppFixture app) : IntegrationTest(app)
{
    private Task<IScenarioResult> Upload(Caller caller, Guid organizationId, long version, byte[] content, string fileName, HttpStatusCode status,
        string? contentType = "image/png")
    {
        var file = new ByteArrayContent(content);
        if (contentType is not null) file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { new StringContent(version.ToString()), "version" }, { file, "file", fileName } };
        return Host.Scenario(s =>
        {
            s.As(caller);
            s.Post.MultipartFormData(form).ToUrl($"/api/organizations/{organizationId}/seal");
            s.StatusCodeShouldBe(status);
        });
    }

    private async Task<byte[]> Download(Caller caller, string url)
    {
        var result = await Host.Scenario(s => { s.As(caller); s.Get.Url(url); });
        using var content = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(content);
        return content.ToArray();
    }

    [Fact]
    public async Task CRT_03_the_organization_uploads_its_seal_and_its_certificates_are_stamped_with_it()
    {
        var b = await CertificateJourneys.AcceptedAnhuiBatch(App, Given, "seal", "张小三");
        var organizationId = b.Batch["organizationId"]!.GetValue<Guid>();
        var certificate = (await CertificateJourneys.Certificates(Given, b.Organization, b.BatchId)).OfHolder("张小三")["id"]!.GetValue<Guid>();
        var pdfUrl = $"/api/certificates/{certificate}/pdf";
        using (var unstamped = UglyToad.PdfPig.PdfDocument.Open(await Download(b.Organization, pdfUrl)))
            unstamped.GetPage(1).GetImages().ShouldBeEmpty(); // no photo, no seal: both places left blank for paper

        var organization = await Given.Get<JsonObject>(b.Organization, $"/api/organizations/{organizationId}");
        organization["sealId"].ShouldBeNull();
        organization["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("uploadOrganizationSeal");
        var version = organization["version"]!.GetValue<long>();
        var answer = await (await Upload(b.Organization, organizationId, version, SealPictures.Seal(800, 800), "公章.png", HttpStatusCode.OK))
            .ReadAsJsonAsync<JsonObject>();

        var after = await Given.Get<JsonObject>(b.Organization, $"/api/organizations/{organizationId}");
        after["sealId"].ShouldNotBeNull();
        after["version"]!.GetValue<long>().ShouldBe(version + 1);
        answer!["version"]!.GetValue<long>().ShouldBe(version + 1);
        // the reviewer of the area sees the seal as stored: trimmed to the ring, transparent around it
        using (var stored = SKBitmap.Decode(await Download(b.Reviewer, $"/api/organizations/{organizationId}/seal")))
        {
            stored.Width.ShouldBeInRange(430, 470);
            stored.GetPixel(0, 0).Alpha.ShouldBeLessThan((byte)16);
        }
        using var stamped = UglyToad.PdfPig.PdfDocument.Open(await Download(b.Organization, pdfUrl));
        var seal = stamped.GetPage(1).GetImages().ShouldHaveSingleItem();
        seal.BoundingBox.Width.ShouldBe(40 * 72 / 25.4, 0.5);
        seal.BoundingBox.Right.ShouldBeLessThan(297 * 72 / 25.4 / 2); // the left page, over the issuer and the date
    }

    [Fact]
    public async Task CRT_03_a_seal_that_cannot_print_is_refused_with_the_reason_and_others_cannot_upload_one()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "sealbad").Participants();
        var (org, id) = (filing.Organization, filing.OrganizationId);
        var version = (await Given.Get<JsonObject>(org, $"/api/organizations/{id}"))["version"]!.GetValue<long>();

        var opaque = await Upload(org, id, version, SealPictures.Seal(400, 400, opaque: true), "白底.png", HttpStatusCode.UnprocessableEntity);
        var rule = (await opaque.Problem())["rules"]![0]!;
        (rule["ruleId"]!.GetValue<string>(), rule["code"]!.GetValue<string>()).ShouldBe(("CRT-03", "organization.seal-unusable"));
        rule["message"]!.GetValue<string>().ShouldContain("透明背景");
        await Upload(org, id, version, SealPictures.Seal(400, 400, format: SKEncodedImageFormat.Jpeg), "公章.jpg",
            HttpStatusCode.UnsupportedMediaType, "image/jpeg");
        await Upload(org, id, version, new byte[Assessment.Filing.Organizations.SealImages.MaxBytes + 1], "大.png", HttpStatusCode.RequestEntityTooLarge);
        await Upload(org, id, version + 5, SealPictures.Seal(400, 400), "公章.png", HttpStatusCode.Conflict);
        // the area's reviewer sees the organization but may not act for it; another organization does not see it at all
        await Upload(filing.Reviewer, id, version, SealPictures.Seal(400, 400), "公章.png", HttpStatusCode.Forbidden);
        var (other, _) = await Given.Organization("sealbad.other", "340200", "另一家评价中心", 2);
        await Upload(other, id, version + 5, SealPictures.Seal(400, 400), "公章.png", HttpStatusCode.NotFound);
        await Host.Scenario(s => { s.As(other); s.Get.Url($"/api/organizations/{id}/seal"); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });

        // nothing was stored by any of the refusals
        var organization = await Given.Get<JsonObject>(org, $"/api/organizations/{id}");
        (organization["version"]!.GetValue<long>(), organization["sealId"]).ShouldBe((version, null));
        await Host.Scenario(s => { s.As(org); s.Get.Url($"/api/organizations/{id}/seal"); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }
}
