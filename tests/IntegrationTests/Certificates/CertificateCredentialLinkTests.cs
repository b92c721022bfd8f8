using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>
/// CRT-04 regression: a QR link answers its print's verifiable credential as application/vc+jwt when asked, signed once when the
/// print was made (validFrom the issue date), the same bytes on every call; the JSON view stays the default.
/// </summary>
public class CertificateCredentialLinkTests(AppFixture app) : IntegrationTest(app)
{
    private const string VcJwt = "application/vc+jwt";

    private async Task<(BatchJourney Batch, CertificateRow Row)> Issued(string tag)
    {
        var b = await CertificateJourneys.AcceptedAnhuiBatch(App, Given, tag, "张小三");
        var id = (await CertificateJourneys.Certificates(Given, b.Organization, b.BatchId)).Single()!["id"]!.GetValue<Guid>();
        return (b, (await Host.RegistryRowAsync(id))!);
    }

    private async Task<IScenarioResult> Link(string token, string? accept) => await Host.Scenario(s =>
    {
        s.Get.Url($"/api/public/certificates/links/{token}");
        if (accept is not null) s.WithRequestHeader("Accept", accept);
    });

    private async Task<List<VerificationKey>> Keys()
    {
        var jwks = JsonNode.Parse(await (await Host.Scenario(s => s.Get.Url("/api/public/certificates/jwks"))).ReadAsTextAsync())!;
        return jwks["keys"]!.AsArray().Select(k => VerificationKey.FromJwk(k!.AsObject())).ToList();
    }

    private static JsonObject Segment(string jws, int i) => JsonNode.Parse(Base64Url.DecodeFromChars(jws.Split('.')[i]))!.AsObject();

    private static string StartOf(LocalDate day) => InstantPattern.General.Format(day.AtStartOfDayInZone(SharedKernel.ChinaTime.Zone).ToInstant());

    [Fact]
    public async Task CRT_04_a_link_asked_for_vc_jwt_answers_the_compact_jws_dated_from_the_issue_date()
    {
        var (b, row) = await Issued("vcjwt");
        row.IssuedOn.ShouldBe(b.Today);
        App.Clock.Advance(Duration.FromDays(3) + Duration.FromHours(5)); // the request is days after the issue

        var result = await Link(row.Token, VcJwt);
        result.Context.Response.StatusCode.ShouldBe(200);
        result.Context.Response.ContentType!.ShouldStartWith(VcJwt);
        result.Context.Response.Headers.Vary.ToString().ShouldContain("Accept");
        var jws = await result.ReadAsTextAsync();
        jws.Split('.').Length.ShouldBe(3);
        jws.ShouldNotContain("\"");

        var header = Segment(jws, 0);
        (header["alg"]!.GetValue<string>(), header["typ"]!.GetValue<string>(), header["cty"]!.GetValue<string>()).ShouldBe(("ES256", "vc+jwt", "vc"));
        var verified = await CredentialIssuer.VerifyAsync(jws, await Keys());
        verified.IsValid.ShouldBeTrue(verified.ToString());
        verified.Payload!["validFrom"]!.GetValue<string>().ShouldBe(StartOf(row.IssuedOn));
        verified.Payload["credentialSubject"]!["issuedOn"]!.GetValue<string>().ShouldBe(row.IssuedOn.ToString("yyyy-MM-dd", null));
        verified.Payload["credentialSubject"]!["certificateNumber"]!.GetValue<string>().ShouldBe(row.Number);
        verified.Payload["credentialSubject"]!["name"]!.GetValue<string>().ShouldBe("张小三");
        verified.Payload.ContainsKey("iat").ShouldBeFalse();
        verified.Payload["credentialStatus"]!["statusListIndex"]!.GetValue<string>()
            .ShouldBe(row.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // signed once, at issuance: the event that issued the certificate carries these very bytes
        await using var session = Host.DocumentStore().QuerySession();
        var issued = (await session.Events.FetchStreamAsync(BatchIssuance.StreamFor(b.BatchId))).Select(e => e.Data).OfType<CertificatesIssued>()
            .SelectMany(e => e.Certificates).Single(c => c.CertificateId == row.Id);
        (issued.Token, issued.Credential).ShouldBe((row.Token, jws));

        // a link that is not one answers 404 to a vc+jwt request, not a JSON body
        (await Host.Scenario(s =>
        {
            s.Get.Url("/api/public/certificates/links/AAAAAAAAAAAAAAAAAAAAAA");
            s.WithRequestHeader("Accept", VcJwt);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        })).Context.Response.ContentType!.ShouldStartWith("application/problem+json");
    }

    [Fact]
    public async Task CRT_04_two_calls_at_different_times_answer_byte_identical_credentials_and_a_reissue_signs_anew()
    {
        var (b, row) = await Issued("vcsame");
        var first = await (await Link(row.Token, VcJwt)).ReadAsTextAsync();
        App.Clock.Advance(Duration.FromHours(26));
        var second = await (await Link(row.Token, VcJwt)).ReadAsTextAsync();
        second.ShouldBe(first);
        var json = await (await Link(row.Token, null)).ReadAsJsonAsync<JsonObject>();
        json!["credential"]!.GetValue<string>().ShouldBe(first); // the JSON view carries the same credential

        // 补发: a new print with a new link and a credential of its own (print 2), still dated from the issue date
        await b.Send(b.Organization, $"/api/certificates/{row.Id}/reissue", new { version = 1, reason = "遗失" });
        var reprinted = (await Host.RegistryRowAsync(row.Id))!;
        var third = await (await Link(reprinted.Token, VcJwt)).ReadAsTextAsync();
        third.ShouldNotBe(first);
        var verified = await CredentialIssuer.VerifyAsync(third, await Keys());
        verified.IsValid.ShouldBeTrue();
        verified.Payload!["credentialSubject"]!["printNumber"]!.GetValue<int>().ShouldBe(2);
        verified.Payload["validFrom"]!.GetValue<string>().ShouldBe(StartOf(row.IssuedOn));
        (await (await Link(reprinted.Token, VcJwt)).ReadAsTextAsync()).ShouldBe(third);
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Events.FetchStreamAsync(row.Id)).Select(e => e.Data).OfType<CertificateReissued>().Single().Credential.ShouldBe(third);

        // revocation does not re-sign: the credential stays, its status list bit says revoked
        await b.Send(b.Organization, $"/api/certificates/{row.Id}/revoke", new { version = 2, reason = "监督检查发现考试舞弊" });
        (await (await Link(reprinted.Token, VcJwt)).ReadAsTextAsync()).ShouldBe(third);
    }

    [Fact]
    public async Task CRT_04_without_asking_for_vc_jwt_the_link_answers_the_json_view()
    {
        var (_, row) = await Issued("vcjson");
        string?[] accepts = [null, "application/json", "text/html,application/xhtml+xml,*/*;q=0.8", $"application/json, {VcJwt};q=0.5"];
        foreach (var accept in accepts)
        {
            var result = await Link(row.Token, accept);
            result.Context.Response.ContentType!.ShouldStartWith("application/json", customMessage: accept);
            var answer = await result.ReadAsJsonAsync<JsonObject>();
            answer!["result"]!.GetValue<string>().ShouldBe("Valid");
            answer["certificate"]!["number"]!.GetValue<string>().ShouldBe(row.Number);
            answer["certificate"]!["holderName"]!.GetValue<string>().ShouldBe("张*三");
            answer["credential"]!.GetValue<string>().ShouldBe(row.Credential);
            answer["payload"]!.GetValue<string>().Split('.').Length.ShouldBe(3);
        }
        // a weighted preference for vc+jwt wins over JSON
        (await Link(row.Token, $"application/json;q=0.5, {VcJwt}")).Context.Response.ContentType!.ShouldStartWith(VcJwt);
    }
}
