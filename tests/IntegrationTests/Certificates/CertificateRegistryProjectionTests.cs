using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Certificates.Registry;
using Assessment.IntegrationTests.Infrastructure;
using Marten;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>
/// The registry is an inline projection of the certificate events: a change's registry row and its event commit in one
/// transaction or not at all (CRT-05), and a print's signed QR payload is kept with it, never signed again (CRT-04).
/// </summary>
public class CertificateRegistryProjectionTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<(BatchJourney Batch, Guid Id)> Issued(string tag)
    {
        var b = await CertificateJourneys.AcceptedAnhuiBatch(App, Given, tag, "张小三");
        return (b, (await CertificateJourneys.Certificates(Given, b.Organization, b.BatchId)).Single()!["id"]!.GetValue<Guid>());
    }

    private async Task<IReadOnlyList<object>> StreamOf(Guid certificateId)
    {
        await using var session = Host.DocumentStore().QuerySession();
        return (await session.Events.FetchStreamAsync(certificateId)).Select(e => e.Data).ToList();
    }

    [Fact]
    public async Task CRT_05_a_revocation_and_its_registry_row_commit_together_and_a_stale_one_changes_neither()
    {
        var (b, id) = await Issued("proj.revoke");
        await b.Send(b.Organization, $"/api/certificates/{id}/revoke", new { version = 1, reason = "监督检查发现考试舞弊" });
        var row = (await Host.RegistryRowAsync(id))!;
        (row.Status, row.Version, row.RevokedReason, row.RevokedOn).ShouldBe((CertificateStatus.Revoked, 2, "监督检查发现考试舞弊", b.Today));
        (await StreamOf(id)).ShouldHaveSingleItem().ShouldBeOfType<CertificateRevoked>().Reason.ShouldBe("监督检查发现考试舞弊");

        var stale = await b.Send(b.Organization, $"/api/certificates/{id}/revoke", new { version = 1, reason = "再次撤销" }, HttpStatusCode.Conflict);
        stale["status"]!.GetValue<int>().ShouldBe(409);
        (await Host.RegistryRowAsync(id))!.ShouldBe(row);
        (await StreamOf(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task CRT_05_of_two_racing_changes_one_commits_with_its_row_and_the_other_leaves_no_trace()
    {
        var (b, id) = await Issued("proj.race");
        async Task<int> Post(string url, object body) => (await Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Post.Json(body).ToUrl(url);
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;
        var statuses = await Task.WhenAll(
            Post($"/api/certificates/{id}/revoke", new { version = 1, reason = "撤销甲" }),
            Post($"/api/certificates/{id}/revoke", new { version = 1, reason = "撤销乙" }),
            Post($"/api/certificates/{id}/reissue", new { version = 1, reason = "遗失" }));
        statuses.Order().ShouldBe([200, 409, 409]);

        var row = (await Host.RegistryRowAsync(id))!;
        row.Version.ShouldBe(2);
        var only = (await StreamOf(id)).ShouldHaveSingleItem();
        // the row shows exactly the change whose event was kept
        switch (only)
        {
            case CertificateRevoked revoked:
                (row.Status, row.RevokedReason, row.PrintNumber).ShouldBe((CertificateStatus.Revoked, revoked.Reason, 1));
                break;
            case CertificateReissued reissued:
                (row.Status, row.PrintNumber, row.Token, row.Credential).ShouldBe((CertificateStatus.Valid, 2, reissued.Token, reissued.Credential));
                break;
            default:
                throw new ShouldAssertException($"unexpected event {only.GetType().Name}");
        }
    }

    [Fact]
    public async Task CRT_04_a_links_json_view_answers_the_same_signed_payload_on_every_call_until_the_next_print()
    {
        var (b, id) = await Issued("proj.payload");
        var row = (await Host.RegistryRowAsync(id))!;
        row.QrPayload.ShouldNotBeNullOrEmpty();
        var first = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/links/{row.Token}");
        var second = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/links/{row.Token}");
        first["payload"]!.GetValue<string>().ShouldBe(row.QrPayload);
        second["payload"]!.GetValue<string>().ShouldBe(first["payload"]!.GetValue<string>());
        second["credential"]!.GetValue<string>().ShouldBe(first["credential"]!.GetValue<string>());

        await b.Send(b.Organization, $"/api/certificates/{id}/reissue", new { version = 1, reason = "遗失" });
        var reprinted = (await Host.RegistryRowAsync(id))!;
        reprinted.QrPayload.ShouldNotBe(row.QrPayload);
        var events = await StreamOf(id);
        events.ShouldHaveSingleItem().ShouldBeOfType<CertificateReissued>().QrPayload.ShouldBe(reprinted.QrPayload);
        var link = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/links/{reprinted.Token}");
        link["payload"]!.GetValue<string>().ShouldBe(reprinted.QrPayload);
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/public/certificates/links/{reprinted.Token}"))["payload"]!.GetValue<string>()
            .ShouldBe(reprinted.QrPayload);
    }
}
