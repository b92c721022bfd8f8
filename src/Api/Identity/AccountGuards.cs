using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Identity;

/// <summary>
/// Who may see and manage accounts: administrators manage (create, edit, disable, enable, reset a password), auditors read;
/// nobody else sees another's account (404). One's own account is read and its password changed through the self-service
/// endpoints; an administrator never disables its own account (403 with <see cref="NotOneself"/>: the button does not show).
/// </summary>
public static class AccountGuards
{
    public const string Create = "createAccount";
    public const string Edit = "editAccount";
    public const string Disable = "disableAccount";
    public const string Enable = "enableAccount";
    public const string ResetPassword = "resetPassword";

    private const string OnlyAdministrator = "只有系统管理员可以管理账号。";

    /// <summary>The 403 detail for an administrator disabling its own account: another administrator must (全程留痕).</summary>
    public const string NotOneself = "不能停用自己的账号，须由其他系统管理员停用。";

    public static readonly GuardTable<Account> Table =
        new GuardTable<Account>("账号", (_, c) => c.User.Role is Roles.Administrator or Roles.Auditor)
            .Creation(Create, IsAdministrator, OnlyAdministrator)
            .Operation(Edit, (_, c) => IsAdministrator(c), OnlyAdministrator)
            .Operation(Disable, (a, c) => IsAdministrator(c) && !IsOneself(a, c),
                (a, c) => IsAdministrator(c) && IsOneself(a, c) ? NotOneself : OnlyAdministrator, (a, _) => !a.Disabled)
            .Operation(Enable, (_, c) => IsAdministrator(c), OnlyAdministrator, (a, _) => a.Disabled)
            .Operation(ResetPassword, (_, c) => IsAdministrator(c), OnlyAdministrator);

    private static bool IsAdministrator(AccessContext c) => c.User.Role == Roles.Administrator;

    private static bool IsOneself(Account a, AccessContext c) => a.Id == c.User.Id;
}
