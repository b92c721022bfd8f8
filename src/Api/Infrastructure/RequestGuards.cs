using Assessment.SharedKernel;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Api.Infrastructure;

public sealed class RequestLimits
{
    /// <summary>JSON request bodies; uploads have their own, larger limit where a module allows them.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>
/// Rejects, before any endpoint runs, bodies that are too large (413) or not JSON (415) on the API. Works the same
/// under Kestrel and the in-memory test server, which does not enforce Kestrel's limits. Endpoints marked
/// <see cref="AcceptsUploadAttribute"/> take multipart/form-data up to their own limit. Runs after routing, to see them.
/// </summary>
public sealed class RequestGuardMiddleware(RequestDelegate next, RequestLimits limits)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api") && HttpMethods.IsPost(request.Method) | HttpMethods.IsPut(request.Method) | HttpMethods.IsPatch(request.Method))
        {
            var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
            var upload = http.GetEndpoint()?.Metadata.GetMetadata<AcceptsUploadAttribute>();
            if (upload is not null && request.HasFormContentType)
            {
                // the file plus a little room for the form's other fields and boundaries
                var max = upload.MaxBytes + 64 * 1024;
                if (request.ContentLength > max)
                {
                    await Write(http, ProblemExceptionHandler.PayloadTooLarge());
                    return;
                }
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } uploadSize) uploadSize.MaxRequestBodySize = max;
                await next(http);
                return;
            }
            if (request.ContentLength > limits.MaxJsonBodyBytes)
            {
                await Write(http, ProblemExceptionHandler.PayloadTooLarge());
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.MaxJsonBodyBytes;
            if (hasBody && !IsJson(request.ContentType))
            {
                await Write(http, new ProblemDetails
                {
                    Status = 415, Type = Problems.TypeBase + "unsupported-media-type", Title = "不支持的内容类型",
                    Detail = $"请以 application/json 提交请求体（收到：{request.ContentType ?? "无"}）。",
                    Extensions = { ["code"] = "unsupported-media-type" },
                });
                return;
            }
        }
        await next(http);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static Task Write(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }
}

/// <summary>One structured line per request: method, path, status, elapsed.</summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try { await next(http); }
        finally
        {
            logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms",
                http.Request.Method, http.Request.Path.Value, http.Response.StatusCode,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
