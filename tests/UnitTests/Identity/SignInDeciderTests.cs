using Assessment.Api.Identity;
using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.UnitTests.Identity;

public class SignInDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    private static readonly LockoutOptions Options = new(3, Duration.FromMinutes(15));

    private static Account NewAccount() => Account.Create(new AccountCreated(Guid.NewGuid(), "wuhu.reviewer", "审核员", Roles.Reviewer,
        "340200", null, "hash", Now, Actor.System));

    private static Account Replay(Account a, IEnumerable<object> events) => events.Aggregate(a, (acc, e) => e switch
    {
        AccountSignInFailed f => Do(acc, x => x.Apply(f)),
        AccountLockedOut l => Do(acc, x => x.Apply(l)),
        AccountSignedIn s => Do(acc, x => x.Apply(s)),
        _ => acc,
    });

    private static Account Do(Account a, Action<Account> apply) { apply(a); return a; }

    [Fact]
    public void a_correct_password_signs_in_and_clears_the_failure_count()
    {
        var account = NewAccount();
        account.ConsecutiveFailures = 2;
        var (outcome, events) = SignInDecider.Decide(account, true, Now, Options, "127.0.0.1");
        outcome.ShouldBe(SignInOutcome.Succeeded);
        var signedIn = events.ShouldHaveSingleItem().ShouldBeOfType<AccountSignedIn>();
        signedIn.By.UserName.ShouldBe("wuhu.reviewer");
        Replay(account, events).ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public void repeated_failures_lock_the_account_and_a_locked_account_refuses_even_the_right_password()
    {
        var account = NewAccount();
        for (var i = 1; i < Options.MaxFailures; i++)
        {
            var (o, e) = SignInDecider.Decide(account, false, Now, Options, null);
            o.ShouldBe(SignInOutcome.WrongPassword);
            account = Replay(account, e);
            account.ConsecutiveFailures.ShouldBe(i);
        }
        var (outcome, events) = SignInDecider.Decide(account, false, Now, Options, null);
        outcome.ShouldBe(SignInOutcome.LockedOut);
        events.OfType<AccountLockedOut>().ShouldHaveSingleItem().Until.ShouldBe(Now + Duration.FromMinutes(15));
        account = Replay(account, events);

        var (again, none) = SignInDecider.Decide(account, true, Now + Duration.FromMinutes(5), Options, null);
        again.ShouldBe(SignInOutcome.LockedOut);
        none.ShouldBeEmpty();
    }

    [Fact]
    public void an_expired_lock_starts_a_fresh_count()
    {
        var account = NewAccount();
        account.ConsecutiveFailures = 3;
        account.LockedUntil = Now - Duration.FromMinutes(1);
        var (outcome, events) = SignInDecider.Decide(account, false, Now, Options, null);
        outcome.ShouldBe(SignInOutcome.WrongPassword);
        events.OfType<AccountSignInFailed>().Single().ConsecutiveFailures.ShouldBe(1);
    }

    [Fact]
    public void a_disabled_account_cannot_sign_in_and_nothing_is_recorded()
    {
        var (outcome, events) = SignInDecider.Decide(Do(NewAccount(), a => a.Disabled = true), true, Now, Options, null);
        outcome.ShouldBe(SignInOutcome.Disabled);
        events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("short1!A", false)]
    [InlineData("alllowercase", false)]
    [InlineData("Lower-and-1", true)]
    [InlineData("Demo@2026pass", true)]
    public void password_rules(string password, bool acceptable)
    {
        (Passwords.Check(password) is null).ShouldBe(acceptable);
    }

    [Fact]
    public void passwords_are_hashed_not_stored()
    {
        var hash = Passwords.Hash("Demo@2026pass");
        hash.ShouldNotContain("Demo@2026pass");
        Passwords.Verify(hash, "Demo@2026pass").ShouldBeTrue();
        Passwords.Verify(hash, "Demo@2026pasS").ShouldBeFalse();
    }

    [Fact]
    public void api_keys_round_trip_and_only_a_hash_is_kept()
    {
        var id = Guid.NewGuid();
        var (key, hash) = ApiKeys.Issue(id);
        ApiKeys.TryParse(key, out var parsedId, out var secret).ShouldBeTrue();
        parsedId.ShouldBe(id);
        ApiKeys.Matches(hash, secret).ShouldBeTrue();
        ApiKeys.Matches(hash, secret + "x").ShouldBeFalse();
        hash.ShouldNotContain(secret);
        ApiKeys.TryParse("ak_nonsense", out _, out _).ShouldBeFalse();
    }
}
