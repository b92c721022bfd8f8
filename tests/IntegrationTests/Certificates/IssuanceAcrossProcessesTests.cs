using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>
/// CRT-01 across processes: the test host and a second API process (the built API, <see cref="ApiProcess"/>) on one
/// database. Issuances are started by resuming halted ones through the API, with an organization's API key (valid in
/// both processes), so each process numbers its own share.
/// </summary>
public class IssuanceAcrossProcessesTests(AppFixture app) : IntegrationTest(app)
{
    private const string Area = "340200";

    private async Task<(Guid Organization, Caller System)> OrganizationWithApiKey(string tag)
    {
        var (_, organization) = await Given.Organization($"{tag}.org", Area, $"{tag}评价中心", serial: 5);
        var admin = await Given.Admin();
        var issued = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { name = $"{tag}考务系统", organizationId = organization, scopes = new[] { "certificates:read", "certificates:write" } })
                .ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return (organization, new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "system"));
    }

    /// <summary>Accepted batches whose issuance stopped before the first certificate (counted serials: Guangxi's policy).</summary>
    private async Task<List<Guid>> HaltedBatches(Guid organization, int batches, int each)
    {
        var ids = Enumerable.Range(0, batches).Select(_ => Guid.NewGuid()).ToList();
        var now = App.Clock.GetCurrentInstant();
        await using var session = Host.DocumentStore().LightweightSession();
        await session.BeginTransactionAsync(CancellationToken.None);
        foreach (var id in ids)
        {
            session.Store(new AcceptedBatch
            {
                Id = id, OrganizationId = organization, OrganizationName = "多进程评价中心", FilingId = Guid.NewGuid(), FilingNumber = "Y000045010009",
                Jurisdiction = "guangxi", AcceptingAuthority = Area, AreaCode = Area, Title = "多进程批次", LastExamDay = new LocalDate(2026, 1, 5),
                QualifiedCount = each, AcceptedAt = now, ReceivedAt = now,
            });
            await QualifiedCandidateTable.CopyAsync(session, id, Enumerable.Range(0, each).Select(i => new QualifiedCandidate(Guid.NewGuid(), $"考生{i}", 201,
                BatchJourney.IdNumber(i), "某公司", "育婴员", null, null, 4, "南宁市")).ToList(), CancellationToken.None);
            session.Events.StartStream<BatchIssuance>(BatchIssuance.StreamFor(id), new IssuanceStarted(id, organization, each, now, Actor.System),
                new IssuanceHalted(id, 0, "CRT-01", "测试：发证暂停", now, Actor.System));
        }
        await session.SaveChangesAsync();
        return ids;
    }

    private static async Task ResumeThrough(ApiProcess api, Caller system, Guid batchId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/certificate-issuances/{batchId}/resume") { Content = JsonContent.Create(new { version = 2 }) };
        request.Headers.Add(system.Header, system.Value);
        var response = await api.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<BatchIssuance>> WaitUntilDone(IEnumerable<Guid> batchIds, ApiProcess? api = null, int seconds = 90)
    {
        var ids = batchIds.Select(BatchIssuance.StreamFor).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await using var query = Host.DocumentStore().QuerySession();
            var issuances = await query.LoadManyAsync<BatchIssuance>(ids);
            if (issuances.All(i => i.Status != IssuanceStatus.Running)) return issuances;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Issuance still running: {string.Join(", ", issuances.Select(i => $"{i.Done}/{i.Total}"))}\n{api?.Log}");
            await Task.Delay(200);
        }
    }

    /// <summary>(number, candidate position in issue order) of an organization's certificates.</summary>
    private async Task<List<(string Number, Guid Batch, int Position)>> Issued(Guid organization)
    {
        await using var connection = await Host.OpenDatabaseAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"select c.number, c.batch_id, q.position from {CertificateTable.Name} c join {QualifiedCandidateTable.Name} q " +
            "on q.batch_id = c.batch_id and q.candidate_id = c.candidate_id where c.organization_id = $1 order by c.number", connection);
        command.Parameters.AddWithValue(organization);
        var rows = new List<(string, Guid, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetGuid(1), reader.GetInt32(2)));
        return rows;
    }

    [Fact]
    public async Task CRT_01_sixteen_issuers_in_two_api_processes_take_serials_of_one_organization_year_and_level_without_holes_or_duplicates()
    {
        var (organization, system) = await OrganizationWithApiKey("twoproc");
        const int batches = 16, each = 25;
        var ids = await HaltedBatches(organization, batches, each);
        await using var other = await ApiProcess.StartAsync();

        // eight resumed in this process, eight in the other, all at once
        await Task.WhenAll(ids.Select((id, i) => i % 2 == 0
            ? Task.Run(() => Host.Scenario(s => { s.As(system); s.Post.Json(new { version = 2 }).ToUrl($"/api/certificate-issuances/{id}/resume"); }))
            : Task.Run(() => ResumeThrough(other, system, id))));

        (await WaitUntilDone(ids, other)).ShouldAllBe(i => i.Status == IssuanceStatus.Completed && i.Done == each);
        var issued = await Issued(organization);
        issued.Count.ShouldBe(batches * each);
        issued.Select(c => c.Number).Distinct().Count().ShouldBe(batches * each);
        // per sequence (filing number + year + level: the two processes' clocks may sit in different years) 000001 … n
        foreach (var sequence in issued.GroupBy(c => c.Number[..16]))
            sequence.Select(c => int.Parse(c.Number[^6..])).Order().ShouldBe(Enumerable.Range(1, sequence.Count()), sequence.Key);
    }

    [Fact]
    public async Task CRT_02_an_api_process_killed_mid_issuance_leaves_whole_chunks_and_another_process_finishes_exactly_as_an_uninterrupted_run()
    {
        var (organization, system) = await OrganizationWithApiKey("crash");
        const int total = 1_500;
        var batch = (await HaltedBatches(organization, 1, total)).Single();
        var chunked = new Dictionary<string, string> { ["Certificates:IssuanceChunkSize"] = "25" };

        await using (var doomed = await ApiProcess.StartAsync(chunked))
        {
            await ResumeThrough(doomed, system, batch);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            int done;
            do
            {
                await Task.Delay(20);
                await using var query = Host.DocumentStore().QuerySession();
                done = (await query.LoadAsync<BatchIssuance>(BatchIssuance.StreamFor(batch)))!.Done;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"No progress before the crash:\n{doomed.Log}");
            } while (done < 100);
            await doomed.KillAsync(); // mid-issuance: chunks of 25, far from 1,500
        }
        await using (var query = Host.DocumentStore().QuerySession())
        {
            var halfway = (await query.LoadAsync<BatchIssuance>(BatchIssuance.StreamFor(batch)))!;
            halfway.Status.ShouldBe(IssuanceStatus.Running);
            halfway.Done.ShouldBeLessThan(total);
            (halfway.Done % 25).ShouldBe(0); // whole chunks or nothing
            (await Issued(organization)).Count.ShouldBe(halfway.Done); // the registry holds exactly what the events say
        }

        // the durable message of the interrupted chunk is recovered — by the next process to start or by the test host's own
        // durability agent, whichever is first
        await using var successor = await ApiProcess.StartAsync(chunked);
        (await WaitUntilDone([batch], successor)).Single().Status.ShouldBe(IssuanceStatus.Completed);

        // as if nothing had happened: the candidate in issue position p holds serial p + 1, once
        var issued = await Issued(organization);
        issued.Count.ShouldBe(total);
        issued.Select(c => int.Parse(c.Number[^6..])).ShouldBe(issued.Select(c => c.Position + 1));
        issued.Select(c => c.Number[..16]).Distinct().ShouldHaveSingleItem();
        await using var events = Host.DocumentStore().QuerySession();
        var chunks = await events.Events.QueryRawEventDataOnly<CertificatesIssued>().Where(e => e.BatchId == batch).ToListAsync();
        chunks.Sum(c => c.Certificates.Count).ShouldBe(total); // no chunk issued twice
        var taken = await events.Events.QueryRawEventDataOnly<CertificateSerialsTaken>().Where(e => e.BatchId == batch).ToListAsync();
        // serials taken back to back from 1 to 1,500, none twice (whichever process picked up the interrupted chunk, and its chunk size)
        var ranges = taken.OrderBy(t => t.From).ToList();
        ranges.Select(t => t.From).ShouldBe(new[] { 1 }.Concat(ranges.SkipLast(1).Select(t => t.To + 1)));
        ranges[^1].To.ShouldBe(total);
    }
}
