using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;

namespace Assessment.Api.Identity;

/// <summary>An administrator's decisions on an account. Pure: state, decision and actor in; the event out.</summary>
public static class AccountDecider
{
    public static AccountDisabled Disable(Account account, AccountDecision decision, Actor by)
    {
        if (account.Id == by.UserId)
            throw new BusinessRuleException(new RuleViolation("AUTH", "account.cannot-disable-self", AccountGuards.NotOneself));
        if (account.Disabled)
            throw new BusinessRuleException(new RuleViolation("AUTH", "account.already-disabled", "该账号已停用。"));
        return new AccountDisabled(account.Id, decision.Reason.Trim(), by);
    }

    public static AccountEnabled Enable(Account account, AccountDecision decision, Actor by) =>
        account.Disabled
            ? new AccountEnabled(account.Id, decision.Reason.Trim(), by)
            : throw new BusinessRuleException(new RuleViolation("AUTH", "account.not-disabled", "该账号未停用。"));

    /// <summary>
    /// The name and, for a role bound to an authority, the authority (the fields were validated against the account's role).
    /// The role, user name and organization stay: another role is another account.
    /// </summary>
    public static AccountEdited Edit(Account account, EditAccount edit, Actor by)
    {
        var name = edit.DisplayName.Trim();
        var authority = Roles.NeedsAuthority(account.Role) ? edit.AuthorityCode : account.AuthorityCode;
        if (name == account.DisplayName && authority == account.AuthorityCode)
            throw new BusinessRuleException(new RuleViolation("AUTH", "account.unchanged", "姓名和主管部门均未修改。"));
        return new AccountEdited(account.Id, name, authority, edit.Reason.Trim(), by);
    }

    /// <summary>
    /// A temporary password set by an administrator (the hash computed by the endpoint); the account's sessions end. The product has
    /// no forced change at sign-in: the account shows 临时密码 until its owner changes it under 账号安全.
    /// </summary>
    public static AccountPasswordReset ResetPassword(Account account, string passwordHash, string reason, Actor by) =>
        new(account.Id, passwordHash, reason.Trim(), by);
}
