using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Api.Identity;

public sealed record LockoutOptions(int MaxFailures, Duration LockDuration)
{
    public static readonly LockoutOptions Default = new(5, Duration.FromMinutes(15));
}

public enum SignInOutcome { Succeeded, WrongPassword, LockedOut, Disabled }

/// <summary>Decides what a sign-in attempt means for an account; pure, so lockout is unit-tested without a database.</summary>
public static class SignInDecider
{
    public static (SignInOutcome Outcome, IReadOnlyList<object> Events) Decide(
        Account account, bool passwordMatches, Instant now, LockoutOptions options, string? remoteAddress)
    {
        var self = new Actor(account.Id, account.UserName, account.Role, account.AuthorityCode, account.OrganizationId);
        if (account.Disabled) return (SignInOutcome.Disabled, []);
        if (account.IsLockedAt(now)) return (SignInOutcome.LockedOut, []);
        if (passwordMatches) return (SignInOutcome.Succeeded, [new AccountSignedIn(account.Id, now, remoteAddress, self)]);

        // An expired lock starts a fresh count.
        var failures = (account.LockedUntil is not null ? 0 : account.ConsecutiveFailures) + 1;
        var failed = new AccountSignInFailed(account.Id, failures, now, remoteAddress, Actor.Anonymous("sign-in"));
        if (failures < options.MaxFailures) return (SignInOutcome.WrongPassword, [failed]);
        return (SignInOutcome.LockedOut, [failed, new AccountLockedOut(account.Id, now + options.LockDuration, failures, Actor.System)]);
    }
}
