using System.Security.Claims;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Api.Identity;

/// <summary>A wrong password or unknown user name, queued by the sign-in so both answers cost the caller the same.</summary>
public sealed record SignInFailureObserved(string UserName, Instant At, string? RemoteAddress);

public static class SignInFailureObservedHandler
{
    /// <summary>Records the failure on the account it names; an unknown user name has no account to record it on.</summary>
    public static async Task Handle(SignInFailureObserved message, IDocumentSession session)
    {
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.UserName == message.UserName);
        if (account is not null) session.Events.Append(account.Id, SignInDecider.Failed(account, message.At, message.RemoteAddress));
    }
}

/// <summary>One failed sign-in: when, and from which address.</summary>
public sealed record SignInFailureEntry(Instant At, string? RemoteAddress);

/// <summary>
/// The failed sign-ins on an account: how many are on record, the newest 50, how many came since its last successful
/// sign-in, and when that was.
/// </summary>
public sealed record SignInFailureList(int Total, int SinceLastSignIn, Instant? LastSignInAt, IReadOnlyList<SignInFailureEntry> Items);

public static class SignInFailureEndpoints
{
    private const int Listed = 50;

    /// <summary>A signed-in user sees the failed sign-ins on its own account, so it notices someone guessing its password.</summary>
    [Authorize(AuthenticationSchemes = AuthSchemes.Cookie), Infrastructure.SelfService]
    [WolverineGet("/api/auth/sign-in-failures", OperationId = "listOwnSignInFailures", Summary = "查看本人近期登录失败记录")]
    [ProducesResponseType<SignInFailureList>(200)]
    public static async Task<IResult> Own(ClaimsPrincipal principal, IQuerySession session) =>
        await Describe(CurrentUser.From(principal).Id, session) is { } list ? Results.Ok(list) : Results.Problem(Problems.NotFound("账号"));

    /// <summary>Administrators and auditors see the failed sign-ins on any account.</summary>
    [Authorize(Roles = Roles.Administrator + "," + Roles.Auditor)]
    [WolverineGet("/api/admin/accounts/{accountId}/sign-in-failures", OperationId = "listAccountSignInFailures", Summary = "查看账号近期登录失败记录")]
    [ProducesResponseType<SignInFailureList>(200)]
    public static async Task<IResult> ForAccount(Guid accountId, IQuerySession session) =>
        await Describe(accountId, session) is { } list ? Results.Ok(list) : Results.Problem(Problems.NotFound<Account>());

    private static async Task<SignInFailureList?> Describe(Guid accountId, IQuerySession session)
    {
        if (await session.LoadAsync<Account>(accountId) is not { } account) return null;
        var failures = session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == accountId && e.EventTypesAre(typeof(AccountSignInFailed)));
        var total = await failures.CountAsync();
        var newest = await failures.OrderByDescending(e => e.Sequence).Take(Listed).ToListAsync();
        var items = newest.Select(e => (AccountSignInFailed)e.Data).Select(f => new SignInFailureEntry(f.At, f.RemoteAddress)).ToList();
        return new SignInFailureList(total, account.ConsecutiveFailures, account.LastSignInAt, items);
    }
}
