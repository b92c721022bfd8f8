using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel;
using System.Text.RegularExpressions;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Api.Identity;

public sealed record CreateAccount(
    string UserName, string DisplayName, string Role, string? AuthorityCode, Guid? OrganizationId, string Password);

public static partial class CreateAccountEndpoint
{
    public static ProblemDetails Before(AccessContext caller) => AccountGuards.Table.CheckCreation(AccountGuards.Create, caller);

    public static ProblemDetails Validate(CreateAccount command, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.UserName) || !UserNamePattern().IsMatch(command.UserName))
            errors["userName"] = ["用户名应为3至40位字母、数字、点、下划线或连字符。"];
        if (string.IsNullOrWhiteSpace(command.DisplayName) || command.DisplayName.Length > 50)
            errors["displayName"] = ["姓名不能为空且不超过50个字符。"];
        if (!Roles.Assignable.Contains(command.Role))
            errors["role"] = [$"角色无效，应为：{string.Join("、", Roles.Assignable)}。"];
        else if (Roles.NeedsAuthority(command.Role))
        {
            if (command.AuthorityCode is null || catalog.FindAuthority(command.AuthorityCode) is null)
                errors["authorityCode"] = ["该角色必须绑定一个已配置的主管部门。"];
            if (command.OrganizationId is not null) errors["organizationId"] = ["该角色不能绑定评价机构。"];
        }
        else if (command.Role == Roles.Organization)
        {
            if (command.AuthorityCode is not null) errors["authorityCode"] = ["机构用户不绑定主管部门。"];
        }
        else if (command.AuthorityCode is not null || command.OrganizationId is not null)
            errors["role"] = ["审计人员和系统管理员不绑定主管部门或机构。"];
        if (Passwords.Check(command.Password) is { } p) errors["password"] = [p];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    public static async Task<UserNameInUse> LoadAsync(CreateAccount command, IQuerySession session)
    {
        var userName = command.UserName.Trim().ToLowerInvariant();
        return new UserNameInUse(await session.Query<Account>().AnyAsync(a => a.UserName == userName));
    }

    /// <summary>An administrator creates an account. An organization user without an organization id gets a new one to register.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/accounts", OperationId = AccountGuards.Create, Summary = "新建账号")]
    public static (CreationResponse<Guid>, IStartStream) Post(CreateAccount command, UserNameInUse inUse, Instant now, Actor by)
    {
        var userName = command.UserName.Trim().ToLowerInvariant();
        // the unique index on the user name is the guarantee; this answers the common case with the name in the message
        if (inUse.Taken) throw new ConflictException($"用户名“{userName}”已存在。", Account.UserNameTaken);
        var id = Guid.CreateVersion7();
        Guid? org = command.Role == Roles.Organization ? command.OrganizationId ?? Guid.CreateVersion7() : null;
        var created = new AccountCreated(id, userName, command.DisplayName.Trim(), command.Role, command.AuthorityCode, org,
            Passwords.Hash(command.Password), now, by);
        return (new CreationResponse<Guid>($"/api/admin/accounts/{id}", id), MartenOps.StartStream<Account>(id, created));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{3,40}$")]
    private static partial Regex UserNamePattern();
}

/// <summary>A page of accounts, with what the caller may start from the list (<see cref="AccountGuards.Create"/>).</summary>
public sealed record AccountList(IReadOnlyList<AccountView> Items, long Total, int Page, int PageSize, IReadOnlyList<string> Actions);

public static class QueryAccountsEndpoint
{
    /// <summary>List accounts, with the names of the authorities and organizations they act for.</summary>
    [Authorize(Roles = Roles.Administrator + "," + Roles.Auditor)]
    [WolverineGet("/api/admin/accounts", OperationId = "listAccounts", Summary = "查询账号")]
    public static async Task<AccountList> List(IQuerySession session, PolicyCatalog catalog, IOrganizationNames organizations, AccessContext caller,
        string? role, string? q, int? page, int? pageSize)
    {
        IQueryable<Account> query = session.Query<Account>();
        if (!string.IsNullOrWhiteSpace(role)) query = query.Where(a => a.Role == role);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.UserName.Contains(q) || a.DisplayName.Contains(q));
        var accounts = await Paging.From(page, pageSize).Of(query.OrderBy(a => a.UserName), a => a);
        var names = await organizations.NamesAsync(
            accounts.Items.Where(a => a.OrganizationId is not null).Select(a => a.OrganizationId!.Value).ToList());
        return new AccountList(accounts.Items.Select(a => AccountView.From(a, catalog, names, caller)).ToList(), accounts.Total, accounts.Page,
            accounts.PageSize, AccountGuards.Table.CreationActions(caller));
    }

    [Authorize(Roles = Roles.Administrator + "," + Roles.Auditor)]
    [WolverineGet("/api/admin/accounts/{accountId}", OperationId = "getAccount", Summary = "查看账号")]
    [ProducesResponseType<AccountView>(200)]
    public static async Task<IResult> Get(Guid accountId, IQuerySession session, PolicyCatalog catalog, IOrganizationNames organizations,
        AccessContext caller)
    {
        var a = await session.LoadAsync<Account>(accountId);
        if (AccountGuards.Table.IsHidden(a, caller, out var hidden)) return hidden;
        var names = a.OrganizationId is { } org ? await organizations.NamesAsync([org]) : new Dictionary<Guid, string>();
        return Results.Ok(AccountView.From(a, catalog, names, caller));
    }
}

/// <summary>An administrator decision on an account: the version it saw and the reason.</summary>
public sealed record AccountDecision(long Version, string Reason);

public static class DisableAccountEndpoint
{
    public static ProblemDetails Before(Account account, AccessContext caller) => AccountGuards.Table.Check(AccountGuards.Disable, account, caller);

    public static ProblemDetails Validate(AccountDecision decision) => AccountDecisionChecks.Check(decision);

    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/accounts/{accountId}/disable", OperationId = AccountGuards.Disable, Summary = "停用账号")]
    [EmptyResponse]
    public static Events Post(AccountDecision decision, [Aggregate("accountId")] Account account, Actor by) =>
        [AccountDecider.Disable(account, decision, by)];
}

public static class EnableAccountEndpoint
{
    public static ProblemDetails Before(Account account, AccessContext caller) => AccountGuards.Table.Check(AccountGuards.Enable, account, caller);

    public static ProblemDetails Validate(AccountDecision decision) => AccountDecisionChecks.Check(decision);

    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/accounts/{accountId}/enable", OperationId = AccountGuards.Enable, Summary = "启用账号")]
    [EmptyResponse]
    public static Events Post(AccountDecision decision, [Aggregate("accountId")] Account account, Actor by) =>
        [AccountDecider.Enable(account, decision, by)];
}

internal static class AccountDecisionChecks
{
    public static ProblemDetails Check(AccountDecision decision) => Reason(decision.Reason) is { } problem
        ? Problems.Validation("reason", problem)
        : WolverineContinue.NoProblems;

    /// <summary>Null when a decision's reason is acceptable; otherwise the Chinese explanation.</summary>
    public static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) || reason.Length > 500 ? "请填写原因（不超过500字）。" : null;
}

/// <summary>Whether an account already has the user name a new account asks for.</summary>
public sealed record UserNameInUse(bool Taken);
