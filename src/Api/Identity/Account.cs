using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Api.Identity;

public sealed record AccountCreated(
    Guid AccountId, string UserName, string DisplayName, string Role, string? AuthorityCode, Guid? OrganizationId,
    string PasswordHash, Instant CreatedAt, Actor By);

public sealed record AccountPasswordChanged(Guid AccountId, string PasswordHash, bool ByAdministrator, Actor By);

public sealed record AccountSignedIn(Guid AccountId, Instant At, string? RemoteAddress, Actor By);

public sealed record AccountSignInFailed(Guid AccountId, int ConsecutiveFailures, Instant At, string? RemoteAddress, Actor By);

/// <summary>Written by earlier versions, which locked an account after repeated failures; kept so old streams replay.</summary>
public sealed record AccountLockedOut(Guid AccountId, Instant Until, int ConsecutiveFailures, Actor By);

/// <summary>Written by earlier versions (an administrator lifting a lock); kept so old streams replay.</summary>
public sealed record AccountUnlocked(Guid AccountId, string Reason, Actor By);

public sealed record AccountDisabled(Guid AccountId, string Reason, Actor By);

public sealed record AccountEnabled(Guid AccountId, string Reason, Actor By);

/// <summary>An administrator corrected the name and (for an authority-bound role) the authority; a new authority ends sessions.</summary>
public sealed record AccountEdited(Guid AccountId, string DisplayName, string? AuthorityCode, string Reason, Actor By);

/// <summary>An administrator set a temporary password (the owner should change it under 账号安全); sessions end.</summary>
public sealed record AccountPasswordReset(Guid AccountId, string PasswordHash, string Reason, Actor By);

/// <summary>A user account. Stream per account; the snapshot is projected inline so sign-in reads its own writes.</summary>
[System.ComponentModel.DisplayName("账号")]
public sealed class Account
{
    /// <summary>One account per user name, decided by the database: the loser of a race answers as a sequential duplicate does.</summary>
    public static readonly string UserNameIndex = SharedKernel.Problems.UniqueKeys.Index("mt_doc_account_uidx_user_name", "该用户名已存在。", UserNameTaken);

    public const string UserNameTaken = "account.user-name-taken";

    public Guid Id { get; set; }
    /// <summary>
    /// The stream version, sent back by clients (stale → 409). Marten 9.58 fills a snapshot's version only when the
    /// member is a long marked [Version]; the naming convention alone leaves it 0.
    /// </summary>
    [Marten.Schema.Version]
    public long Version { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public string? AuthorityCode { get; set; }
    public Guid? OrganizationId { get; set; }
    public string PasswordHash { get; set; } = "";
    public bool Disabled { get; set; }
    public int ConsecutiveFailures { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? LastSignInAt { get; set; }
    /// <summary>Changes whenever existing sessions must end (password change, disable): cookies carry it.</summary>
    public int SecurityStamp { get; set; }
    /// <summary>The password was set by an administrator and its owner has not changed it since (no forced change at sign-in).</summary>
    public bool TemporaryPassword { get; set; }

    public static Account Create(AccountCreated e) => new()
    {
        Id = e.AccountId, UserName = e.UserName, DisplayName = e.DisplayName, Role = e.Role, AuthorityCode = e.AuthorityCode,
        OrganizationId = e.OrganizationId, PasswordHash = e.PasswordHash, CreatedAt = e.CreatedAt, SecurityStamp = 1,
    };

    public void Apply(AccountPasswordChanged e) { PasswordHash = e.PasswordHash; TemporaryPassword = e.ByAdministrator; SecurityStamp++; }
    public void Apply(AccountPasswordReset e) { PasswordHash = e.PasswordHash; TemporaryPassword = true; SecurityStamp++; }

    public void Apply(AccountEdited e)
    {
        if (e.AuthorityCode != AuthorityCode) SecurityStamp++;
        (DisplayName, AuthorityCode) = (e.DisplayName, e.AuthorityCode);
    }

    public void Apply(AccountSignedIn e) { ConsecutiveFailures = 0; LastSignInAt = e.At; }
    public void Apply(AccountSignInFailed e) => ConsecutiveFailures = e.ConsecutiveFailures;
    public void Apply(AccountLockedOut e) => ConsecutiveFailures = e.ConsecutiveFailures;
    public void Apply(AccountUnlocked e) => ConsecutiveFailures = 0;
    public void Apply(AccountDisabled e) { Disabled = true; SecurityStamp++; }
    public void Apply(AccountEnabled e) => Disabled = false;
}

/// <summary>An account as administrators and auditors see it: names of its role, authority and organization, not codes.</summary>
public sealed record AccountView(
    Guid Id, long Version, string UserName, string DisplayName, string Role, string RoleName, string? AuthorityCode, string? AuthorityName,
    Guid? OrganizationId, string? OrganizationName, bool Disabled, bool TemporaryPassword, Instant CreatedAt, Instant? LastSignInAt,
    IReadOnlyList<string> Actions)
{
    public static AccountView From(Account a, SharedKernel.Policies.PolicyCatalog catalog, IReadOnlyDictionary<Guid, string> organizationNames,
        SharedKernel.Access.AccessContext caller) =>
        new(a.Id, a.Version, a.UserName, a.DisplayName, a.Role, Roles.DisplayName(a.Role), a.AuthorityCode,
            a.AuthorityCode is null ? null : catalog.FindAuthority(a.AuthorityCode)?.Name, a.OrganizationId,
            a.OrganizationId is { } org ? organizationNames.GetValueOrDefault(org, "尚未登记的机构") : null, a.Disabled, a.TemporaryPassword, a.CreatedAt,
            a.LastSignInAt,
            AccountGuards.Table.Actions(a, caller));
}
