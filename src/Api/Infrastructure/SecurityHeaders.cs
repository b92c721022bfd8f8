namespace Assessment.Api.Infrastructure;

/// <summary>
/// Security headers on every response (SPA, API, files, errors): a Content-Security-Policy the SPA works under
/// (antd writes its styles at run time, hence 'unsafe-inline' for styles only), no MIME sniffing, no framing by
/// other sites, and no referrer to other sites. API answers are <c>no-store</c> unless the endpoint set its own
/// <c>Cache-Control</c>: most carry personal data or what only the caller may see, and no browser or proxy cache should keep
/// them; the few public, cacheable answers (JWKS, status lists, directory) say so themselves.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            var request = ((HttpContext)state).Request;
            if (request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            if (request.Path.StartsWithSegments("/api") && !headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }, http);
        return next(http);
    }
}
