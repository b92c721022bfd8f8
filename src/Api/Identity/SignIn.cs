using System.Security.Claims;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Api.Identity;

public sealed record SignInRequest(string UserName, string Password);

public sealed record AuthorityRef(string Code, string Name, string Level);

public sealed record MeResponse(
    Guid Id, string UserName, string DisplayName, string Role, string RoleName,
    AuthorityRef? Authority, Guid? OrganizationId, IReadOnlyList<string> Scopes);

public static class SignInEndpoint
{
    public static ProblemDetails Validate(SignInRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["请输入用户名。"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请输入密码。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>Cookie sign-in for the SPA. Repeated failures lock the account for a while.</summary>
    [AllowAnonymous]
    [WolverinePost("/api/auth/sign-in", OperationId = "signIn")]
    [ProducesResponseType<MeResponse>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(401)]
    public static async Task<IResult> Post(SignInRequest request, HttpContext http, IDocumentSession session, IClock clock,
        PolicyCatalog catalog, LockoutOptions lockout)
    {
        var name = request.UserName.Trim();
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.UserName == name);
        if (account is null)
        {
            // Spend the same effort as a real check so response time does not reveal which user names exist.
            Passwords.Verify(DummyHash, request.Password);
            return Unauthorized("用户名或密码错误。", "invalid-credentials");
        }

        var now = clock.GetCurrentInstant();
        var (outcome, events) = SignInDecider.Decide(account, Passwords.Verify(account.PasswordHash, request.Password), now, lockout,
            http.Connection.RemoteIpAddress?.ToString());
        if (events.Count > 0) session.Events.Append(account.Id, events.ToArray());
        await session.SaveChangesAsync();

        switch (outcome)
        {
            case SignInOutcome.Disabled:
                return Unauthorized("该账号已停用，请联系管理员。", "account-disabled");
            case SignInOutcome.LockedOut:
                var until = events.OfType<AccountLockedOut>().FirstOrDefault()?.Until ?? account.LockedUntil!.Value;
                return Unauthorized($"连续登录失败次数过多，账号已锁定至{until.InZone(SharedKernel.ChinaTime.Zone):yyyy-MM-dd HH:mm}。", "account-locked");
            case SignInOutcome.WrongPassword:
                return Unauthorized("用户名或密码错误。", "invalid-credentials");
        }

        var principal = ClaimsFactory.ForAccount(account, AuthSchemes.Cookie);
        await http.SignInAsync(AuthSchemes.Cookie, principal);
        return Results.Ok(MeEndpoint.Describe(CurrentUser.From(principal), catalog));
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
    [AllowAnonymous]
    [WolverinePost("/api/auth/sign-out", OperationId = "signOut")]
    [ProducesResponseType(204)]
    public static async Task<IResult> Post(HttpContext http)
    {
        await http.SignOutAsync(AuthSchemes.Cookie);
        return Results.NoContent();
    }
}

public static class MeEndpoint
{
    /// <summary>Who the caller is (cookie or API key).</summary>
    [Authorize]
    [WolverineGet("/api/auth/me", OperationId = "me")]
    [ProducesResponseType<ProblemDetails>(401)]
    public static MeResponse Get(ClaimsPrincipal principal, PolicyCatalog catalog) => Describe(CurrentUser.From(principal), catalog);

    public static MeResponse Describe(CurrentUser user, PolicyCatalog catalog)
    {
        var authority = user.AuthorityCode is { } code && catalog.FindAuthority(code) is { } a ? new AuthorityRef(a.Code, a.Name, a.Level) : null;
        return new MeResponse(user.Id, user.UserName, user.DisplayName, user.Role, Roles.DisplayName(user.Role), authority,
            user.OrganizationId, user.Scopes);
    }
}
