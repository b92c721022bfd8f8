using System.Diagnostics;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Assessment.IntegrationTests.Certificates;

/// <summary>Issue 15 item 11: the time of a case lookup must not tell a known identity number (with a wrong name) from an unknown one.</summary>
public class CaseLookupTimingTests(AppFixture app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const int Pairs = 101;

    private async Task<double> Milliseconds(string documentNumber, string name)
    {
        var watch = Stopwatch.StartNew();
        // AppFixture sends each request from a random client address: the per-client limit on public lookups never trips here
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { documentNumber, name }).ToUrl("/api/public/cases/lookup");
            s.StatusCodeShouldBeOk();
        });
        watch.Stop();
        JsonNode.Parse(await result.ReadAsTextAsync())!["result"]!.GetValue<string>().ShouldBe("NotFound");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [Fact]
    public async Task issue_15_item_11_a_known_identity_number_with_a_wrong_name_takes_as_long_as_an_unknown_one()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "timing").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "timing").Filed("340200");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        await b.Candidate("李四", 2);
        await b.File();
        var known = BatchJourney.IdNumber(1);
        var unknown = BatchJourney.IdNumber(77);

        for (var i = 0; i < 20; i++)
        {
            await Milliseconds(known, "张小四");
            await Milliseconds(unknown, "张小四");
        }
        // A loaded 2-core machine sometimes stalls one side of a round; a real difference shows in every round, noise rarely
        // in three running, so the test takes the first round within bounds.
        var rounds = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var (within, summary) = await Round(known, unknown);
            rounds.Add(summary);
            output.WriteLine(summary);
            if (within) return;
        }
        Assert.Fail($"a known and an unknown identity number differ in lookup time in all three rounds: {string.Join("; ", rounds)}");
    }

    private async Task<(bool Within, string Summary)> Round(string known, string unknown)
    {
        // interleaved, alternating which goes first, so load on the machine falls on both alike; each pair's difference counts
        var differences = new List<double>(Pairs);
        var unknownTimes = new List<double>(Pairs);
        for (var i = 0; i < Pairs; i++)
        {
            double k, u;
            if (i % 2 == 0) { k = await Milliseconds(known, "张小四"); u = await Milliseconds(unknown, "张小四"); }
            else { u = await Milliseconds(unknown, "张小四"); k = await Milliseconds(known, "张小四"); }
            differences.Add(k - u);
            unknownTimes.Add(u);
        }
        var difference = Median(differences);
        var typical = Median(unknownTimes);
        // before the fix a known number ran one more query (3.4 ms against 2.6 ms, about 30 %); now the same work, within noise
        var bound = Math.Max(0.3, typical * 0.1);
        return (Math.Abs(difference) < bound, $"median known − unknown {difference:F3} ms; median unknown {typical:F3} ms; bound {bound:F3} ms");
    }
}
