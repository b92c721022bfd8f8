using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// The one working-day calendar across API processes: a year an administrator loads on one node reaches every other node from
/// the log, so no two nodes compute a deadline differently for longer than the refresh interval.
/// </summary>
public class CalendarAcrossProcessesTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_year_loaded_on_one_node_is_used_by_another_within_seconds()
    {
        const string url = "/api/calendar/anhui/add-working-days?from=2026-12-25&days=5";
        await using var other = await ApiProcess.StartAsync(new Dictionary<string, string> { ["Calendar:RefreshSeconds"] = "1" },
            readyWithin: TimeSpan.FromMinutes(4));
        (await other.Client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "2027 is not loaded yet");

        var admin = await Given.Admin();
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { year = 2027, off = new[] { "2027-01-01..2027-01-03" }, work = Array.Empty<string>(), source = "测试用通知" })
                .ToUrl("/api/admin/calendar/national/years");
            s.StatusCodeShouldBeOk();
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await other.Client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                answer["result"]!.GetValue<string>().ShouldBe("2027-01-04");
                break;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The other node still answers {response.StatusCode}.\n{other.Log}");
            await Task.Delay(250);
        }
    }
}
