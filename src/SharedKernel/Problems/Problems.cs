using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.SharedKernel.Problems;

/// <summary>Builds the ProblemDetails shapes every module returns, so clients see one format.</summary>
public static class Problems
{
    public const string TypeBase = "https://assessment.local/problems/";

    public static ProblemDetails BusinessRules(IEnumerable<RuleViolation> violations)
    {
        var list = violations.ToList();
        return new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = TypeBase + "business-rule",
            Title = "业务规则校验未通过",
            Detail = string.Join("；", list.Select(v => $"[{v.RuleId}] {v.Message}")),
            Extensions =
            {
                ["code"] = "business-rule-violated",
                ["rules"] = list.Select(Rule).ToList(),
            },
        };
    }

    private static Dictionary<string, object> Rule(RuleViolation v)
    {
        var rule = new Dictionary<string, object>
        {
            ["ruleId"] = v.RuleId, ["code"] = v.Code, ["message"] = v.Message, ["inPrinciple"] = v.InPrinciple
        };
        if (v.Target is { } target) rule["target"] = target;
        return rule;
    }

    public static ProblemDetails Validation(IDictionary<string, string[]> errors, string? detail = null) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Type = TypeBase + "validation",
        Title = "请求参数不正确",
        Detail = detail ?? string.Join("；", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
        Extensions = { ["code"] = "validation-failed", ["errors"] = errors },
    };

    public static ProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemDetails NotFound(string what = "资源") => new()
    {
        Status = StatusCodes.Status404NotFound,
        Type = TypeBase + "not-found",
        Title = "未找到",
        Detail = NotFoundDetail(what),
        Extensions = { ["code"] = "not-found" },
    };

    /// <summary>The same 404 for an aggregate that does not exist and one the caller may not see.</summary>
    public static ProblemDetails NotFound<TAggregate>() => NotFound(Http.AggregateAttribute.NounOf(typeof(TAggregate)));

    /// <summary>One wording for "missing" and "hidden" alike, so that a 404 never tells which.</summary>
    public static string NotFoundDetail(string what) => $"{what}不存在或您无权查看。";

    public static ProblemDetails Forbidden(string detail = "您没有执行此操作的权限。") => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Type = TypeBase + "forbidden",
        Title = "禁止访问",
        Detail = detail,
        Extensions = { ["code"] = "forbidden" },
    };

    public static ProblemDetails Conflict(string detail, string code = "conflict") => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = TypeBase + "conflict",
        Title = "数据冲突",
        Detail = detail,
        Extensions = { ["code"] = code },
    };
}
