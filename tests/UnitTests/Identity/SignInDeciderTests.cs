using Assessment.Api.Identity;
using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.UnitTests.Identity;

public class SignInDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    private static Account NewAccount() => Account.Create(new AccountCreated(Guid.NewGuid(), "wuhu.reviewer", "审核员", Roles.Reviewer,
        "340200", null, "hash", Now, Actor.System));

    [Fact]
    public void a_correct_password_signs_in_and_clears_the_failure_count()
    {
        var account = NewAccount();
        account.ConsecutiveFailures = 2;
        var (outcome, events) = SignInDecider.Decide(account, true, Now, "127.0.0.1");
        outcome.ShouldBe(SignInOutcome.Succeeded);
        var signedIn = events.ShouldHaveSingleItem().ShouldBeOfType<AccountSignedIn>();
        signedIn.By.UserName.ShouldBe("wuhu.reviewer");
        account.Apply(signedIn);
        account.ConsecutiveFailures.ShouldBe(0);
    }

    [Fact]
    public void failures_are_recorded_for_the_audit_trail_but_never_lock_the_account()
    {
        var account = NewAccount();
        for (var i = 1; i <= 20; i++)
        {
            var (outcome, events) = SignInDecider.Decide(account, false, Now, null);
            outcome.ShouldBe(SignInOutcome.WrongCredentials);
            events.ShouldBeEmpty();
            var failed = SignInDecider.Failed(account, Now, "192.0.2.1");
            failed.RemoteAddress.ShouldBe("192.0.2.1");
            failed.By.Role.ShouldBe(Roles.Public);
            failed.ConsecutiveFailures.ShouldBe(i);
            account.Apply(failed);
        }
        SignInDecider.Decide(account, true, Now, null).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public void an_unknown_user_answers_like_a_wrong_password_and_records_nothing()
    {
        var (outcome, events) = SignInDecider.Decide(null, false, Now, null);
        outcome.ShouldBe(SignInOutcome.WrongCredentials);
        events.ShouldBeEmpty();
    }

    [Fact]
    public void a_disabled_account_says_so_only_to_someone_who_knows_its_password()
    {
        var disabled = NewAccount();
        disabled.Disabled = true;
        SignInDecider.Decide(disabled, false, Now, null).Outcome.ShouldBe(SignInOutcome.WrongCredentials);
        var (outcome, events) = SignInDecider.Decide(disabled, true, Now, null);
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
