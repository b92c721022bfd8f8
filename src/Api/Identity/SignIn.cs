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
using Microsoft.AspNetCore.RateLimiting;
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
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Cookie sign-in for the SPA. An unknown user name and a wrong password answer alike; repeated failures per user
    /// name (and per client) are throttled with 429 and Retry-After instead of locking the account.
    /// </summary>
    [AllowAnonymous, SelfService]
    [EnableRateLimiting(RateLimitPolicies.SignIn)]
    [WolverinePost("/api/auth/sign-in", OperationId = "signIn", Summary = "登录")]
    [ProducesResponseType<MeResponse>(200)]
    public static async Task<IResult> Post(SignInRequest request, HttpContext http, IDocumentSession session, IClock clock,
        PolicyCatalog catalog, SignInThrottle throttle, IOrganizationNames organizations)
    {
        var name = request.UserName.Trim();
        var client = RateLimiting.ClientKey(http);
        if (throttle.RetryAfter(name, client) is { } wait)
        {
            await RateLimiting.WriteTooManyRequests(http, wait);
            return Results.Empty;
        }
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.UserName == name);
        // The same effort for an unknown user name, so response time does not reveal which names exist either.
        var matches = Passwords.Verify(account?.PasswordHash ?? DummyHash, request.Password) && account is not null;
        var (outcome, events) = SignInDecider.Decide(account, matches, clock.GetCurrentInstant(), http.Connection.RemoteIpAddress?.ToString());
        if (events.Count > 0)
        {
            session.Events.Append(account!.Id, events.ToArray());
            await session.SaveChangesAsync();
        }

        switch (outcome)
        {
            case SignInOutcome.WrongCredentials:
                throttle.Failed(name, client);
                return Unauthorized("用户名或密码错误。", "invalid-credentials");
            case SignInOutcome.Disabled:
                return Unauthorized("该账号已停用，请联系管理员。", "account-disabled");
        }

        var principal = ClaimsFactory.ForAccount(account!, AuthSchemes.Cookie);
        await http.SignInAsync(AuthSchemes.Cookie, principal);
        return Results.Ok(await MeEndpoint.Describe(CurrentUser.From(principal), catalog, organizations));
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
