using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Filing;

/// <summary>An upload is stored under a safe name with the extension of what it really is, and only if it really is that.</summary>
public class UploadSafetyTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<FilingJourney> Drafted()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "up").Participants();
        var created = await journey.Send(journey.Organization, "/api/filing/applications", new { jurisdiction = "anhui", scope = "city" }, HttpStatusCode.Created);
        journey.ApplicationId = created["value"]!.GetValue<Guid>();
        await journey.Reload();
        return journey;
    }

    [Theory]
    [InlineData("evil.html", "evil.pdf")]
    [InlineData("report\u202Efdp.html", "reportfdp.pdf")]
    [InlineData("..\\..\\windows\\system32\\材料.exe", "材料.pdf")]
    [InlineData("\u0007\u200B.pdf", "文件.pdf")]
    public async Task FIL_10_a_material_is_stored_under_a_safe_name_with_the_extension_of_its_content(string declared, string stored)
    {
        var journey = await Drafted();
        await journey.Upload(1, declared, FilingJourney.Pdf, "application/octet-stream");
        var material = journey.Application["materials"]!.AsArray().Single()!;
        material["fileName"]!.GetValue<string>().ShouldBe(stored);

        var download = await Host.Scenario(s =>
        {
            s.As(journey.Organization);
            s.Get.Url($"/api/filing/applications/{journey.ApplicationId}/materials/{material["id"]}");
            s.StatusCodeShouldBeOk();
        });
        var disposition = download.Context.Response.Headers.ContentDisposition.ToString();
        disposition.ShouldStartWith("attachment");
        disposition.ShouldNotContain("html");
        download.Context.Response.Headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }

    [Fact]
    public async Task FIL_10_a_file_name_with_quotes_semicolons_and_nul_in_a_hand_made_multipart_body_is_stored_safely()
    {
        var journey = await Drafted();
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--b\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n{journey.Version}\r\n");
        Write("--b\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\n1\r\n");
        Write("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\\\"b;c\0d.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
        body.Write(FilingJourney.Pdf);
        Write("\r\n--b--\r\n");
        var result = await Host.Scenario(s =>
        {
            s.As(journey.Organization);
            s.Post.ByteArray(body.ToArray()).ToUrl($"/api/filing/applications/{journey.ApplicationId}/materials");
            s.WithRequestHeader("Content-Type", "multipart/form-data; boundary=b");
            s.StatusCodeShouldBeOk();
        });
        (await result.ReadAsJsonAsync<JsonObject>())!["materials"]!.AsArray().Count.ShouldBe(1);
        var stored = (await journey.Reload())["materials"]![0]!["fileName"]!.GetValue<string>();
        stored.ShouldNotContain("\"");
        stored.ShouldNotContain(";");
        stored.ShouldNotContain("\0");
        stored.ShouldEndWith(".pdf");
    }

    [Fact]
    public async Task FIL_10_a_file_that_starts_like_a_pdf_but_does_not_open_as_one_is_refused()
    {
        var journey = await Drafted();
        var html = Encoding.UTF8.GetBytes("%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>");
        var refused = await journey.Upload(1, "方案.pdf", html, status: HttpStatusCode.UnprocessableEntity);
        var rule = (await refused.Problem())["rules"]![0]!;
        rule["ruleId"]!.GetValue<string>().ShouldBe("FIL-10");
        rule["code"]!.GetValue<string>().ShouldBe("material.malformed");
        (await journey.Reload())["materials"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task FIL_10_a_truncated_png_is_refused()
    {
        var journey = await Drafted();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
        var refused = await journey.Upload(5, "场地.png", png, "image/png", HttpStatusCode.UnprocessableEntity);
        (await refused.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("material.malformed");
    }

    [Fact]
    public async Task a_stale_version_on_an_upload_is_409_only_for_the_owner_and_404_for_anyone_else()
    {
        var journey = await Drafted();
        await journey.Upload(2, "证书.pdf", FilingJourney.Pdf);
        var stale = journey.Version - 1;
        await Given.UploadMaterial(journey.Organization, journey.ApplicationId, stale, 1, "表.pdf", FilingJourney.Pdf, status: HttpStatusCode.Conflict);
        var (other, _) = await Given.Organization("other.org", "340100", "合肥机构", serial: 7);
        foreach (var version in new[] { stale, journey.Version, journey.Version + 5 })
            await Given.UploadMaterial(other, journey.ApplicationId, version, 1, "表.pdf", FilingJourney.Pdf, status: HttpStatusCode.NotFound);
    }
}
