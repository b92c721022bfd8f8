using System.IO.Compression;
using System.Net;
using System.Text;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Platform;

/// <summary>What a production server insists on at start-up, and how it serves the SPA's files (issue 18 items 9 and 10).</summary>
public class ProductionStartTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task CRT_03_a_production_server_without_a_public_address_refuses_to_start_naming_the_setting()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() =>
            ApiProcess.StartAsync(new Dictionary<string, string> { ["Certificates:PublicBaseUrl"] = "" }, readyWithin: TimeSpan.FromMinutes(4)));
        refused.Message.ShouldContain("The API process exited");
        refused.Message.ShouldContain("Certificates:PublicBaseUrl");
    }

    [Fact]
    public async Task issue_18_item_9_the_spas_files_travel_compressed_and_the_apis_answers_do_not()
    {
        var root = Directory.CreateTempSubdirectory("spa-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "assets"));
            var script = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"export const v{i} = '证书查询{i % 7}';\n"));
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "assets", "index.js"), script);
            await File.WriteAllTextAsync(Path.Combine(root.FullName, "index.html"), "<!doctype html><title>职业技能等级认定</title>");
            await using var api = await ApiProcess.StartAsync(new Dictionary<string, string> { ["Spa:Root"] = root.FullName },
                readyWithin: TimeSpan.FromMinutes(4));

            using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/index.js");
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await api.Client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentEncoding.ShouldBe(["br"]);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            compressed.Length.ShouldBeLessThan(Encoding.UTF8.GetByteCount(script) / 5);
            await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
            (await new StreamReader(brotli, Encoding.UTF8).ReadToEndAsync()).ShouldBe(script);

            using var gzipOnly = new HttpRequestMessage(HttpMethod.Get, "/assets/index.js");
            gzipOnly.Headers.AcceptEncoding.ParseAdd("gzip");
            using var gzipped = await api.Client.SendAsync(gzipOnly);
            gzipped.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
            await using var gzip = new GZipStream(await gzipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
            (await new StreamReader(gzip, Encoding.UTF8).ReadToEndAsync()).ShouldBe(script);

            using var apiRequest = new HttpRequestMessage(HttpMethod.Get, "/api/terms");
            apiRequest.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var apiAnswer = await api.Client.SendAsync(apiRequest);
            apiAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
            apiAnswer.Content.Headers.ContentEncoding.ShouldBeEmpty();
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
