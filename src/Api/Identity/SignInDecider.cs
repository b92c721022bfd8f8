using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Api.Identity;

public enum SignInOutcome { Succeeded, WrongCredentials, Disabled }

/// <summary>
/// Decides what a sign-in attempt means; pure, so it is unit-tested without a database. An unknown user name and a
/// wrong password answer alike, and a disabled account says so only to someone who knows its password. A failure is
/// recorded on the account afterwards (<see cref="Failed"/>, off the request, so both answers take the same time) and
/// throttled by the host (<c>SignInThrottle</c>), never turned into a lock that a stranger could set off.
/// </summary>
public static class SignInDecider
{
    public static (SignInOutcome Outcome, IReadOnlyList<object> Events) Decide(Account? account, bool passwordMatches, Instant now,
        string? remoteAddress)
    {
        if (account is null || !passwordMatches) return (SignInOutcome.WrongCredentials, []);
        if (account.Disabled) return (SignInOutcome.Disabled, []);
        var self = new Actor(account.Id, account.UserName, account.Role, account.AuthorityCode, account.OrganizationId, account.DisplayName);
        return (SignInOutcome.Succeeded, [new AccountSignedIn(account.Id, now, remoteAddress, self)]);
    }

    /// <summary>The failed attempt on the account's record: when and from where, by an anonymous caller.</summary>
    public static AccountSignInFailed Failed(Account account, Instant at, string? remoteAddress) =>
        new(account.Id, account.ConsecutiveFailures + 1, at, remoteAddress, Actor.Anonymous("sign-in"));
}
