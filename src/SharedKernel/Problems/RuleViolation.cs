namespace Assessment.SharedKernel.Problems;

/// <summary>
/// One broken business rule: the rule ID from domain.md, a stable machine code and a Chinese message. A rule written
/// "in principle" (原则上) may be excepted by a reviewer with a recorded reason. <see cref="Target"/>, where there is one,
/// is a JSON Pointer to what must change, so a client can mark the very field: "/occupations/0" (a line, 0-based, in the
/// order sent), "/materialItems/4" (申报材料项 4, numbered as in GET /api/terms).
/// </summary>
public sealed record RuleViolation(string RuleId, string Code, string Message, bool InPrinciple = false, string? Target = null);

/// <summary>Thrown when a command breaks one or more business rules; the host turns it into a 422 ProblemDetails.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(IReadOnlyList<RuleViolation> violations)
        : base(string.Join("; ", violations.Select(v => $"{v.RuleId} {v.Code}")))
    {
        if (violations.Count == 0) throw new ArgumentException("At least one violation is required.", nameof(violations));
        Violations = violations;
    }

    public BusinessRuleException(RuleViolation violation) : this([violation]) { }

    /// <summary>A rule broken by rows of a file or list (BAT-09 imports): the 422 lists each row under <c>rows</c>.</summary>
    public BusinessRuleException(RuleViolation violation, IReadOnlyList<object> rows) : this([violation]) => Rows = rows;

    public IReadOnlyList<RuleViolation> Violations { get; }

    public IReadOnlyList<object>? Rows { get; }
}

/// <summary>Thrown when a value object cannot be built from its input; the message is specific and in Chinese.</summary>
public sealed class InvalidValueException(string field, string code, string message) : Exception(message)
{
    public string Field { get; } = field;
    public string Code { get; } = code;
}

/// <summary>A conflict with existing state that is not a version clash (duplicate user name …): 409.</summary>
public sealed class ConflictException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The optimistic-concurrency check, made after the access check so that a caller who may not see an object never
/// learns its version: the client must send the version it read; anything else is a 409 and nothing is written.
/// </summary>
public static class ExpectedVersion
{
    public const string StaleMessage = "数据已被他人修改，请刷新后重试（提交的版本号已过期）。";

    public static void Check(long sent, long current)
    {
        if (sent != current) throw new ConflictException(StaleMessage, "stale-version");
    }
}
