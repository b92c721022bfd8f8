using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Api.Identity;

/// <summary>An administrator corrects an account's name and, for a reviewer, expert or inspector, its authority.</summary>
public sealed record EditAccount(long Version, string DisplayName, string? AuthorityCode, string Reason);

public static class EditAccountEndpoint
{
    public static ProblemDetails Before(Account account, AccessContext caller) => AccountGuards.Table.Check(AccountGuards.Edit, account, caller);

    /// <summary>The fields as <see cref="CreateAccountEndpoint.Validate"/> judges them, for the account's role.</summary>
    public static ProblemDetails Validate(EditAccount command, Account account, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.DisplayName) || command.DisplayName.Trim().Length > 50)
            errors["displayName"] = ["姓名不能为空且不超过50个字符。"];
        if (Roles.NeedsAuthority(account.Role))
        {
            if (command.AuthorityCode is null || catalog.FindAuthority(command.AuthorityCode) is null)
                errors["authorityCode"] = ["该角色必须绑定一个已配置的主管部门。"];
        }
        else if (command.AuthorityCode is not null && command.AuthorityCode != account.AuthorityCode)
            errors["authorityCode"] = [$"{Roles.DisplayName(account.Role)}不绑定主管部门。"];
        if (AccountDecisionChecks.Reason(command.Reason) is { } reason) errors["reason"] = [reason];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>Edit an account's name (and authority where its role has one); a new authority ends the account's sessions.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/accounts/{accountId}/edit", OperationId = AccountGuards.Edit, Summary = "修改账号信息")]
    [EmptyResponse]
    public static Events Post(EditAccount command, [Aggregate("accountId")] Account account, Actor by) =>
        [AccountDecider.Edit(account, command, by)];
}

/// <summary>A temporary password an administrator sets, the version it saw and why.</summary>
public sealed record ResetPassword(long Version, string NewPassword, string Reason);

public static class ResetPasswordEndpoint
{
    public static ProblemDetails Before(Account account, AccessContext caller)
        => AccountGuards.Table.Check(AccountGuards.ResetPassword, account, caller);

    public static ProblemDetails Validate(ResetPassword request)
    {
        var errors = new Dictionary<string, string[]>();
        if (Passwords.Check(request.NewPassword) is { } password) errors["newPassword"] = [password];
        if (AccountDecisionChecks.Reason(request.Reason) is { } reason) errors["reason"] = [reason];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>Set a temporary password: the old one stops working and the account's sessions end.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/accounts/{accountId}/password", OperationId = AccountGuards.ResetPassword, Summary = "重置账号密码")]
    [EmptyResponse]
    public static Events Post(ResetPassword request, [Aggregate("accountId")] Account account, Actor by) =>
        [AccountDecider.ResetPassword(account, Passwords.Hash(request.NewPassword), request.Reason, by)];
}
