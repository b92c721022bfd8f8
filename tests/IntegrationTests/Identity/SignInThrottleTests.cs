using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Identity;

/// <summary>Failed sign-ins are throttled, never turned into a lock a stranger could set off, and reveal no user names.</summary>
public class SignInThrottleTests(AppFixture app) : IntegrationTest(app)
{
    private Task<IScenarioResult> Attempt(string userName, string password, string from, HttpStatusCode status) =>
        Host.Scenario(s =>
        {
            s.From(from);
            s.Post.Json(new { userName, password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task repeated_failures_are_throttled_alike_for_existing_and_unknown_user_names_so_names_cannot_be_enumerated()
    {
        await Given.Account("target.user", Roles.Reviewer, "340200");
        var answers = new List<JsonObject>();
        foreach (var (name, address) in new[] { ("target.user", "192.0.2.10"), ("no.such.user", "192.0.2.11") })
        {
            for (var i = 0; i < 5; i++)
                (await (await Attempt(name, "Wrong@Pass2026", address, HttpStatusCode.Unauthorized)).Problem())["code"]!.GetValue<string>()
                    .ShouldBe("invalid-credentials");
            var throttled = await Attempt(name, "Wrong@Pass2026", address, HttpStatusCode.TooManyRequests);
            int.Parse(throttled.Context.Response.Headers.RetryAfter.ToString()).ShouldBeGreaterThan(0);
            answers.Add(await throttled.Problem());
        }
        answers.Select(a => (a["code"]!.GetValue<string>(), a["title"]!.GetValue<string>())).Distinct().ShouldHaveSingleItem()
            .ShouldBe(("too-many-requests", "请求过于频繁"));
    }

    [Fact]
    public async Task a_stranger_guessing_from_elsewhere_cannot_lock_the_owner_out()
    {
        await Given.Account("owner.user", Roles.Reviewer, "340200");
        for (var i = 0; i < 5; i++) await Attempt("owner.user", "Wrong@Pass2026", "198.51.100.7", HttpStatusCode.Unauthorized);
        await Attempt("owner.user", Scenarios.Password, "198.51.100.7", HttpStatusCode.TooManyRequests);

        // the owner, from its own address, signs in as usual
        await Attempt("owner.user", Scenarios.Password, "203.0.113.20", HttpStatusCode.OK);
        var admin = await Given.Admin();
        var accounts = await Given.Get<JsonObject>(admin, "/api/admin/accounts?q=owner.user");
        accounts["items"]![0]!["disabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task one_client_sending_many_sign_ins_is_throttled_whatever_the_names()
    {
        for (var i = 0; i < 20; i++) await Attempt($"someone{i}", "Wrong@Pass2026", "192.0.2.99", HttpStatusCode.Unauthorized);
        var throttled = await Attempt("someone.else", "Wrong@Pass2026", "192.0.2.99", HttpStatusCode.TooManyRequests);
        (await throttled.Problem())["code"]!.GetValue<string>().ShouldBe("too-many-requests");
        throttled.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
    }
}
