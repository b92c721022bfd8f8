using System.Security.Claims;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Assessment.Api.Infrastructure;
using Assessment.SharedKernel.Http;
using Wolverine;
using Wolverine.Http;

namespace Assessment.Api.Identity;

public sealed record SignInRequest(string UserName, string Password);

public sealed record AuthorityRef(string Code, string Name, string Level);

public sealed record MeResponse(
    Guid Id, string UserName, string DisplayName, string Role, string RoleName,
    AuthorityRef? Authority, Guid? OrganizationId, string? OrganizationName, IReadOnlyList<string> Scopes);

/// <summary>Whether the browser is signed in, and as whom: answered to everyone, so public pages ask without an error.</summary>
public sealed record SessionView(bool SignedIn, MeResponse? User);

public static class SignInEndpoint
{
    public static ProblemDetails Validate(SignInRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名。"];
        // no account has a longer name; the throttle keeps names in memory, so a megabyte of one is refused here
        else if (request.UserName.Length > 100) errors["userName"] = ["用户名不超过100个字符。"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Cookie sign-in for the SPA. An unknown user name and a wrong password answer alike and take the same work: one query,
    /// one hash check (against a dummy hash for an unknown name), one queued message. Guessing is slowed by the
    /// <see cref="SignInThrottle"/> (429 with the real wait in Retry-After), never turned into a lock; the failure is
    /// recorded on the account by <see cref="SignInFailureObservedHandler"/>, for its owner and administrators to see.
    /// </summary>
    [AllowAnonymous, SelfService]
    [WolverinePost("/api/auth/sign-in", OperationId = "signIn", Summary = "登录")]
    [ProducesResponseType<MeResponse>(200), ProducesResponseType<ProblemDetails>(429)]
    public static async Task<IResult> Post(SignInRequest request, HttpContext http, IDocumentSession session, IMessageBus bus, IClock clock,
        PolicyCatalog catalog, SignInThrottle throttle, IOrganizationNames organizations)
    {
        var name = request.UserName.Trim();
        var client = RateLimiting.ClientKey(http);
        if (!throttle.TryBegin(name, client, out var wait))
        {
            await RateLimiting.WriteTooManyRequests(http, wait);
            return Results.Empty;
        }
        var failed = false;
        try
        {
            var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.UserName == name);
            var matches = Passwords.Verify(account?.PasswordHash ?? DummyHash, request.Password) && account is not null;
            var now = clock.GetCurrentInstant();
            var (outcome, events) = SignInDecider.Decide(account, matches, now, http.Connection.RemoteIpAddress?.ToString());
            if (outcome == SignInOutcome.WrongCredentials)
            {
                failed = true;
                await bus.PublishAsync(new SignInFailureObserved(name, now, http.Connection.RemoteIpAddress?.ToString()));
                await session.SaveChangesAsync();
                return Unauthorized("用户名或密码错误。", "invalid-credentials");
            }
            if (outcome == SignInOutcome.Disabled) return Unauthorized("该账号已停用，请联系管理员。", "account-disabled");

            session.Events.Append(account!.Id, events.ToArray());
            await session.SaveChangesAsync();
            var principal = ClaimsFactory.ForAccount(account, AuthSchemes.Cookie);
            await http.SignInAsync(AuthSchemes.Cookie, principal);
            return Results.Ok(await MeEndpoint.Describe(CurrentUser.From(principal), catalog, organizations));
        }
        finally
        {
            throttle.End(name, client, failed);
        }
    }

    private static readonly string DummyHash = Passwords.Hash("dummy-password-for-timing");

    private static IResult Unauthorized(string detail, string code) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Type = Problems.TypeBase + code,
        Title = "登录失败",
        Detail = detail,
        Extensions = { ["code"] = code },
    });
}

public static class SignOutEndpoint
{
    /// <summary>Ends the session on the server: the cookie is worthless afterwards, also where a copy of it was kept.</summary>
    [AllowAnonymous, SelfService]
    [WolverinePost("/api/auth/sign-out", OperationId = "signOut", Summary = "退出登录")]
    [ProducesResponseType(204)]
    public static async Task<IResult> Post(HttpContext http)
    {
        await http.SignOutAsync(AuthSchemes.Cookie);
        return Results.NoContent();
    }
}

public static class MeEndpoint
{
    /// <summary>Get who the caller is (cookie or API key).</summary>
    [Authorize]
    [WolverineGet("/api/auth/me", OperationId = "me", Summary = "查看当前调用者")]
    public static Task<MeResponse> Get(ClaimsPrincipal principal, PolicyCatalog catalog, IOrganizationNames organizations) =>
        Describe(CurrentUser.From(principal), catalog, organizations);

    /// <summary>Get the browser's session: signed in or not, and as whom.</summary>
    /// <remarks>Never 401: public pages ask this on every load.</remarks>
    [AllowAnonymous]
    [WolverineGet("/api/auth/session", OperationId = "getSession", Summary = "查看浏览器会话")]
    public static async Task<SessionView> Session(ClaimsPrincipal principal, PolicyCatalog catalog, IOrganizationNames organizations)
    {
        var user = CurrentUser.From(principal);
        return user.IsAuthenticated ? new SessionView(true, await Describe(user, catalog, organizations)) : new SessionView(false, null);
    }

    public static async Task<MeResponse> Describe(CurrentUser user, PolicyCatalog catalog, IOrganizationNames organizations)
    {
        var authority = user.AuthorityCode is { } code && catalog.FindAuthority(code) is { } a ? new AuthorityRef(a.Code, a.Name, a.Level) : null;
        var organization = user.OrganizationId is { } org ? (await organizations.NamesAsync([org])).GetValueOrDefault(org) : null;
        return new MeResponse(user.Id, user.UserName, user.DisplayName, user.Role, Roles.DisplayName(user.Role), authority,
            user.OrganizationId, organization, user.Scopes);
    }
}
