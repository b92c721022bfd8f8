using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using NodaTime;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Identity;

/// <summary>
/// Failed sign-ins are slowed down per address and user name and per address, never turned into a lock a stranger could
/// set off; the waits named are the real ones; the failures are shown to the account's owner and administrators.
/// </summary>
public class SignInThrottleTests(AppFixture app) : IntegrationTest(app)
{
    private const string Wrong = "Wrong@Pass2026";

    private Task<IScenarioResult> Attempt(string userName, string password, string from, HttpStatusCode status) =>
        Host.Scenario(s =>
        {
            s.From(from);
            s.Post.Json(new { userName, password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(status);
        });

    private static int RetryAfter(IScenarioResult result) => int.Parse(result.Context.Response.Headers.RetryAfter.ToString());

    [Fact]
    public async Task repeated_failures_are_throttled_alike_for_existing_and_unknown_user_names_so_names_cannot_be_enumerated()
    {
        await Given.Account("target.user", Roles.Reviewer, "340200");
        var answers = new List<JsonObject>();
        foreach (var (name, address) in new[] { ("target.user", "192.0.2.10"), ("no.such.user", "192.0.2.11") })
        {
            for (var i = 0; i < 5; i++)
                (await (await Attempt(name, Wrong, address, HttpStatusCode.Unauthorized)).Problem())["code"]!.GetValue<string>()
                    .ShouldBe("invalid-credentials");
            var throttled = await Attempt(name, Wrong, address, HttpStatusCode.TooManyRequests);
            RetryAfter(throttled).ShouldBe(30);
            answers.Add(await throttled.Problem());
        }
        answers.Select(a => (a["code"]!.GetValue<string>(), a["title"]!.GetValue<string>(), a["detail"]!.GetValue<string>())).Distinct()
            .ShouldHaveSingleItem().ShouldBe(("too-many-requests", "请求过于频繁", "请求过于频繁，请30秒后再试。"));
    }

    [Fact]
    public async Task issue_15_item_1_a_stranger_guessing_from_elsewhere_cannot_lock_the_owner_out()
    {
        await Given.Account("owner.user", Roles.Reviewer, "340200");
        for (var i = 0; i < 5; i++) await Attempt("owner.user", Wrong, "198.51.100.7", HttpStatusCode.Unauthorized);
        await Attempt("owner.user", Scenarios.Password, "198.51.100.7", HttpStatusCode.TooManyRequests);

        // the owner, from its own address, signs in as usual
        await Attempt("owner.user", Scenarios.Password, "203.0.113.20", HttpStatusCode.OK);
        var admin = await Given.Admin();
        var accounts = await Given.Get<JsonObject>(admin, "/api/admin/accounts?q=owner.user");
        accounts["items"]![0]!["disabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task issue_15_item_1_the_right_password_from_another_address_is_never_refused_after_distributed_failures()
    {
        await Given.Account("admin.target", Roles.Administrator);
        // 51 failures spread over 11 addresses: more than the per-name count of 50 across addresses
        for (var a = 1; a <= 10; a++)
            for (var i = 0; i < 5; i++) await Attempt("admin.target", Wrong, $"127.0.0.{a}", HttpStatusCode.Unauthorized);
        // a new guesser is let try, but while the name is under attack it waits after its first failure
        await Attempt("admin.target", Wrong, "127.0.0.11", HttpStatusCode.Unauthorized);
        RetryAfter(await Attempt("admin.target", Wrong, "127.0.0.11", HttpStatusCode.TooManyRequests)).ShouldBe(30);
        for (var a = 1; a <= 11; a++) await Attempt("admin.target", Scenarios.Password, $"127.0.0.{a}", HttpStatusCode.TooManyRequests);

        // the rightful user from any address that has not guessed gets in, again and again
        foreach (var address in new[] { "127.0.0.50", "203.0.113.30", "203.0.113.30", "2001:db8::1" })
            await Attempt("admin.target", Scenarios.Password, address, HttpStatusCode.OK);
    }

    [Fact]
    public async Task issue_15_item_1_retry_after_is_the_real_wait_and_the_right_password_works_once_it_has_passed()
    {
        await Given.Account("patient.user", Roles.Reviewer, "340200");
        const string from = "198.51.100.40";
        for (var i = 0; i < 5; i++) await Attempt("patient.user", Wrong, from, HttpStatusCode.Unauthorized);
        RetryAfter(await Attempt("patient.user", Scenarios.Password, from, HttpStatusCode.TooManyRequests)).ShouldBe(30);

        App.Clock.Advance(Duration.FromSeconds(29));
        RetryAfter(await Attempt("patient.user", Scenarios.Password, from, HttpStatusCode.TooManyRequests)).ShouldBe(1);
        App.Clock.Advance(Duration.FromSeconds(1));
        // a further wrong guess doubles the wait: progressive, not a lock
        await Attempt("patient.user", Wrong, from, HttpStatusCode.Unauthorized);
        RetryAfter(await Attempt("patient.user", Scenarios.Password, from, HttpStatusCode.TooManyRequests)).ShouldBe(60);
        App.Clock.Advance(Duration.FromSeconds(60));
        await Attempt("patient.user", Scenarios.Password, from, HttpStatusCode.OK);
        // a success from there clears that address's count
        await Attempt("patient.user", Wrong, from, HttpStatusCode.Unauthorized);
        await Attempt("patient.user", Scenarios.Password, from, HttpStatusCode.OK);
    }

    [Fact]
    public async Task one_client_sending_many_sign_ins_is_throttled_whatever_the_names_and_told_the_real_wait()
    {
        for (var i = 0; i < 20; i++)
        {
            await Attempt($"someone{i}", Wrong, "192.0.2.99", HttpStatusCode.Unauthorized);
            App.Clock.Advance(Duration.FromSeconds(1));
        }
        var throttled = await Attempt("someone.else", Wrong, "192.0.2.99", HttpStatusCode.TooManyRequests);
        (await throttled.Problem())["code"]!.GetValue<string>().ShouldBe("too-many-requests");
        // the first of the 20 leaves the minute 40 s from now
        RetryAfter(throttled).ShouldBe(40);
        App.Clock.Advance(Duration.FromSeconds(40));
        await Attempt("someone.else", Wrong, "192.0.2.99", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task issue_15_item_1_one_address_failing_on_many_names_is_limited_per_address_only()
    {
        await Given.Account("office.user", Roles.Reviewer, "340200");
        for (var i = 0; i < 30; i++)
        {
            await Attempt($"guess{i}", Wrong, "192.0.2.77", HttpStatusCode.Unauthorized);
            App.Clock.Advance(Duration.FromSeconds(10));
        }
        var throttled = await Attempt("office.user", Scenarios.Password, "192.0.2.77", HttpStatusCode.TooManyRequests);
        // the first failure leaves the 15 minutes 600 s from now
        RetryAfter(throttled).ShouldBe(600);
        await Attempt("office.user", Scenarios.Password, "192.0.2.78", HttpStatusCode.OK);
        App.Clock.Advance(Duration.FromSeconds(600));
        await Attempt("office.user", Scenarios.Password, "192.0.2.77", HttpStatusCode.OK);
    }

    [Fact]
    public async Task issue_15_item_1_failed_sign_ins_are_shown_to_the_owner_and_to_administrators()
    {
        var ownerId = await Given.Account("watched.user", Roles.Reviewer, "340200");
        await Given.Account("other.user", Roles.Reviewer, "340200");
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await Attempt("watched.user", Wrong, "198.51.100.81", HttpStatusCode.Unauthorized);
            App.Clock.Advance(Duration.FromMinutes(1));
            await Attempt("watched.user", Wrong, "198.51.100.82", HttpStatusCode.Unauthorized);
            await Attempt("other.user", Wrong, "198.51.100.83", HttpStatusCode.Unauthorized);
        });

        var admin = await Given.Get<JsonObject>(await Given.Admin(), $"/api/admin/accounts/{ownerId}/sign-in-failures");
        admin["total"]!.GetValue<int>().ShouldBe(2);
        admin["sinceLastSignIn"]!.GetValue<int>().ShouldBe(2);
        admin["lastSignInAt"].ShouldBeNull();
        admin["items"]!.AsArray().Select(i => (i!["at"]!.GetValue<string>(), i["remoteAddress"]!.GetValue<string>())).ShouldBe([
            ((AppFixture.Start + Duration.FromMinutes(1)).ToString(), "198.51.100.82"), (AppFixture.Start.ToString(), "198.51.100.81")]);

        var owner = await Given.SignIn("watched.user");
        var own = await Given.Get<JsonObject>(owner, "/api/auth/sign-in-failures");
        own["items"]!.AsArray().Select(i => i!["remoteAddress"]!.GetValue<string>()).ShouldBe(["198.51.100.82", "198.51.100.81"]);
        own["sinceLastSignIn"]!.GetValue<int>().ShouldBe(0);
        own["lastSignInAt"]!.GetValue<string>().ShouldBe((AppFixture.Start + Duration.FromMinutes(1)).ToString());
        await Host.Scenario(s =>
        {
            s.As(owner);
            s.Get.Url($"/api/admin/accounts/{ownerId}/sign-in-failures");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
    }
}
