using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Batches.Candidates;
using Assessment.Certificates.Verification;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Privacy;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>The holder's own case lookup (identity number + name → each batch, its stage, the result once publicized, the certificate).</summary>
public class CaseLookupTests(AppFixture app) : IntegrationTest(app)
{
    private const string Url = "/api/public/cases/lookup";

    private async Task<BatchJourney> AnhuiDraft(string tag)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        // CRT-01 [AH]: serials come from the range the provincial center allocated
        await batch.AllocateRange(await Given.Reviewer($"{tag}.province", "340000"), "000001", "000100");
        return batch;
    }

    private async Task<IScenarioResult> Send(object body, Caller? caller = null, HttpStatusCode status = HttpStatusCode.OK) =>
        await Host.Scenario(s =>
        {
            if (caller is not null) s.As(caller);
            s.Post.Json(body).ToUrl(Url);
            s.StatusCodeShouldBe(status);
        });

    private async Task<JsonObject> LookUp(string documentNumber, string name, Caller? caller = null) =>
        JsonNode.Parse(await (await Send(new { documentNumber, name }, caller)).ReadAsTextAsync())!.AsObject();

    private async Task<List<CertificateLookup>> LookupsOf(Guid candidateId)
    {
        await Host.Services.GetRequiredService<LookupLog>().FlushPendingAsync();
        await using var session = Host.DocumentStore().QuerySession();
        return (await session.Query<CertificateLookup>().Where(l => l.CandidateId == candidateId).ToListAsync()).ToList();
    }

    /// <summary>The roster shows names masked (AUD-04/BAT-09): the candidate found by its masked name.</summary>
    private static Guid CandidateId(BatchJourney b, string name) => b.CandidateId(name);

    [Fact]
    public async Task a_holder_follows_an_accepted_batch_to_the_certificate_with_the_name_masked_and_no_identity_number()
    {
        var b = await AnhuiDraft("case");
        await b.Accepted("张小三", "李四");
        var certificates = (await Given.Get<JsonObject>(b.Organization, $"/api/certificates?batchId={b.BatchId}"))["items"]!.AsArray();
        var mine = certificates.OfHolder("张小三"); // the list shows the holder masked (AUD-04)

        var raw = await (await Send(new { documentNumber = BatchJourney.IdNumber(1), name = "张小三" })).ReadAsTextAsync();
        raw.ShouldNotContain(BatchJourney.IdNumber(1));
        raw.ShouldNotContain(BatchJourney.IdNumber(1)[..10]);
        raw.ShouldNotContain("张小三");
        var answer = JsonNode.Parse(raw)!;
        answer["result"]!.GetValue<string>().ShouldBe("Found");
        answer["holderName"]!.GetValue<string>().ShouldBe("张*三");
        var found = answer["cases"]!.AsArray().ShouldHaveSingleItem()!;
        found["organizationName"]!.GetValue<string>().ShouldBe("case培训评价中心");
        found["batchTitle"]!.GetValue<string>().ShouldBe("2026年第一批");
        found["occupation"]!.GetValue<string>().ShouldBe("育婴员");
        found["levelName"]!.GetValue<string>().ShouldBe("四级/中级工");
        found["examDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(b.Batch["examDays"]!.AsArray().Select(d => d!.GetValue<string>()));
        found["outcome"]!.GetValue<string>().ShouldBe("Qualified");
        found["publicity"]!.GetValue<string>().ShouldBe("Ended");
        found["publicityStart"]!.GetValue<string>().ShouldBe(b.Batch["publicityStart"]!.GetValue<string>());
        found["publicityEnd"]!.GetValue<string>().ShouldBe(b.Batch["publicityEnd"]!.GetValue<string>());
        found["report"]!.GetValue<string>().ShouldBe("Accepted");
        found["reportedOn"]!.GetValue<string>().ShouldBe(b.Batch["reportedOn"]!.GetValue<string>());
        found["suspended"]!.GetValue<bool>().ShouldBeFalse();
        found["certificate"]!["number"]!.GetValue<string>().ShouldBe(mine["number"]!.GetValue<string>());
        found["certificate"]!["status"]!.GetValue<string>().ShouldBe("Valid");
        found["certificate"]!["revokedOn"].ShouldBeNull();
        found.AsObject().Select(p => p.Key).ShouldNotContain(k => k.Contains("score", StringComparison.OrdinalIgnoreCase));

        // the lookup is recorded: who (the client's address), when, which case and certificate
        var logged = (await LookupsOf(CandidateId(b, "张小三"))).ShouldHaveSingleItem();
        logged.Kind.ShouldBe("identity-and-name");
        logged.Who.ShouldStartWith("ip:");
        logged.BatchId.ShouldBe(b.BatchId);
        logged.CertificateId.ShouldBe(mine["id"]!.GetValue<Guid>());
        logged.Number.ShouldBe(mine["number"]!.GetValue<string>());
        logged.At.ShouldBe(App.Clock.GetCurrentInstant());

        // AUD-04: once staff read the holder's data in full, the holder learns when, why and what — never who
        (await Given.Get<JsonObject>(b.Organization, $"/api/certificates/{mine["id"]}"))["holderName"]!.GetValue<string>().ShouldBe("张小三");
        await Host.Services.GetRequiredService<PersonalDataReads>().FlushPendingAsync();
        var consulted = await (await Send(new { documentNumber = BatchJourney.IdNumber(1), name = "张小三" })).ReadAsTextAsync();
        JsonNode.Parse(consulted)!["consultations"]!.AsArray()
            .Select(c => (c!["on"]!.GetValue<string>(), c["purpose"]!.GetValue<string>(), c["what"]!.GetValue<string>()))
            .ShouldContain((b.Today.ToString("yyyy-MM-dd", null), "审核", "查看证书"));
        consulted.ShouldNotContain(b.Organization.UserName);
        consulted.ShouldNotContain(BatchJourney.IdNumber(1));

        // a revocation shows with its date
        await b.Send(b.Organization, $"/api/certificates/{mine["id"]}/revoke", new { version = 1, reason = "监督检查发现考试舞弊" });
        var revoked = (await LookUp(BatchJourney.IdNumber(1), " 张小三 "))["cases"]![0]!["certificate"]!;
        revoked["status"]!.GetValue<string>().ShouldBe("Revoked");
        revoked["revokedOn"]!.GetValue<string>().ShouldBe(b.Today.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public async Task a_wrong_name_answers_exactly_like_an_unknown_person_and_nothing_is_recorded()
    {
        var b = await AnhuiDraft("nf");
        await b.Accepted("张小三");
        var id = BatchJourney.IdNumber(1);
        string Body(IScenarioResult r) => r.ReadAsTextAsync().GetAwaiter().GetResult();
        var wrongName = Body(await Send(new { documentNumber = id, name = "张小四" }));
        var unknownPerson = Body(await Send(new { documentNumber = BatchJourney.IdNumber(77), name = "张小三" }));
        var otherType = Body(await Send(new { documentNumber = id, name = "张小三", documentType = 227 }));
        wrongName.ShouldBe(unknownPerson);
        otherType.ShouldBe(unknownPerson);
        JsonNode.Parse(unknownPerson)!["result"]!.GetValue<string>().ShouldBe("NotFound");
        JsonNode.Parse(unknownPerson)!["cases"]!.AsArray().ShouldBeEmpty();
        JsonNode.Parse(unknownPerson)!["holderName"].ShouldBeNull();
        (await LookupsOf(CandidateId(b, "张小三"))).ShouldBeEmpty();
        // a lower-case check character is the same number
        if (id.EndsWith('X')) (await LookUp(id.ToLowerInvariant(), "张小三"))["result"]!.GetValue<string>().ShouldBe("Found");
    }

    [Fact]
    public async Task before_publicity_no_result_shows_and_a_draft_is_nobodys_business()
    {
        var b = await AnhuiDraft("pre");
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        await b.Candidate("王合格", 1);
        await b.Candidate("赵未过", 2);
        await b.Candidate("钱移除", 3);
        // the roster follows the candidates: a removed one is gone from it
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/candidates/{CandidateId(b, "钱移除")}/remove", new { version = b.Version });
        await using (var session = Host.DocumentStore().QuerySession())
            (await session.Query<BatchCandidate>().Where(e => e.BatchId == b.BatchId).CountAsync()).ShouldBe(2);
        (await LookUp(BatchJourney.IdNumber(1), "王合格"))["result"]!.GetValue<string>().ShouldBe("NotFound"); // a draft

        await b.File();
        var filed = (await LookUp(BatchJourney.IdNumber(1), "王合格"))["cases"]![0]!;
        filed["outcome"].ShouldBeNull();
        filed["publicity"]!.GetValue<string>().ShouldBe("NotStarted");
        filed["report"]!.GetValue<string>().ShouldBe("NotSubmitted");
        filed["certificate"].ShouldBeNull();
        (await LookUp(BatchJourney.IdNumber(3), "钱移除"))["result"]!.GetValue<string>().ShouldBe("NotFound");

        b.ClockTo(exam);
        await b.Results((CandidateId(b, "王合格"), 80, 80), (CandidateId(b, "赵未过"), 40, 90));
        foreach (var (serial, name) in new[] { (1, "王合格"), (2, "赵未过") })
        {
            var raw = await (await Send(new { documentNumber = BatchJourney.IdNumber(serial), name })).ReadAsTextAsync();
            var recorded = JsonNode.Parse(raw)!["cases"]![0]!;
            recorded["outcome"].ShouldBeNull(); // recorded, not publicized: nothing leaks
            recorded["publicity"]!.GetValue<string>().ShouldBe("NotStarted");
            raw.ShouldNotContain("score", Case.Insensitive);
        }

        await b.Publicize();
        var open = (await LookUp(BatchJourney.IdNumber(1), "王合格"))["cases"]![0]!;
        open["outcome"]!.GetValue<string>().ShouldBe("Qualified");
        open["publicity"]!.GetValue<string>().ShouldBe("Open");
        open["publicityEnd"]!.GetValue<string>().ShouldBe(b.Batch["publicityEnd"]!.GetValue<string>());
        (await LookUp(BatchJourney.IdNumber(2), "赵未过"))["cases"]![0]!["outcome"]!.GetValue<string>().ShouldBe("NotQualified");

        await b.ClosePublicity();
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/report", new { version = b.Version });
        (await LookUp(BatchJourney.IdNumber(1), "王合格"))["cases"]![0]!["report"]!.GetValue<string>().ShouldBe("Submitted");

        // a returned report reopens the results for correction: the result is withdrawn until publicized again
        await b.Step(b.Reviewer, $"/api/batches/{b.BatchId}/report/return", new { version = b.Version, reason = "请核实赵未过的操作技能成绩。" });
        var returned = (await LookUp(BatchJourney.IdNumber(1), "王合格"))["cases"]![0]!;
        returned["report"]!.GetValue<string>().ShouldBe("Returned");
        returned["outcome"].ShouldBeNull();
        returned["publicity"]!.GetValue<string>().ShouldBe("NotStarted");
        returned.ToJsonString().ShouldNotContain("核实"); // the reason stays with the authority
    }

    [Fact]
    public async Task batches_recorded_before_the_roster_projection_existed_are_projected_again_from_the_events_at_start_up()
    {
        var b = await AnhuiDraft("old");
        await b.Accepted("张小三", "李四");
        var before = await b.Reload();
        var store = Host.DocumentStore();
        await using (var session = store.LightweightSession())
        {
            session.DeleteWhere<BatchCandidate>(_ => true); // as in a database of the version before the roster projection
            await session.SaveChangesAsync();
        }
        (await LookUp(BatchJourney.IdNumber(1), "张小三"))["result"]!.GetValue<string>().ShouldBe("NotFound");

        var backfill = new RosterBackfill(Microsoft.Extensions.Logging.Abstractions.NullLogger<RosterBackfill>.Instance);
        await backfill.Populate(store, CancellationToken.None);
        await backfill.Populate(store, CancellationToken.None); // once filled, a start-up leaves it alone
        await using (var session = store.QuerySession())
            (await session.Query<BatchCandidate>().Where(e => e.BatchId == b.BatchId).CountAsync()).ShouldBe(2);
        (await LookUp(BatchJourney.IdNumber(1), "张小三"))["cases"]![0]!["certificate"]!["status"]!.GetValue<string>().ShouldBe("Valid");
        // the batch page reads the same roster, results and all, as before
        var after = await b.Reload();
        after["candidates"]!.ToJsonString().ShouldBe(before["candidates"]!.ToJsonString());
        (after["passed"]!.GetValue<int>(), after["version"]!.GetValue<long>()).ShouldBe((before["passed"]!.GetValue<int>(), before["version"]!.GetValue<long>()));
    }

    [Fact]
    public async Task the_identity_number_is_checked_as_batches_check_it_and_only_ever_travels_in_the_body()
    {
        var bad = await Send(new { documentNumber = "34020219900101001", name = "张三" }, status: HttpStatusCode.BadRequest);
        var problem = await bad.Problem();
        problem["errors"]!["documentNumber"].ShouldNotBeNull();
        (await (await Send(new { documentNumber = BatchJourney.IdNumber(1), name = " " }, status: HttpStatusCode.BadRequest)).Problem())["errors"]!["name"]
            .ShouldNotBeNull();
        (await (await Send(new { documentNumber = "AB12345", name = "张三", documentType = 999 }, status: HttpStatusCode.BadRequest)).Problem())["errors"]!["documentType"]
            .ShouldNotBeNull();
        // another document type takes its own format (5–32 letters, digits or hyphens)
        await Send(new { documentNumber = "E12345678", name = "张三" }, status: HttpStatusCode.BadRequest); // 201 by default
        await Send(new { documentNumber = "E12345678", name = "张三", documentType = 227 });
        // no GET with the number in the URL
        await Host.Scenario(s =>
        {
            s.Get.Url($"{Url}?documentNumber={BatchJourney.IdNumber(1)}&name=x");
            s.StatusCodeShouldBe(HttpStatusCode.MethodNotAllowed);
        });
    }

    [Fact]
    public async Task an_auditor_may_look_up_a_case_it_is_a_read_and_the_lookup_is_recorded_with_the_account()
    {
        var b = await AnhuiDraft("aud");
        await b.Accepted("张小三");
        var auditorId = await Given.Account("case.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("case.auditor");
        (await LookUp(BatchJourney.IdNumber(1), "张小三", auditor))["result"]!.GetValue<string>().ShouldBe("Found");
        (await LookupsOf(CandidateId(b, "张小三"))).ShouldHaveSingleItem().Who.ShouldBe($"{Roles.Auditor}:{auditorId}");
    }

    [Fact]
    public async Task case_lookups_are_throttled_per_client_with_a_429_problem()
    {
        var limit = Host.Services.GetRequiredService<Assessment.Api.Infrastructure.RateLimitOptions>().PublicLookupsPerClientPerMinute;
        IScenarioResult? last = null;
        for (var i = 0; i <= limit; i++)
        {
            last = await Host.Scenario(s =>
            {
                s.From("10.77.0.10");
                s.Post.Json(new { documentNumber = BatchJourney.IdNumber(i), name = "张三" }).ToUrl(Url);
                s.IgnoreStatusCode();
            });
        }
        last!.Context.Response.StatusCode.ShouldBe(429);
        last.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
        (await last.Problem())["code"]!.GetValue<string>().ShouldBe("too-many-requests");
        // another client is not held up
        (await LookUp(BatchJourney.IdNumber(1), "张三"))["result"]!.GetValue<string>().ShouldBe("NotFound");
    }
}
