using System.Diagnostics;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Xunit.Abstractions;

namespace Assessment.IntegrationTests.Identity;

/// <summary>Issue 15 item 11: a wrong password for an existing user and an unknown user name take the same time.</summary>
public class SignInTimingTests(AppFixture app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const int Pairs = 80;

    private async Task<double> Milliseconds(string userName)
    {
        var watch = Stopwatch.StartNew();
        await Host.Scenario(s =>
        {
            s.Post.Json(new { userName, password = "Wrong@Pass2026" }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(401);
        });
        return watch.Elapsed.TotalMilliseconds;
    }

    [Fact]
    public async Task issue_15_item_11_a_wrong_password_takes_as_long_as_an_unknown_user_name()
    {
        await Given.Account("timing.user", Roles.Reviewer, "340200");
        for (var i = 0; i < 5; i++)
        {
            await Milliseconds("timing.user");
            await Milliseconds($"nobody.{i}");
        }

        // A loaded 2-core machine sometimes stalls one side of a round; a real difference shows in every round, noise rarely
        // in three running, so the test takes the first round within bounds.
        var rounds = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var (within, summary) = await Round();
            rounds.Add(summary);
            output.WriteLine(summary);
            if (within) return;
        }
        Assert.Fail($"a wrong password and an unknown user name differ in time in all three rounds: {string.Join("; ", rounds)}");
    }

    private async Task<(bool Within, string Summary)> Round()
    {
        // Pairs interleaved, the order alternating, each from its own address (the fixture's default): load on the machine
        // hits both sides alike, so the medians compare the work each path does.
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < Pairs; i++)
        {
            if (i % 2 == 0)
            {
                known.Add(await Milliseconds("timing.user"));
                unknown.Add(await Milliseconds($"no.such.user.{i}"));
            }
            else
            {
                unknown.Add(await Milliseconds($"no.such.user.{i}"));
                known.Add(await Milliseconds("timing.user"));
            }
        }
        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        var slowerShare = known.Zip(unknown).Count(p => p.First > p.Second) / (double)Pairs;

        // Generous bounds: the medians within 10 %, and the known name slower in at most 70 % of the pairs (even paths give
        // 50 % ± 5.6; the extra write the known path used to make showed in 75 %).
        var within = Math.Abs(knownMedian - unknownMedian) < Math.Max(1.5, unknownMedian * 0.1) && slowerShare <= 0.7;
        return (within, $"median known {knownMedian:F2} ms, unknown {unknownMedian:F2} ms; known slower in {slowerShare:P0} of pairs");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}
