using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using MiniExcelLibs;

namespace Assessment.IntegrationTests.Batches;

/// <summary>Issue 18 item 8: the candidate import template explains its columns and the identity document type codes.</summary>
public class CandidateTemplateTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task BAT_09_the_candidate_template_has_a_second_sheet_explaining_the_columns_and_document_type_codes()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "tpl").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "tpl").Filed("340200");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "340200");
        var download = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url("/api/batches/candidate-template"); s.StatusCodeShouldBeOk(); });
        var stream = new MemoryStream();
        await download.Context.Response.Body.CopyToAsync(stream);
        var bytes = stream.ToArray();

        MiniExcel.GetSheetNames(new MemoryStream(bytes)).ShouldBe(["考生", "填写说明"]);
        var candidates = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "考生").Cast<IDictionary<string, object>>().ToList();
        candidates.ShouldHaveSingleItem()["证件类型"].ShouldBe("201");
        var guide = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object>>()
            .Select(r => (Item: r["栏目"]?.ToString(), Code: r["代码"]?.ToString(), Text: r["填写说明"]?.ToString())).ToList();
        // every column of the first sheet, in order, then every document type by code and name (the identityDocumentTypes terms)
        guide.Take(8).Select(r => r.Item).ShouldBe(["姓名", "证件类型", "证件号码", "所在单位", "职业名称", "职业技能等级", "考生所在地市", "联系电话"]);
        guide.ShouldAllBe(r => !string.IsNullOrWhiteSpace(r.Text));
        var types = guide.Where(r => r.Item == "证件类型代码").Select(r => (r.Code, r.Text)).ToList();
        types.Count.ShouldBe(12);
        types[0].ShouldBe(("201", "居民身份证"));
        types.ShouldContain(("299", "其他个人证件"));
        var terms = await Given.Get<JsonObject>(b.Organization, "/api/terms");
        types.Select(t => t.Code).ShouldBe(terms["identityDocumentTypes"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()));

        // the filled template goes back as it came: only its first sheet is read (the example's 电工 is not in this plan)
        var refused = await b.Upload($"/api/batches/{b.BatchId}/candidates/import", bytes, "考生导入模板.xlsx", HttpStatusCode.UnprocessableEntity);
        var rows = (await refused.Problem())["rows"]!.AsArray();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r!["row"]!.GetValue<int>() == 2);
    }
}
