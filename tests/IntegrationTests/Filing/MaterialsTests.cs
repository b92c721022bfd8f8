using System.Net;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using NodaTime;

namespace Assessment.IntegrationTests.Filing;

public class MaterialsTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<FilingJourney> Drafted(Jurisdiction where, string tag)
    {
        var journey = await new FilingJourney(Host, Given, App, where, tag).Participants();
        var created = await journey.Send(journey.Organization, "/api/filing/applications", new { jurisdiction = where.Id, scope = where.Scope }, HttpStatusCode.Created);
        journey.ApplicationId = created["value"]!.GetValue<Guid>();
        journey.Version = 1;
        await journey.Step(journey.Organization, $"/api/filing/applications/{created["value"]}", new
        {
            version = 1, occupations = new[] { FilingJourney.Line() }, consecutiveYears = 10, cumulativePersonTimes = 100_000, subsidizedTraining = false,
            evaluatedPopulations = FilingJourney.OwnStaff, mainBusiness = FilingJourney.MainBusiness,
        }, put: true);
        return journey;
    }

    [Fact]
    public async Task FIL_10_an_upload_records_type_size_and_sha256_and_the_file_comes_back_to_those_who_may_see_it()
    {
        var journey = await Drafted(Jurisdiction.Anhui, "m");
        await journey.Upload(3, "工作方案.pdf", FilingJourney.Pdf);
        var material = journey.Application["materials"]!.AsArray().Single()!;
        material["item"]!.GetValue<int>().ShouldBe(3);
        material["contentType"]!.GetValue<string>().ShouldBe("application/pdf");
        material["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(FilingJourney.Pdf)));
        var url = $"/api/filing/applications/{journey.ApplicationId}/materials/{material["id"]}";

        var download = await Host.Scenario(s => { s.As(journey.Organization); s.Get.Url(url); s.StatusCodeShouldBeOk(); s.ContentTypeShouldBe("application/pdf"); });
        (await download.ReadAsTextAsync()).ShouldStartWith("%PDF-");
        // a draft is the organization's own business: even the reviewers of its area see neither it nor its materials
        await Host.Scenario(s => { s.As(journey.Reviewer); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        var other = await Given.Reviewer("hefei.r", "340100");
        await Host.Scenario(s => { s.As(other); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });
    }

    [Fact]
    public async Task FIL_10_a_submission_without_materials_points_at_each_missing_item()
    {
        var journey = await Drafted(Jurisdiction.Anhui, "p");
        var refused = await journey.Send(journey.Organization, $"/api/filing/applications/{journey.ApplicationId}/submit",
            new { version = journey.Version }, HttpStatusCode.UnprocessableEntity);
        var missing = refused["rules"]!.AsArray().Where(r => r!["ruleId"]!.GetValue<string>() == "FIL-10").ToList();
        missing.Select(r => r!["target"]!.GetValue<string>()).ShouldBe(Enumerable.Range(1, 6).Select(i => $"/materialItems/{i}"));
    }

    [Fact]
    public async Task FIL_10_a_tampered_upload_declared_pdf_but_something_else_is_refused_and_nothing_is_stored()
    {
        var journey = await Drafted(Jurisdiction.Anhui, "t");
        var before = journey.Version;
        var refused = await journey.Upload(2, "法人证书.pdf", "MZ\u0090\0 this is an executable"u8.ToArray(), status: HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Problem();
        problem["rules"]![0]!["ruleId"]!.GetValue<string>().ShouldBe("FIL-10");
        problem["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("material.type-not-allowed");
        var png = await journey.Upload(2, "法人证书.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], status: HttpStatusCode.UnprocessableEntity);
        (await png.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("material.content-mismatch");
        (await journey.Reload())["version"]!.GetValue<long>().ShouldBe(before);
        journey.Application["materials"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task FIL_10_uploads_check_version_owner_and_size()
    {
        var journey = await Drafted(Jurisdiction.Anhui, "v");
        var stale = journey.Version;
        await journey.Upload(1, "表.pdf", FilingJourney.Pdf);
        journey.Version = stale;
        await journey.Upload(1, "表.pdf", FilingJourney.Pdf, status: HttpStatusCode.Conflict);
        await journey.Reload();
        var big = new byte[10 * 1024 * 1024 + 128 * 1024];
        "%PDF-"u8.CopyTo(big);
        // Kestrel answers 413 from the declared length; the in-memory test server sends none, so the rule answers
        var tooLarge = await journey.Upload(1, "大文件.pdf", big, status: HttpStatusCode.UnprocessableEntity);
        (await tooLarge.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("material.too-large");

        // JSON elsewhere is still required
        await Host.Scenario(s =>
        {
            s.As(journey.Organization);
            s.Post.MultipartFormData(new MultipartFormDataContent { { new StringContent("1"), "version" } }).ToUrl($"/api/filing/applications/{journey.ApplicationId}/submit");
            s.StatusCodeShouldBe(HttpStatusCode.UnsupportedMediaType);
        });
    }

    [Fact]
    public async Task FIL_10_in_huangshi_pledged_items_let_the_application_in_and_must_be_produced_before_a_passing_evaluation()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
        var journey = await Drafted(Jurisdiction.Huangshi, "p");
        foreach (var item in new[] { 1, 2, 3, 6 }) await journey.Upload(item, $"{item}.pdf", FilingJourney.Pdf);
        var refused = await journey.Send(journey.Organization, $"/api/filing/applications/{journey.ApplicationId}/submit", new { version = journey.Version },
            HttpStatusCode.UnprocessableEntity);
        refused["rules"]!.AsArray().Select(r => r!["message"]!.GetValue<string>()).ShouldAllBe(m => m.Contains("告知承诺"));
        foreach (var item in new[] { 4, 5 })
            await journey.Step(journey.Organization, $"/api/filing/applications/{journey.ApplicationId}/pledges",
                new { version = journey.Version, item, pledge = "承诺在技术评估时提交原件。" });
        await journey.Submit();
        await journey.Accept();
        await journey.AssignExpert();
        await journey.Score();
        var early = await journey.Send(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/evaluation/conclusion",
            new { version = journey.Version, passed = true, reason = "通过" }, HttpStatusCode.UnprocessableEntity);
        early["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("filing.pledge-not-produced");
        await journey.Upload(4, "专家证明.pdf", FilingJourney.Pdf);
        await journey.Upload(5, "场地证明.pdf", FilingJourney.Pdf);
        (await journey.Conclude())["status"]!.GetValue<string>().ShouldBe("EvaluationPassed");
    }
}
