using Assessment.Api.Identity;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Infrastructure;

public sealed class SiteOptions
{
    /// <summary>
    /// Origins besides the site's own whose browser pages may write to the API, e.g. the Vite dev server
    /// (<c>Site:TrustedOrigins:0=http://127.0.0.1:5173</c>). Empty in production.
    /// </summary>
    public List<string> TrustedOrigins { get; set; } = [];

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks) whose <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c> are honoured;
    /// empty: the headers are ignored. See <see cref="ForwardedProxies"/>.
    /// </summary>
    public List<string> ForwardedProxies { get; set; } = [];
}

/// <summary>
/// An account's own sign-in, sign-out and password change: allowed to read-only accounts, which make no other writes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SelfServiceAttribute : Attribute;

/// <summary>
/// Two refusals for every state-changing API request, whatever endpoint it reaches (so later modules are covered
/// without code of their own): a browser request sent from another site (CSRF — the cookie would otherwise ride along;
/// API-key calls carry no ambient credentials and are exempt), and a business write by a read-only account (auditor) —
/// a POST marked <see cref="ReadOnlyRequestAttribute"/> only reads and is not one.
/// Runs after authentication and routing.
/// </summary>
public sealed class WriteGuardMiddleware(RequestDelegate next, SiteOptions site)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method))
        {
            await next(http);
            return;
        }
        if (!request.Headers.ContainsKey(ApiKeys.Header) && IsCrossSite(request))
        {
            await Write(http, Problems.Forbidden("请求来自其他网站，已拒绝（跨站请求伪造防护）。请在本平台页面内操作。"), "cross-site-request");
            return;
        }
        var metadata = http.GetEndpoint()?.Metadata;
        if (CurrentUser.From(http.User).Role == Roles.Auditor && metadata?.GetMetadata<SelfServiceAttribute>() is null
                                                              && metadata?.GetMetadata<ReadOnlyRequestAttribute>() is null)
        {
            await Write(http, Problems.Forbidden("审计人员账号为只读账号，不能办理业务或提交数据。"), "read-only-account");
            return;
        }
        await next(http);
    }

    /// <summary>
    /// A browser names the page that sent a request (Origin, else Referer, else Sec-Fetch-Site). Without any of them
    /// the caller is not a browser page, and there is no ambient cookie to abuse in a cross-site way.
    /// </summary>
    private bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
            origin = referer.GetLeftPart(UriPartial.Authority);
        if (origin.Length > 0) return !IsTrusted(request, origin);
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        return fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none");
    }

    private bool IsTrusted(HttpRequest request, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false; // "null" (sandboxed or file pages) included
        if (IsSameOrigin(request, uri)) return true;
        return site.TrustedOrigins.Any(t => Uri.TryCreate(t, UriKind.Absolute, out var trusted)
                                            && Uri.Compare(trusted, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped,
                                                StringComparison.OrdinalIgnoreCase) == 0);
    }

    /// <summary>Same origin means same scheme, host and port: https://host is another origin than http://host.</summary>
    private static bool IsSameOrigin(HttpRequest request, Uri origin)
    {
        if (!string.Equals(origin.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.Equals(origin.IdnHost, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(origin.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)) return false;
        var requestPort = request.Host.Port ?? (request.IsHttps ? 443 : 80);
        return origin.Port == requestPort;
    }

    private static Task Write(HttpContext http, ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        http.Response.StatusCode = problem.Status!.Value;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}
