using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Assessment.Api.Identity;

public static class AuthSchemes
{
    public const string Smart = "cookie-or-api-key";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ApiKey = "ApiKey";
}

public static class AuthSetup
{
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<MartenTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie).Configure<MartenTicketStore>((o, store) => o.SessionStore = store);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.Smart;
                o.DefaultChallengeScheme = AuthSchemes.Smart;
            })
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie (SPA) or API key (third-party systems)", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(ApiKeys.Header) ? AuthSchemes.ApiKey : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = "assessment.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => WriteProblem(ctx.HttpContext, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateAccountStillActive;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, _ => { });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, ScopePolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        return services;
    }

    /// <summary>A disabled account or a changed password ends existing cookie sessions at once.</summary>
    private static async Task ValidateAccountStillActive(CookieValidatePrincipalContext ctx)
    {
        var user = CurrentUser.From(ctx.Principal!);
        var stamp = ctx.Principal!.FindFirstValue(AssessmentClaims.Stamp);
        await using var session = ctx.HttpContext.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
        var account = await session.LoadAsync<Account>(user.Id);
        if (account is null || account.Disabled || account.SecurityStamp.ToString(CultureInfo.InvariantCulture) != stamp)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }

    internal static Task WriteProblem(HttpContext http, int status)
    {
        var problem = status == StatusCodes.Status401Unauthorized
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status, Type = Problems.TypeBase + "unauthorized", Title = "未登录", Detail = "请先登录，或在 X-Api-Key 请求头中提供有效的 API 密钥。",
                Extensions = { ["code"] = "unauthorized" },
            }
            : Problems.Forbidden();
        http.Response.StatusCode = status;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}

/// <summary>Authenticates third-party systems by the X-Api-Key header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.Header, out var values)) return AuthenticateResult.NoResult();
        if (!ApiKeys.TryParse(values.ToString(), out var clientId, out var secret)) return AuthenticateResult.Fail("Malformed API key.");
        await using var session = store.QuerySession();
        var client = await session.LoadAsync<ApiClient>(clientId, Context.RequestAborted);
        if (client is null || client.Revoked || !ApiKeys.Matches(client.SecretHash, secret))
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        return AuthenticateResult.Success(new AuthenticationTicket(ClaimsFactory.ForApiClient(client, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthSetup.WriteProblem(Context, StatusCodes.Status401Unauthorized);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthSetup.WriteProblem(Context, StatusCodes.Status403Forbidden);
}
