using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using MiniExcelLibs;

namespace Assessment.IntegrationTests.Certificates;

public class CertificateTableTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task BAT_09_CRT_01_the_certificate_table_of_an_issued_batch_carries_each_holders_number_and_issue_date()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "tab").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "tab").Filed("340200");
        await b.Draft();
        await b.AllocateRange(await Given.Reviewer("tab.province", "340000"), "000001", "000100"); // CRT-01 [AH]
        await b.Accepted("张小三", "李四");
        // the list shows holders masked (AUD-04); each certificate opened on its own gives the issuer the full name and identity number
        var issued = new Dictionary<string, (string Number, string DocumentNumber)>();
        var list = await Given.Get<JsonObject>(b.Organization, $"/api/certificates?batchId={b.BatchId}&pageSize=10");
        foreach (var listed in list["items"]!.AsArray())
        {
            var one = await Given.Get<JsonObject>(b.Organization, $"/api/certificates/{listed!["id"]}");
            issued[one["holderName"]!.GetValue<string>()] = (one["number"]!.GetValue<string>(), one["documentNumber"]!.GetValue<string>());
        }
        issued.Keys.ShouldBe(["张小三", "李四"], ignoreOrder: true);

        var table = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url($"/api/certificate-issuances/{b.BatchId}/certificate-table"); });
        table.Context.Response.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = new MemoryStream();
        await table.Context.Response.Body.CopyToAsync(bytes);
        bytes.Position = 0;
        var rows = bytes.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        rows.Select(r => r["姓名"]).ShouldBe(["张小三", "李四"], ignoreOrder: true);
        rows[0].Keys.ShouldBe(["姓名", "证件类型", "证件号码", "所在单位", "职业名称", "工种名称", "职业技能等级", "证书编号", "发证日期", "评价机构", "发证机构", "考生所在地市"]);
        foreach (var row in rows)
        {
            row["证书编号"].ShouldBe(issued[(string)row["姓名"]!].Number);
            row["证件号码"].ShouldBe(issued[(string)row["姓名"]!].DocumentNumber); // 附件5 carries the identity number in full
            row["发证日期"].ShouldBe(b.Today.ToString("yyyy-MM-dd", null)); // the seed's YYYY-MM-DD
            row["职业技能等级"].ShouldBe("四级/中级工");
            row["评价机构"].ShouldBe("tab培训评价中心");
            row["考生所在地市"].ShouldNotBeNull();
        }
        rows.Select(r => (string)r["证书编号"]!).ShouldBe(rows.Select(r => (string)r["证书编号"]!).Order()); // in number order
    }

    [Fact]
    public async Task CRT_05_the_certificate_table_is_hidden_from_other_organizations_and_withheld_from_inspectors()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "tabx").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "tabx").Filed("340200");
        await b.Draft();
        await b.AllocateRange(await Given.Reviewer("tabx.province", "340000"), "000001", "000100"); // CRT-01 [AH]
        await b.Accepted("张小三");
        var url = $"/api/certificate-issuances/{b.BatchId}/certificate-table";
        var (stranger, _) = await Given.Organization("tabx.other", "340100", "另一家评价中心", serial: 7);
        var hefei = await Given.Reviewer("tabx.hefei", "340100");
        foreach (var caller in new[] { stranger, hefei })
            await Host.Scenario(s => { s.As(caller); s.Get.Url(url); s.StatusCodeShouldBe(404); });
        await Given.Account("tabx.inspector", Roles.Inspector, "340200");
        var inspector = await Given.SignIn("tabx.inspector");
        await Host.Scenario(s => { s.As(inspector); s.Get.Url(url); s.StatusCodeShouldBe(403); });
        await Host.Scenario(s => { s.As(b.Reviewer); s.Get.Url(url); s.StatusCodeShouldBe(200); });
    }
}
