using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Assessment.IntegrationTests.Filing;

public class CatalogImportTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<IScenarioResult> Import(Caller caller, string fileName, byte[] content, HttpStatusCode status, long? version = null)
    {
        var form = new MultipartFormDataContent();
        if (version is not null) form.Add(new StringContent(version.ToString()!), "version");
        var file = new ByteArrayContent(content);
        form.Add(file, "file", fileName);
        return await Host.Scenario(s =>
        {
            s.As(caller);
            s.Post.MultipartFormData(form).ToUrl("/api/occupations/import");
            s.StatusCodeShouldBe(status);
        });
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task FIL_01_an_imported_catalog_brings_codes_and_access_types_and_access_occupations_are_then_refused()
    {
        var admin = await Given.Admin();
        var result = await Import(admin, "目录.csv", Csv("职业编码,职业名称,类别,大类\n4-10-01-03,育婴员,技能类,生活照料服务人员\n6-18-02-04,焊工,准入类,机械制造基础加工人员\n"), HttpStatusCode.OK);
        var body = (await result.ReadAsJsonAsync<JsonObject>())!;
        body["imported"]!.GetValue<int>().ShouldBe(2);
        body["access"]!.GetValue<int>().ShouldBe(1);

        var found = await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=4-10-01-03");
        found.Single()!["name"]!.GetValue<string>().ShouldBe("育婴员");
        (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=电工")).ShouldNotBeEmpty(); // shipped entries stay

        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "c").Participants();
        await journey.Draft([FilingJourney.Line("焊工")]);
        var refused = await journey.Send(journey.Organization, $"/api/filing/applications/{journey.ApplicationId}/submit", new { version = journey.Version },
            HttpStatusCode.UnprocessableEntity);
        refused["rules"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ShouldBe(["filing.access-type-occupation"]);
    }

    [Fact]
    public async Task FIL_01_a_file_with_faulty_rows_is_refused_whole_listing_every_row()
    {
        var admin = await Given.Admin();
        var result = await Import(admin, "目录.csv",
            Csv("职业编码,职业名称,类别\n4-10-01-03,育婴员,技能类\n4-10,坏编码,技能类\n,,准入类\n4-10-01-03,重复,技能类\n5-01-01-01,农艺工,未知\n"),
            HttpStatusCode.UnprocessableEntity);
        var problem = await result.Problem();
        problem["rules"]![0]!["ruleId"]!.GetValue<string>().ShouldBe("FIL-01");
        var rows = problem["rows"]!.AsArray().Select(r => (r!["row"]!.GetValue<int>(), r["field"]!.GetValue<string>())).ToList();
        rows.ShouldBe([(3, "职业编码"), (4, "职业名称"), (5, "职业编码"), (6, "类别")]);
        (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=4-10-01-03")).ShouldBeEmpty();
    }

    [Fact]
    public async Task FIL_01_xlsx_is_read_and_only_administrators_import()
    {
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[] { new Dictionary<string, object> { ["职业编码"] = "4-03-02-01", ["职业名称"] = "中式烹调师", ["类别"] = "技能类" } });
        var reviewer = await Given.Reviewer("hf.reviewer", "340100");
        await Import(reviewer, "目录.xlsx", xlsx.ToArray(), HttpStatusCode.Forbidden);
        await Import(await Given.Admin(), "目录.xlsx", xlsx.ToArray(), HttpStatusCode.OK);
        (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=4-03-02"))[0]!["name"]!.GetValue<string>().ShouldBe("中式烹调师");
        var wrong = await Import(await Given.Admin(), "目录.txt", Csv("x"), HttpStatusCode.UnprocessableEntity);
        (await wrong.Problem())["rows"]![0]!["field"]!.GetValue<string>().ShouldBe("file");
    }

    [Fact]
    public async Task a_second_import_replaces_the_first_only_with_the_version_the_administrator_saw()
    {
        var admin = await Given.Admin();
        await Import(admin, "一.csv", Csv("职业编码,职业名称,类别\n4-10-01-03,育婴员,技能类\n"), HttpStatusCode.OK);
        var state = await Given.Get<JsonObject>(admin, "/api/occupations/import");
        state["version"]!.GetValue<long>().ShouldBe(1);
        state["fileName"]!.GetValue<string>().ShouldBe("一.csv");
        var file = Csv("职业编码,职业名称,类别\n4-10-01-03,育婴员,准入类\n");
        await Import(admin, "二.csv", file, HttpStatusCode.BadRequest);
        await Import(admin, "二.csv", file, HttpStatusCode.Conflict, version: 0);
        await Import(admin, "二.csv", file, HttpStatusCode.OK, version: 1);
        (await Given.Get<JsonArray>(Caller.Anonymous, "/api/occupations?q=4-10-01-03"))[0]!["type"]!.GetValue<string>().ShouldBe("Access");
    }

    [Fact]
    public async Task issue_15_item_6_a_malformed_or_truncated_catalog_upload_is_400_malformed_multipart_not_500()
    {
        var admin = await Given.Admin();
        foreach (var body in new[]
                 {
                     "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"目录.csv\"\r\n\r\n职业编码,职业名称,类别\n4-10",
                     "--b\r\nno headers here\r\n--b--",
                 })
        {
            var result = await Host.Scenario(s =>
            {
                s.As(admin);
                s.Post.ByteArray(Encoding.UTF8.GetBytes(body)).ToUrl("/api/occupations/import");
                s.WithRequestHeader("Content-Type", "multipart/form-data; boundary=b");
                s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
            });
            var problem = await result.Problem();
            problem["code"]!.GetValue<string>().ShouldBe("malformed-multipart");
            problem["detail"]!.GetValue<string>().ShouldContain("multipart/form-data");
        }
    }

    [Fact]
    public async Task the_testing_clock_does_not_exist_outside_end_to_end_servers()
    {
        var admin = await Given.Admin();
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { days = 8 }).ToUrl("/api/testing/clock");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
    }
}
