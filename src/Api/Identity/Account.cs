using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Api.Identity;

public sealed record AccountCreated(
    Guid AccountId, string UserName, string DisplayName, string Role, string? AuthorityCode, Guid? OrganizationId,
    string PasswordHash, Instant CreatedAt, Actor By);

public sealed record AccountPasswordChanged(Guid AccountId, string PasswordHash, bool ByAdministrator, Actor By);

public sealed record AccountSignedIn(Guid AccountId, Instant At, string? RemoteAddress, Actor By);

public sealed record AccountSignInFailed(Guid AccountId, int ConsecutiveFailures, Instant At, string? RemoteAddress, Actor By);

public sealed record AccountLockedOut(Guid AccountId, Instant Until, int ConsecutiveFailures, Actor By);

public sealed record AccountUnlocked(Guid AccountId, string Reason, Actor By);

public sealed record AccountDisabled(Guid AccountId, string Reason, Actor By);

public sealed record AccountEnabled(Guid AccountId, string Reason, Actor By);

/// <summary>A user account. Stream per account; the snapshot is projected inline so sign-in reads its own writes.</summary>
public sealed record Account(
    Guid Id,
    int Version,
    string UserName,
    string DisplayName,
    string Role,
    string? AuthorityCode,
    Guid? OrganizationId,
    string PasswordHash,
    bool Disabled,
    int ConsecutiveFailures,
    Instant? LockedUntil,
    Instant CreatedAt,
    Instant? LastSignInAt,
    /// <summary>Changes whenever existing sessions must end (password change, disable): cookies carry it.</summary>
    int SecurityStamp)
{
    public static Account Create(AccountCreated e) => new(
        e.AccountId, 1, e.UserName, e.DisplayName, e.Role, e.AuthorityCode, e.OrganizationId, e.PasswordHash,
        false, 0, null, e.CreatedAt, null, 1);

    public Account Apply(AccountPasswordChanged e) => this with { PasswordHash = e.PasswordHash, SecurityStamp = SecurityStamp + 1 };
    public Account Apply(AccountSignedIn e) => this with { ConsecutiveFailures = 0, LockedUntil = null, LastSignInAt = e.At };
    public Account Apply(AccountSignInFailed e) => this with { ConsecutiveFailures = e.ConsecutiveFailures };
    public Account Apply(AccountLockedOut e) => this with { LockedUntil = e.Until, ConsecutiveFailures = e.ConsecutiveFailures };
    public Account Apply(AccountUnlocked e) => this with { LockedUntil = null, ConsecutiveFailures = 0 };
    public Account Apply(AccountDisabled e) => this with { Disabled = true, SecurityStamp = SecurityStamp + 1 };
    public Account Apply(AccountEnabled e) => this with { Disabled = false };

    public bool IsLockedAt(Instant now) => LockedUntil is { } until && until > now;
}

public sealed record AccountView(
    Guid Id, long Version, string UserName, string DisplayName, string Role, string RoleName, string? AuthorityCode,
    Guid? OrganizationId, bool Disabled, Instant? LockedUntil, Instant CreatedAt, Instant? LastSignInAt)
{
    public static AccountView From(Account a) => new(a.Id, a.Version, a.UserName, a.DisplayName, a.Role, Roles.DisplayName(a.Role),
        a.AuthorityCode, a.OrganizationId, a.Disabled, a.LockedUntil, a.CreatedAt, a.LastSignInAt);
}
