using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using NodaTime;
using UglyToad.PdfPig;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>Issue 15: bulk verification, the batch's zip of PDFs, and the revoked certificate's mark.</summary>
public class CertificateHardeningTests(AppFixture app) : IntegrationTest(app)
{
    private Task<BatchJourney> AcceptedAnhuiBatch(string tag, params string[] names) => CertificateJourneys.AcceptedAnhuiBatch(App, Given, tag, names);

    private Task<JsonArray> Certificates(Caller caller, Guid batchId) => CertificateJourneys.Certificates(Given, caller, batchId);

    private async Task<Caller> ApiKey(object binding, params string[] scopes)
    {
        var admin = await Given.Admin();
        var body = new JsonObject { ["name"] = $"系统{Guid.NewGuid():N}", ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)s).ToArray()) };
        foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(binding))!.AsObject()) body[key] = value?.DeepClone();
        var issued = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(body).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "system");
    }

    private async Task Revoke(BatchJourney b, JsonNode certificate) =>
        await b.Send(b.Organization, $"/api/certificates/{certificate["id"]!.GetValue<Guid>()}/revoke", new { version = 1, reason = "监督检查发现考试舞弊" });

    private static string Chinese(LocalDate d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBeGreaterThan(0);
        return string.Concat(document.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = new MemoryStream();
            using (var stream = e.Open()) stream.CopyTo(content);
            return content.ToArray();
        });
    }

    [Fact]
    public async Task issue_15_item_8_bulk_verification_answers_each_number_for_authority_and_organization_keys_masked_and_without_identity_numbers()
    {
        var b = await AcceptedAnhuiBatch("bulk", "张小三", "李四");
        var certificates = await Certificates(b.Organization, b.BatchId);
        // the list shows holders masked (AUD-04): each found by its masked name
        string NumberOf(string name) => certificates.OfHolder(name)["number"]!.GetValue<string>();
        await Revoke(b, certificates.OfHolder("李四"));
        var unknown = NumberOf("张小三")[..^6] + "099999";
        var query = new
        {
            items = new[]
            {
                new { number = NumberOf("张小三"), name = "张小三" }, new { number = NumberOf("李四"), name = "李四" },
                new { number = NumberOf("张小三"), name = "王五" }, new { number = unknown, name = "张小三" },
            },
        };
        var authority = await ApiKey(new { authorityCode = "340200" }, "certificates:verify");
        var organization = await ApiKey(new { organizationId = b.Filing.OrganizationId }, "certificates:verify");
        foreach (var system in new[] { authority, organization })
        {
            var answer = await Host.Scenario(s =>
            {
                s.As(system);
                s.Post.Json(query).ToUrl("/api/certificates/verifications");
                s.StatusCodeShouldBeOk();
            });
            var text = await answer.ReadAsTextAsync();
            text.ShouldNotContain(BatchJourney.IdNumber(1));
            text.ShouldNotContain(BatchJourney.IdNumber(2));
            text.ShouldNotContain("张小三");
            var items = JsonNode.Parse(text)!.AsArray();
            items.Select(i => (i!["number"]!.GetValue<string>(), i["result"]!.GetValue<string>()))
                .ShouldBe([(NumberOf("张小三"), "Valid"), (NumberOf("李四"), "Revoked"), (NumberOf("张小三"), "NotFound"), (unknown, "NotFound")]);
            items[0]!["certificate"]!["holderName"]!.GetValue<string>().ShouldBe("张*三");
            items[1]!["certificate"]!["holderName"]!.GetValue<string>().ShouldBe("李*");
            items[1]!["certificate"]!["revokedOn"]!.GetValue<string>().ShouldBe(b.Today.ToString("yyyy-MM-dd", null));
            items[2]!["certificate"].ShouldBeNull();
            items[3]!["certificate"].ShouldBeNull();
        }
    }

    [Fact]
    public async Task issue_15_item_9_and_12_the_batch_zip_holds_every_pdf_with_its_number_and_a_revoked_one_is_marked_with_the_date()
    {
        var b = await AcceptedAnhuiBatch("zip", "张小三", "李四", "王五");
        var certificates = await Certificates(b.Organization, b.BatchId);
        var revoked = certificates.OfHolder("李四"); // the list shows holders masked (AUD-04)
        await Revoke(b, revoked);
        var reviewer = await Given.Reviewer("zip.city", "340200");
        await Given.Account("zip.auditor", Roles.Auditor);
        foreach (var caller in new[] { b.Organization, reviewer, await Given.SignIn("zip.auditor") })
        {
            var result = await Host.Scenario(s =>
            {
                s.As(caller);
                s.Get.Url($"/api/certificate-issuances/{b.BatchId}/pdfs");
                s.StatusCodeShouldBeOk();
            });
            result.Context.Response.ContentType.ShouldBe("application/zip");
            // issue 18 item 2: the streamed zip names how many PDFs it holds, for the SPA's progress
            result.Context.Response.Headers["X-Certificate-Count"].ToString().ShouldBe("3");
            var bytes = new MemoryStream();
            await result.Context.Response.Body.CopyToAsync(bytes);
            var entries = Unzip(bytes.ToArray());
            entries.Count.ShouldBe(3);
            foreach (var certificate in certificates)
            {
                var number = certificate!["number"]!.GetValue<string>();
                var (_, pdf) = entries.Single(e => e.Key.StartsWith(number, StringComparison.Ordinal));
                using (var document = PdfDocument.Open(pdf)) document.NumberOfPages.ShouldBe(1); // 附件6: one spread per certificate
                var text = TextOf(pdf);
                text.ShouldContain(number);
                if (certificate == revoked) text.ShouldContain($"已撤销撤销日期：{Chinese(b.Today)}");
                else text.ShouldNotContain("已撤销");
            }
        }
        // AUD-04/BAT-09: the authority above the one that accepted the batch sees the holders masked only, so it gets no PDFs
        var province = await Given.Reviewer("zip.anhui", "340000");
        var refused = await Host.Scenario(s =>
        {
            s.As(province);
            s.Get.Url($"/api/certificate-issuances/{b.BatchId}/pdfs");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await refused.Problem())["detail"]!.GetValue<string>().ShouldBe("证书载有持证人身份证件号码，仅发证机构、受理该批次的主管部门和审计人员可以下载（AUD-04）。");
    }

    [Fact]
    public async Task issue_15_item_12_a_revoked_certificates_own_pdf_prints_revoked_with_the_date()
    {
        var b = await AcceptedAnhuiBatch("revpdf", "张小三");
        var certificate = (await Certificates(b.Organization, b.BatchId)).Single()!;
        var url = $"/api/certificates/{certificate["id"]!.GetValue<Guid>()}/pdf";
        async Task<string> Pdf()
        {
            var result = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url(url); });
            var bytes = new MemoryStream();
            await result.Context.Response.Body.CopyToAsync(bytes);
            return TextOf(bytes.ToArray());
        }
        (await Pdf()).ShouldNotContain("已撤销");
        await Revoke(b, certificate);
        var text = await Pdf();
        text.ShouldContain(certificate["number"]!.GetValue<string>());
        text.ShouldContain($"已撤销撤销日期：{Chinese(b.Today)}");
    }

    [Fact]
    public async Task issue_15_item_9_the_batch_zip_downloads_completely_through_kestrel_in_a_real_api_process()
    {
        var b = await AcceptedAnhuiBatch("kestrel", "张小三", "李四");
        var numbers = (await Certificates(b.Organization, b.BatchId)).Select(c => c!["number"]!.GetValue<string>()).ToList();
        var system = await ApiKey(new { organizationId = b.Filing.OrganizationId }, "certificates:read");
        // a second process starting on a busy 2-core machine may take longer than the default 90 s
        await using var api = await ApiProcess.StartAsync(readyWithin: TimeSpan.FromMinutes(4));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/certificate-issuances/{b.BatchId}/pdfs");
        request.Headers.Add(system.Header, system.Value);
        request.Headers.Add("X-Read-Purpose", "review");
        using var response = await api.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, api.Log);
        var zip = await response.Content.ReadAsByteArrayAsync();
        var entries = Unzip(zip);
        entries.Keys.Select(k => k[..22]).Order().ShouldBe(numbers.Order());
        foreach (var (name, pdf) in entries) TextOf(pdf).ShouldContain(name[..22]);
    }

    [Fact]
    public async Task issue_15_item_12_keys_status_lists_and_the_directory_are_cacheable_with_an_etag_and_answer_304_when_unchanged()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "cache").Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, "cache").Filed("340200");
        (string Url, int MaxAge)[] reads =
        [
            ("/api/public/certificates/jwks", 300), ("/api/public/certificates/status-lists/0", 300),
            ("/api/directory?pageSize=5", 60), ($"/api/directory/{batch.FilingId}", 60),
        ];
        foreach (var (url, maxAge) in reads)
        {
            var first = await Host.Scenario(s => s.Get.Url(url));
            var second = await Host.Scenario(s => s.Get.Url(url));
            var body = await first.ReadAsTextAsync();
            body.ShouldNotBeNullOrWhiteSpace();
            (await second.ReadAsTextAsync()).ShouldBe(body, url);
            var cache = first.Context.Response.Headers.CacheControl.ToString();
            cache.ShouldContain("public", Case.Sensitive, url);
            cache.ShouldContain($"max-age={maxAge}", Case.Sensitive, url);
            var etag = first.Context.Response.Headers.ETag.ToString();
            etag.ShouldStartWith("\"", Case.Sensitive, url);
            second.Context.Response.Headers.ETag.ToString().ShouldBe(etag, url);

            var unchanged = await Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.WithRequestHeader("If-None-Match", etag);
                s.StatusCodeShouldBe(HttpStatusCode.NotModified);
            });
            (await unchanged.ReadAsTextAsync()).ShouldBeEmpty(url);
            await Host.Scenario(s => { s.Get.Url(url); s.WithRequestHeader("If-None-Match", "\"other\""); s.StatusCodeShouldBeOk(); });
            await Host.Scenario(s => { s.Get.Url(url); s.WithRequestHeader("If-None-Match", "not an etag"); s.StatusCodeShouldBeOk(); });
        }
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/directory?pageSize=100"))["items"]!.AsArray()
            .ShouldContain(e => e!["id"]!.GetValue<Guid>() == batch.FilingId);
    }
}
