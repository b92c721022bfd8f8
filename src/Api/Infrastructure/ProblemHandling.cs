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
            logger.LogInformation("Request {Method} {Path} rejected with {Status}: {Reason}",
                http.Request.Method, http.Request.Path, problem.Status, exception.Message);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception)
    {
        switch (Unwrap(exception))
        {
            case BusinessRuleException rules:
                var problem = Problems.BusinessRules(rules.Violations);
                if (rules.Rows is not null) problem.Extensions["rows"] = rules.Rows;
                return problem;
            case CalendarYearNotLoadedException calendar:
                return Problems.BusinessRules([calendar.ToViolation()]);
            case InvalidValueException invalid:
                var p = Problems.Validation(invalid.Field, invalid.Message);
                p.Extensions["code"] = invalid.Code;
                return p;
            case ConflictException conflict:
                return Problems.Conflict(conflict.Message, conflict.Code);
            case JasperFx.Events.ExistingStreamIdCollisionException { AggregateType: var type } when UniqueKeys.ForStream(type) is { } key:
                return Problems.Conflict(key.Detail, key.Code);
            case Marten.Exceptions.ExistingStreamIdCollisionException { AggregateType: var type } when UniqueKeys.ForStream(type) is { } key:
                return Problems.Conflict(key.Detail, key.Code);
            case ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                or DcbConcurrencyException:
                return Problems.Conflict(ExpectedVersion.StaleMessage, "stale-version");
            case DocumentAlreadyExistsException:
                return Problems.Conflict(UniqueKeys.GenericDetail, UniqueKeys.DuplicateCode);
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique:
                // a unique index decided a race the read-then-write check could not see
                var (detail, code) = UniqueKeys.ForIndex(unique.ConstraintName);
                return Problems.Conflict(detail, code);
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return PayloadTooLarge();
            case BadHttpRequestException { InnerException: JsonException inner }:
                return JsonProblem(inner);
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400,
                    Type = Problems.TypeBase + "bad-request", Title = "请求格式不正确",
                    Detail = "请求无法解析，请检查请求格式。",
                    Extensions = { ["code"] = "malformed-request" },
                };
            case JsonException json:
                return JsonProblem(json);
            case InvalidDataException:
                // a malformed or truncated multipart/form-data body
                return new ProblemDetails
                {
                    Status = 400, Type = Problems.TypeBase + "bad-request", Title = "请求格式不正确",
                    Detail = "上传内容（multipart/form-data）格式不正确或不完整，请重新选择文件上传。",
                    Extensions = { ["code"] = "malformed-multipart" },
                };
            case ArgumentOutOfRangeException { ParamName: "id" } empty when empty.Message.Contains("empty Guid", StringComparison.Ordinal):
                // Marten refuses Guid.Empty as an id; nothing can have it, so it is simply not found
                return Problems.NotFound();
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

    private static ProblemDetails JsonProblem(JsonException json)
    {
        var message = json.Path is { Length: > 1 } path && !json.Message.Contains("Path:", StringComparison.Ordinal)
            ? $"{json.Message} Path: {path}"
            : json.Message;
        var (fields, detail) = ProblemSetup.DescribeJsonError(message);
        var problem = new ProblemDetails
        {
            Status = 400, Type = Problems.TypeBase + "bad-request", Title = "请求格式不正确", Detail = detail,
            Extensions = { ["code"] = "malformed-json" },
        };
        if (fields.Count > 0) problem.Extensions["errors"] = fields.ToDictionary(f => f, _ => new[] { detail });
        return problem;
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerException: { } inner }) e = inner;
        if (e is InvalidOperationException { InnerException: JsonException j }) return j;
        if (e is MartenCommandException { InnerException: PostgresException pg }) return pg;
        // however Marten or Wolverine wrap a unique violation at commit, it is the same duplicate
        if (e is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException) return e;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique) return unique;
        }
        return e;
    }
}

public static partial class ProblemSetup
{
    /// <summary>
    /// Wolverine and ASP.NET answer malformed bodies and query values in English, naming internal types; people get
    /// Chinese naming the field, machines a stable code and <c>errors</c> keyed by field.
    /// </summary>
    private static void TranslateFrameworkProblem(ProblemDetails p)
    {
        if (p.Status != 400) return;
        if (p.Title is "Invalid query string value" or "Invalid header value"
            && (p.Extensions.TryGetValue("parameter", out var name) || p.Extensions.TryGetValue("header", out name)) && name is string parameter)
        {
            p.Type = Problems.TypeBase + "validation";
            p.Title = "请求参数不正确";
            p.Detail = $"参数“{parameter}”的值无效。";
            p.Extensions.Remove("parameter");
            p.Extensions.Remove("header");
            p.Extensions["code"] = "invalid-parameter";
            p.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [p.Detail] };
            return;
        }
        if (p.Title is not ("Invalid JSON format" or "Bad Request" or "One or more validation errors occurred.")) return;
        var (fields, detail) = DescribeJsonError(p.Detail);
        p.Type = Problems.TypeBase + "bad-request";
        p.Title = "请求格式不正确";
        p.Detail = detail;
        p.Extensions.Remove("lineNumber");
        p.Extensions.Remove("bytePositionInLine");
        p.Extensions["code"] = "malformed-json";
        if (fields.Count > 0) p.Extensions["errors"] = fields.ToDictionary(f => f, _ => new[] { detail });
    }

    /// <summary>The fields System.Text.Json names in its message, and what to tell a person about them.</summary>
    internal static (IReadOnlyList<string> Fields, string Detail) DescribeJsonError(string? message)
    {
        if (message is null) return ([], "请求体不是有效的JSON，或字段类型不正确。");
        if (UnmappedPattern().Match(message) is { Success: true } unmapped)
            return ([unmapped.Groups[1].Value], $"字段“{unmapped.Groups[1].Value}”不是该接口的字段（请对照接口文档）。");
        if (DuplicatePattern().Match(message) is { Success: true } duplicate)
            return ([duplicate.Groups[1].Value], $"字段“{duplicate.Groups[1].Value}”重复出现。");
        if (MissingPattern().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Split(", ").Select(n => n.Trim('\'')).ToList();
            return (names, $"缺少必填字段：{string.Join("、", names.Select(n => $"“{n}”"))}。");
        }
        var path = JsonPathPattern().Match(message) is { Success: true } m ? m.Groups[1].Value : null;
        if (string.IsNullOrEmpty(path)) return ([], "请求体不是有效的JSON，或字段类型不正确。");
        return message.Contains("doesn't allow null values", StringComparison.Ordinal)
            ? ([path], $"字段“{path}”不能为 null。")
            : ([path], $"字段“{path}”的值格式或类型不正确。");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: \$\.?([^ |]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPathPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial System.Text.RegularExpressions.Regex UnmappedPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"Duplicate property '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex DuplicatePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial System.Text.RegularExpressions.Regex MissingPattern();

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
            // one 404 for "missing" and "hidden", whoever wrote it (an endpoint, Wolverine's missing aggregate, routing)
            if (ctx.ProblemDetails.Status == 404) ctx.ProblemDetails.Type = Problems.TypeBase + "not-found";
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
                    404 => Problems.NotFoundDetail("请求的地址"),
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
