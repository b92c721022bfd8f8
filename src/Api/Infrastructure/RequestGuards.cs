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
        if (request.Path.StartsWithSegments("/api") && ControlCharacterIn(request) is { } field)
        {
            await Write(http, Problems.Validation(field, "不能包含空字符（NUL，\\u0000）。"));
            return;
        }
        if (request.Path.StartsWithSegments("/api")
            && HttpMethods.IsPost(request.Method) | HttpMethods.IsPut(request.Method) | HttpMethods.IsPatch(request.Method))
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
            if (hasBody && await NulInJsonBody(request, limits.MaxJsonBodyBytes) is { } path)
            {
                await Write(http, Problems.Validation(path, "不能包含空字符（NUL，\\u0000）。"));
                return;
            }
        }
        await next(http);
    }

    /// <summary>
    /// The path of the first JSON string (value or name) holding a NUL character — PostgreSQL refuses NUL in text, so it
    /// would otherwise fail deep inside a command. The body (within the JSON limit) is buffered and read again by the
    /// endpoint. Malformed JSON is left to the endpoint's own 400.
    /// </summary>
    private static async Task<string?> NulInJsonBody(HttpRequest request, long max)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: max);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return JsonStrings.FirstWithNul(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// The first query parameter (or the path) holding a NUL character: PostgreSQL refuses NUL in text, and no legitimate
    /// search needs one. JSON bodies are checked by the string converter (<see cref="JsonSetup"/>).
    /// </summary>
    private static string? ControlCharacterIn(HttpRequest request)
    {
        if (HasControl(request.Path.Value)) return "path";
        foreach (var (key, values) in request.Query)
        {
            if (HasControl(key)) return key;
            foreach (var value in values)
                if (HasControl(value)) return key;
        }
        return null;
    }

    private static bool HasControl(string? text) => text is not null && text.Contains('\0');

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static Task Write(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
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

/// <summary>
/// What no endpoint answers: a GET for a page is the SPA (client-side routing); anything else — an unknown API route
/// with any method included — is a 404 ProblemDetails. A known route with the wrong method still answers 405, because
/// routing then selects its own 405 endpoint. Runs right after routing.
/// </summary>
public sealed class UnmatchedRouteMiddleware(RequestDelegate next, string spaRoot)
{
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/swagger"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not null)
        {
            await next(http);
            return;
        }
        var request = http.Request;
        var page = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                   && !ServerPrefixes.Any(p => request.Path.StartsWithSegments(p)) && !Path.HasExtension(request.Path.Value);
        if (page && spaRoot.Length > 0)
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.SendFileAsync(Path.Combine(spaRoot, "index.html"));
            return;
        }
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http, ProblemDetails = Problems.NotFound("请求的地址"),
        });
    }
}

/// <summary>Walks a JSON document for strings holding NUL, tracking where it is (<c>occupations[1].name</c>).</summary>
public static class JsonStrings
{
    public static string? FirstWithNul(ReadOnlySpan<byte> json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json, new System.Text.Json.JsonReaderOptions { MaxDepth = 256 });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case System.Text.Json.JsonTokenType.PropertyName:
                        property = reader.GetString();
                        if (property is not null && property.Contains('\0')) return Join(path, property);
                        break;
                    case System.Text.Json.JsonTokenType.StartObject or System.Text.Json.JsonTokenType.StartArray:
                        path.Add(Segment(path, property, arrayIndex));
                        if (reader.TokenType == System.Text.Json.JsonTokenType.StartArray) arrayIndex.Push(-1);
                        else arrayIndex.Push(int.MinValue);
                        property = null;
                        break;
                    case System.Text.Json.JsonTokenType.EndObject or System.Text.Json.JsonTokenType.EndArray:
                        arrayIndex.Pop();
                        path.RemoveAt(path.Count - 1);
                        property = null;
                        break;
                    case System.Text.Json.JsonTokenType.String:
                        var segment = Segment(path, property, arrayIndex);
                        if (reader.GetString()!.Contains('\0')) return Join(path, segment);
                        property = null;
                        break;
                    default:
                        Segment(path, property, arrayIndex);
                        property = null;
                        break;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // malformed: the endpoint's JSON reading answers it
        }
        return null;
    }

    /// <summary>The name of the value about to be read: its property, or its index when inside an array.</summary>
    private static string Segment(List<string> path, string? property, Stack<int> arrayIndex)
    {
        if (arrayIndex.Count > 0 && arrayIndex.Peek() != int.MinValue)
        {
            var index = arrayIndex.Pop() + 1;
            arrayIndex.Push(index);
            return $"[{index}]";
        }
        return property ?? "";
    }

    private static string Join(List<string> path, string last)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in path.Append(last).Where(p => p.Length > 0))
        {
            if (text.Length > 0 && !part.StartsWith('[')) text.Append('.');
            text.Append(part);
        }
        return text.Length == 0 ? "body" : text.ToString();
    }
}
