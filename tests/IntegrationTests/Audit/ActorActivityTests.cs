using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Audit;

/// <summary>AUD-01: the auditor reads who did how much on which day, counted by the asynchronous daemon from every event's actor.</summary>
public class ActorActivityTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task AUD_01_the_auditor_reads_each_persons_actions_per_day_by_name_role_and_unit_once_the_daemon_has_counted_them()
    {
        var reviewerId = await Given.Account("activity.reviewer", Roles.Reviewer, "450000");
        for (var i = 0; i < 3; i++) await Given.SignIn("activity.reviewer");
        await Given.Account("activity.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("activity.auditor");

        var page = await CountedAsync(auditor, $"/api/audit/activity?userId={reviewerId}");
        var day = page["items"]!.AsArray().ShouldHaveSingleItem()!;
        day["name"]!.GetValue<string>().ShouldBe("activity.reviewer");
        day["roleName"]!.GetValue<string>().ShouldBe("审核人员");
        day["unit"]!.GetValue<string>().ShouldContain("广西");
        // the day the log recorded the event (the database's time, not the test's adjustable clock)
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(Assessment.SharedKernel.ChinaTime.Zone).Date;
        day["day"]!.GetValue<string>().ShouldBe(today.ToString("yyyy-MM-dd", null));
        day["events"]!.GetValue<int>().ShouldBe(3, "three sign-ins, each counted once");

        var iso = today.ToString("yyyy-MM-dd", null);
        var admin = await CountedAsync(auditor, $"/api/audit/activity?from={iso}&to={iso}");
        admin["items"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()).ShouldContain("activity.auditor");
        (await CountedAsync(auditor, $"/api/audit/activity?from={today.PlusDays(1):yyyy-MM-dd}"))["total"]!.GetValue<long>().ShouldBe(0);
    }

    [Fact]
    public async Task AUD_01_an_organizations_user_names_the_organization_so_the_auditor_can_open_it()
    {
        var (user, organizationId) = await Given.Organization("activity.org.user", "340200", "活动统计评价中心", serial: 31);
        var userId = (await Given.Get<JsonObject>(user, "/api/auth/me"))["id"]!.GetValue<Guid>();
        var auditorId = await Given.Account("activity.org.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("activity.org.auditor");
        var day = (await CountedAsync(auditor, $"/api/audit/activity?userId={userId}"))["items"]!.AsArray()[0]!;
        (day["organizationId"]!.GetValue<Guid>(), day["unit"]!.GetValue<string>()).ShouldBe((organizationId, "活动统计评价中心"));
        (await CountedAsync(auditor, $"/api/audit/activity?userId={auditorId}"))["items"]!.AsArray()[0]!["organizationId"].ShouldBeNull();
    }

    [Fact]
    public async Task AUD_01_activity_is_for_auditors_alone_and_a_malformed_day_is_a_400_naming_it()
    {
        var reviewer = await Given.Reviewer("activity.other", "450000");
        await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Get.Url("/api/audit/activity");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/activity");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await Given.Account("activity.auditor2", Roles.Auditor);
        var auditor = await Given.SignIn("activity.auditor2");
        var result = await Host.Scenario(s =>
        {
            s.As(auditor);
            s.Get.Url("/api/audit/activity?from=2026-13-01");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await result.Problem())["errors"]!.AsObject().ContainsKey("from").ShouldBeTrue();
    }

    /// <summary>The page once the daemon has counted the whole log (it trails the log by the daemon's polling).</summary>
    private async Task<JsonObject> CountedAsync(Caller auditor, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await Given.Get<JsonObject>(auditor, url);
            var counted = page["countedThrough"]!.GetValue<long>();
            if (counted > 0 && counted >= page["logPosition"]!.GetValue<long>()) return page;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The activity count stayed behind the log: {page}");
            await Task.Delay(200);
        }
    }
}
