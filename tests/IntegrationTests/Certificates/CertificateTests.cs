using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Verification;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wolverine;

namespace Assessment.IntegrationTests.Certificates;

public class CertificateTests(AppFixture app) : IntegrationTest(app)
{
    private Task<BatchJourney> AcceptedAnhuiBatch(string tag, params string[] names) => CertificateJourneys.AcceptedAnhuiBatch(App, Given, tag, names);

    private Task<JsonArray> Certificates(Caller caller, Guid batchId) => CertificateJourneys.Certificates(Given, caller, batchId);

    [Fact]
    public async Task CRT_01_CRT_02_an_accepted_batch_is_issued_certificates_numbered_in_order_from_000001()
    {
        var b = await AcceptedAnhuiBatch("crt", "张小三", "李四", "王五");
        var progress = await Given.Get<JsonObject>(b.Organization, $"/api/certificate-issuances/{b.BatchId}");
        (progress["done"]!.GetValue<int>(), progress["total"]!.GetValue<int>(), progress["status"]!.GetValue<string>()).ShouldBe((3, 3, "Completed"));

        var items = await Certificates(b.Organization, b.BatchId);
        var filingNumber = b.Batch["filingNumber"]!.GetValue<string>();
        var year = b.Today.Year % 100;
        items.Select(i => i!["number"]!.GetValue<string>()).Order()
            .ShouldBe(new[] { "000001", "000002", "000003" }.Select(s => $"{filingNumber}{year:D2}4{s}"));
        // AUD-04: the list shows even the issuer the holder masked; the issuer sees it in full by opening the one certificate
        var listed = items.OfHolder("张小三");
        listed["documentNumber"]!.GetValue<string>().ShouldBe(BatchJourney.IdNumber(1)[..4] + "**********" + BatchJourney.IdNumber(1)[^4..]);
        listed["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("downloadCertificatePdf");
        var zhang = await Given.Get<JsonObject>(b.Organization, $"/api/certificates/{listed["id"]}");
        (zhang["holderName"]!.GetValue<string>(), zhang["documentNumber"]!.GetValue<string>()).ShouldBe(("张小三", BatchJourney.IdNumber(1)));
        zhang["personalDataMasked"]!.GetValue<bool>().ShouldBeFalse();
        zhang["workType"]!.GetValue<string>().ShouldBe("——"); // CRT-03
        zhang["levelName"]!.GetValue<string>().ShouldBe("四级/中级工");
    }

    [Theory]
    [InlineData("guangxi", "Y000045010009")] // counted by the system
    [InlineData("anhui", "Y000034020009")]   // [AH] from two allocated ranges, 000001–000150 and 000151–000400
    public async Task CRT_01_concurrent_issuances_of_one_organization_year_and_level_take_serials_without_holes_or_duplicates(string jurisdiction,
        string filingNumber)
    {
        var organization = Guid.NewGuid();
        const int batches = 16, each = 25;
        var ids = Enumerable.Range(0, batches).Select(_ => Guid.NewGuid()).ToList();
        var store = Host.DocumentStore();
        var now = App.Clock.GetCurrentInstant();
        await using (var session = store.LightweightSession())
        {
            await session.BeginTransactionAsync(CancellationToken.None);
            if (jurisdiction == "anhui")
            {
                var year = now.InZone(Assessment.SharedKernel.ChinaTime.Zone).Year;
                var sequence = CertificateSerials.SequenceId(organization, year, 4);
                var province = new Actor(Guid.NewGuid(), "province", Roles.Reviewer, "340000", null, "省中心");
                session.Events.StartStream<CertificateSerialSequence>(sequence, new CertificateSerialsOpened(sequence, organization, year, 4, now, Actor.System),
                    new CertificateSerialRangeAllocated(sequence, organization, "并发测试评价中心", "340200", year, 4, 151, 400, "文号2", null, now, province),
                    new CertificateSerialRangeAllocated(sequence, organization, "并发测试评价中心", "340200", year, 4, 1, 150, "文号1", null, now, province));
            }
            foreach (var id in ids)
            {
                session.Store(new AcceptedBatch
                {
                    Id = id, OrganizationId = organization, OrganizationName = "并发测试评价中心", FilingId = Guid.NewGuid(), FilingNumber = filingNumber,
                    Jurisdiction = jurisdiction, AcceptingAuthority = "340200", AreaCode = "340200", Title = "并发批次", LastExamDay = new LocalDate(2026, 1, 5),
                    QualifiedCount = each, AcceptedAt = now, ReceivedAt = now,
                });
                await QualifiedCandidateTable.CopyAsync(session, id, Enumerable.Range(0, each).Select(i => new QualifiedCandidate(Guid.NewGuid(), $"考生{i}", 201,
                    BatchJourney.IdNumber(i), "某公司", "育婴员", null, null, 4, "芜湖市")).ToList(), CancellationToken.None);
                session.Events.StartStream<BatchIssuance>(BatchIssuance.StreamFor(id), new IssuanceStarted(id, organization, each, now, Actor.System));
            }
            await session.SaveChangesAsync();
        }
        var bus = Host.Services.GetRequiredService<IMessageBus>();
        await Task.WhenAll(ids.Select(id => Task.Run(() => bus.InvokeAsync(new IssueNextCertificates(id, Actor.System)))));

        await using var connection = await Host.OpenDatabaseAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select number from certificates.certificate where organization_id = $1 order by number", connection);
        command.Parameters.AddWithValue(organization);
        var numbers = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) numbers.Add(reader.GetString(0));
        numbers.Select(n => int.Parse(n[^6..])).ShouldBe(Enumerable.Range(1, batches * each));
        await using var query = store.QuerySession();
        (await query.LoadManyAsync<BatchIssuance>(ids.Select(BatchIssuance.StreamFor))).ShouldAllBe(i => i.Status == IssuanceStatus.Completed && i.Done == each);
    }

    [Fact]
    public async Task CRT_04_public_verification_needs_number_and_name_masks_the_name_and_never_shows_an_identity_number()
    {
        var b = await AcceptedAnhuiBatch("ver", "张小三");
        var certificate = (await Certificates(b.Organization, b.BatchId)).Single()!;
        var number = certificate["number"]!.GetValue<string>();

        var found = await Host.Scenario(s => s.Get.Url($"/api/public/certificates/verify?number={number}&name={Uri.EscapeDataString("张小三")}"));
        var text = await found.ReadAsTextAsync();
        text.ShouldNotContain(BatchJourney.IdNumber(1));
        var answer = JsonNode.Parse(text)!;
        answer["result"]!.GetValue<string>().ShouldBe("Valid");
        answer["certificate"]!["holderName"]!.GetValue<string>().ShouldBe("张*三");
        answer["certificate"]!["filingStatus"]!.GetValue<string>().ShouldBe("备案有效");

        // a wrong name answers exactly like an unknown number: a number alone reveals nothing
        var wrong = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/verify?number={number}&name={Uri.EscapeDataString("李四")}");
        wrong["result"]!.GetValue<string>().ShouldBe("NotFound");
        wrong["certificate"].ShouldBeNull();
        await Host.Scenario(s => { s.Get.Url("/api/public/certificates/verify?number=123&name=x"); s.StatusCodeShouldBe(400); });

        // every lookup that revealed a certificate is recorded
        await Host.Services.GetRequiredService<LookupLog>().FlushPendingAsync();
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Query<CertificateLookup>().Where(l => l.Number == number).CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task CRT_04_revocation_shows_in_verification_with_the_date_and_in_the_signed_status_list()
    {
        var b = await AcceptedAnhuiBatch("rev", "张小三");
        var certificate = (await Certificates(b.Organization, b.BatchId)).Single()!;
        var id = certificate["id"]!.GetValue<Guid>();
        var number = certificate["number"]!.GetValue<string>();
        await b.Send(b.Organization, $"/api/certificates/{id}/revoke", new { version = 2, reason = "重复" }, HttpStatusCode.Conflict);
        await b.Send(b.Organization, $"/api/certificates/{id}/revoke", new { version = 1, reason = "监督检查发现考试舞弊" });
        await b.Send(b.Organization, $"/api/certificates/{id}/revoke", new { version = 2, reason = "再次撤销" }, HttpStatusCode.UnprocessableEntity);

        var answer = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/verify?number={number}&name={Uri.EscapeDataString("张小三")}");
        answer["result"]!.GetValue<string>().ShouldBe("Revoked");
        answer["certificate"]!["revokedOn"]!.GetValue<string>().ShouldBe(b.Today.ToString("yyyy-MM-dd", null));

        var jwks = JsonNode.Parse(await (await Host.Scenario(s => s.Get.Url("/api/public/certificates/jwks"))).ReadAsTextAsync())!;
        var keys = jwks["keys"]!.AsArray().Select(k => VerificationKey.FromJwk(k!.AsObject())).ToList();
        var row = await Host.RegistryRowAsync(id);
        var list = await (await Host.Scenario(s => s.Get.Url($"/api/public/certificates/status-lists/{CredentialUrls.ListOf(row!.StatusIndex)}"))).ReadAsTextAsync();
        var verified = await CredentialIssuer.VerifyAsync(list, keys);
        verified.IsValid.ShouldBeTrue();
        var encoded = verified.Payload!["credentialSubject"]!["encodedList"]!.GetValue<string>();
        BitstringStatusList.IsSet(encoded, row!.StatusIndex % BitstringStatusList.MinimumLength).ShouldBeTrue();
        BitstringStatusList.IsSet(encoded, (row.StatusIndex + 1) % BitstringStatusList.MinimumLength).ShouldBeFalse();
    }

    [Fact]
    public async Task CRT_04_the_qr_link_answers_with_a_credential_and_an_offline_payload_that_verify_against_the_published_keys()
    {
        var b = await AcceptedAnhuiBatch("qr", "张小三");
        var id = (await Certificates(b.Organization, b.BatchId)).Single()!["id"]!.GetValue<Guid>();
        var row = await Host.RegistryRowAsync(id);
        var link = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/links/{row!.Token}");
        link["result"]!.GetValue<string>().ShouldBe("Valid");
        var jwks = JsonNode.Parse(await (await Host.Scenario(s => s.Get.Url("/api/public/certificates/jwks"))).ReadAsTextAsync())!;
        var keys = jwks["keys"]!.AsArray().Select(k => VerificationKey.FromJwk(k!.AsObject())).ToList();
        var credential = await CredentialIssuer.VerifyAsync(link["credential"]!.GetValue<string>(), keys);
        credential.IsValid.ShouldBeTrue();
        credential.Payload!["credentialSubject"]!["certificateNumber"]!.GetValue<string>().ShouldBe(row.Number);
        var payload = link["payload"]!.GetValue<string>();
        (await CredentialIssuer.VerifyAsync(payload, keys)).IsValid.ShouldBeTrue();
        var parts = payload.Split('.');
        var tampered = parts[0] + "." + (parts[1][0] == 'A' ? 'B' : 'A') + parts[1][1..] + "." + parts[2];
        (await CredentialIssuer.VerifyAsync(tampered, keys)).IsValid.ShouldBeFalse();
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/public/certificates/links/AAAAAAAAAAAAAAAAAAAAAA"))["result"]!.GetValue<string>().ShouldBe("NotFound");

        // the PDF (附件6) for the issuer
        var pdf = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url($"/api/certificates/{id}/pdf"); });
        var bytes = new MemoryStream();
        await pdf.Context.Response.Body.CopyToAsync(bytes);
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes.ToArray());
        var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        text.ShouldContain(row.Number);
        text.ShouldContain("张小三");
    }

    [Fact]
    public async Task CRT_05_another_organization_and_another_citys_reviewer_get_404_and_an_inspector_sees_no_identity_number()
    {
        var b = await AcceptedAnhuiBatch("bola", "张小三");
        var id = (await Certificates(b.Organization, b.BatchId)).Single()!["id"]!.GetValue<Guid>();
        var (stranger, _) = await Given.Organization("bola.other", "340100", "另一家评价中心", serial: 7);
        var hefei = await Given.Reviewer("bola.hefei", "340100");
        foreach (var caller in new[] { stranger, hefei })
        {
            await Host.Scenario(s => { s.As(caller); s.Get.Url($"/api/certificates/{id}"); s.StatusCodeShouldBe(404); });
            await Host.Scenario(s => { s.As(caller); s.Get.Url($"/api/certificates/{id}/pdf"); s.StatusCodeShouldBe(404); });
            await Host.Scenario(s =>
            {
                s.As(caller);
                s.Post.Json(new { version = 99, reason = "x" }).ToUrl($"/api/certificates/{id}/revoke");
                s.StatusCodeShouldBe(404); // hidden before stale
            });
            (await Certificates(caller, b.BatchId)).ShouldBeEmpty();
        }
        var inspectorId = await Given.Account("bola.inspector", Roles.Inspector, "340200");
        var inspector = await Given.SignIn("bola.inspector");
        var seen = await Given.Get<JsonObject>(inspector, $"/api/certificates/{id}");
        seen["documentNumber"]!.GetValue<string>().ShouldNotBe(BatchJourney.IdNumber(1));
        seen["personalDataMasked"]!.GetValue<bool>().ShouldBeTrue();
        inspectorId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task CRT_04_public_lookups_are_throttled_per_client_with_a_429_problem()
    {
        var limit = Host.Services.GetRequiredService<Assessment.Api.Infrastructure.RateLimitOptions>().PublicLookupsPerClientPerMinute;
        IScenarioResult? last = null;
        for (var i = 0; i <= limit; i++)
        {
            last = await Host.Scenario(s =>
            {
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse("10.77.0.9"));
                s.Get.Url("/api/public/certificates/verify?number=Y00003402000126400001&name=x");
                s.IgnoreStatusCode();
            });
        }
        last!.Context.Response.StatusCode.ShouldBe(429);
        (await last.ReadAsJsonAsync<JsonObject>())!["code"]!.GetValue<string>().ShouldBe("too-many-requests");
    }
}
