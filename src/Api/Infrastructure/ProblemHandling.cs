using System.Diagnostics;
using System.Text.Json;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Problems;
using JasperFx;
using JasperFx.Events;
using Wolverine.Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Assessment.Api.Infrastructure;

/// <summary>
/// Every non-2xx answer is an RFC 9457 ProblemDetails with a trace id: this maps exceptions to statuses
/// (400 shape, 409 conflicts, 413 size, 422 rules, 500 without internals outside Development).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IHostEnvironment env, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            if (env.IsDevelopment()) problem.Extensions["exception"] = exception.ToString();
        }
        else
        {
            logger.LogInformation("Request {Method} {Path} rejected with {Status}: {Reason}", http.Request.Method, http.Request.Path, problem.Status, exception.Message);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception)
    {
        switch (Unwrap(exception))
        {
            case BusinessRuleException rules:
                return Problems.BusinessRules(rules.Violations);
            case CalendarYearNotLoadedException calendar:
                return Problems.BusinessRules([calendar.ToViolation()]);
            case InvalidValueException invalid:
                var p = Problems.Validation(invalid.Field, invalid.Message);
                p.Extensions["code"] = invalid.Code;
                return p;
            case ConflictException conflict:
                return Problems.Conflict(conflict.Message, conflict.Code);
            case ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException or DcbConcurrencyException:
                return Problems.Conflict("数据已被他人修改，请刷新后重试（提交的版本号已过期）。", "stale-version");
            case DocumentAlreadyExistsException:
                return Problems.Conflict("该记录已存在。", "already-exists");
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                return Problems.Conflict("该记录与已有记录重复。", "duplicate");
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return PayloadTooLarge();
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
                    Type = Problems.TypeBase + "bad-request", Title = "请求格式不正确",
                    Detail = bad.InnerException is JsonException inner ? JsonDetail(inner) : "请求无法解析，请检查JSON格式与字段类型。",
                    Extensions = { ["code"] = "malformed-request" },
                };
            case JsonException json:
                return new ProblemDetails
                {
                    Status = 400, Type = Problems.TypeBase + "bad-request", Title = "请求格式不正确", Detail = JsonDetail(json),
                    Extensions = { ["code"] = "malformed-json" },
                };
            case UnknownAggregateException:
                return Problems.NotFound();
            default:
                return new ProblemDetails
                {
                    Status = 500, Type = Problems.TypeBase + "internal", Title = "服务器内部错误",
                    Detail = "处理请求时发生错误，请稍后重试；如持续出现，请联系管理员并提供追踪编号。",
                    Extensions = { ["code"] = "internal-error" },
                };
        }
    }

    public static ProblemDetails PayloadTooLarge() => new()
    {
        Status = 413, Type = Problems.TypeBase + "payload-too-large", Title = "请求体过大", Detail = "请求内容超过平台允许的大小。",
        Extensions = { ["code"] = "payload-too-large" },
    };

    private static string JsonDetail(JsonException json) =>
        json.Path is { Length: > 1 } path ? $"字段“{path.TrimStart('$', '.')}”的值格式或类型不正确。" : "JSON格式不正确。";

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerException: { } inner }) e = inner;
        if (e is InvalidOperationException { InnerException: JsonException j }) return j;
        if (e is MartenCommandException { InnerException: PostgresException pg }) return pg;
        return e;
    }
}

public static partial class ProblemSetup
{
    /// <summary>Wolverine and ASP.NET answer malformed bodies in English; people get Chinese, machines a stable code.</summary>
    private static void TranslateFrameworkProblem(ProblemDetails p)
    {
        if (p.Status != 400 || p.Title is not ("Invalid JSON format" or "Bad Request" or "One or more validation errors occurred.")) return;
        var path = p.Detail is null ? null : JsonPathPattern().Match(p.Detail) is { Success: true } m ? m.Groups[1].Value : null;
        p.Type = Problems.TypeBase + "bad-request";
        p.Title = "请求格式不正确";
        p.Detail = string.IsNullOrEmpty(path) ? "请求体不是有效的JSON，或字段类型不正确。" : $"字段“{path}”的值格式或类型不正确。";
        p.Extensions.Remove("lineNumber");
        p.Extensions.Remove("bytePositionInLine");
        p.Extensions["code"] = "malformed-json";
        if (!string.IsNullOrEmpty(path)) p.Extensions["errors"] = new Dictionary<string, string[]> { [path] = [p.Detail] };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: \$\.?([^ |]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPathPattern();

    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var traceId = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            TranslateFrameworkProblem(ctx.ProblemDetails);
            ctx.ProblemDetails.Extensions["traceId"] = traceId;
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            if (ctx.ProblemDetails.Status is { } s && ctx.ProblemDetails.Extensions.ContainsKey("code") is false)
            {
                ctx.ProblemDetails.Extensions["code"] = s switch
                {
                    404 => "not-found", 405 => "method-not-allowed", 415 => "unsupported-media-type", 401 => "unauthorized",
                    403 => "forbidden", 400 => "bad-request", _ => "http-" + s,
                };
            }
            ctx.ProblemDetails.Title = ctx.ProblemDetails.Status switch
            {
                404 when ctx.ProblemDetails.Title is null or "Not Found" => "未找到",
                405 when ctx.ProblemDetails.Title is null or "Method Not Allowed" => "不支持的请求方法",
                415 when ctx.ProblemDetails.Title is null or "Unsupported Media Type" => "不支持的内容类型",
                _ => ctx.ProblemDetails.Title,
            };
            if (ctx.ProblemDetails.Detail is null)
            {
                ctx.ProblemDetails.Detail = ctx.ProblemDetails.Status switch
                {
                    404 => "请求的地址不存在。",
                    405 => $"该地址不支持 {ctx.HttpContext.Request.Method} 方法。",
                    415 => "请以 application/json 提交请求体。",
                    _ => null,
                };
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }
}
