using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Filing;

/// <summary>
/// FIL-01 across API processes: a catalog the administrator imports on one node is the catalog of every other node within seconds
/// (from the log), so no node keeps accepting an occupation the import made an access-type one.
/// </summary>
public class CatalogAcrossProcessesTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task FIL_01_a_catalog_imported_on_one_node_is_searched_on_another_within_seconds()
    {
        const string url = "/api/occupations?q=4-10-01-03";
        await using var other = await ApiProcess.StartAsync(new Dictionary<string, string> { ["Catalog:RefreshSeconds"] = "1" },
            readyWithin: TimeSpan.FromMinutes(4));
        JsonNode.Parse(await other.Client.GetStringAsync(url))!.AsArray().ShouldBeEmpty("the shipped catalog has no codes");

        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("职业编码,职业名称,类别\n4-10-01-03,育婴员,技能类\n")), "file", "目录.csv");
        var admin = await Given.Admin();
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.MultipartFormData(form).ToUrl("/api/occupations/import");
            s.StatusCodeShouldBeOk();
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = JsonNode.Parse(await other.Client.GetStringAsync(url))!.AsArray();
            if (found.Count > 0)
            {
                found.Single()!["name"]!.GetValue<string>().ShouldBe("育婴员");
                break;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The other node still has the shipped catalog.\n{other.Log}");
            await Task.Delay(250);
        }
    }
}
