using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;

namespace Assessment.Api.Identity;

/// <summary>
/// Who may see and manage accounts: administrators manage (create, disable, enable, reset a password), auditors read; nobody
/// else sees another's account (404). One's own account is read and its password changed through the self-service endpoints.
/// </summary>
public static class AccountGuards
{
    public const string Create = "createAccount";
    public const string Disable = "disableAccount";
    public const string Enable = "enableAccount";
    public const string ResetPassword = "resetPassword";

    private const string OnlyAdministrator = "只有系统管理员可以管理账号。";

    public static readonly GuardTable<Account> Table =
        new GuardTable<Account>("账号", (_, c) => c.User.Role is Roles.Administrator or Roles.Auditor)
            .Creation(Create, IsAdministrator, OnlyAdministrator)
            // one's own account is never disabled by oneself (the decider says why; the button does not show)
            .Operation(Disable, (_, c) => IsAdministrator(c), OnlyAdministrator, (a, c) => !a.Disabled && a.Id != c.User.Id)
            .Operation(Enable, (_, c) => IsAdministrator(c), OnlyAdministrator, (a, _) => a.Disabled)
            .Operation(ResetPassword, (_, c) => IsAdministrator(c), OnlyAdministrator);

    private static bool IsAdministrator(AccessContext c) => c.User.Role == Roles.Administrator;
}
