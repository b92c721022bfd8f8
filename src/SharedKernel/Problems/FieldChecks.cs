using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.SharedKernel.Problems;

/// <summary>Shape checks that many commands share (400 naming the field).</summary>
public static class FieldChecks
{
    /// <summary>A decision's stated reason (全程留痕): present and at most <paramref name="max"/> characters.</summary>
    public static ProblemDetails Reason(string? text, string field, string message, int max = 2000) =>
        string.IsNullOrWhiteSpace(text) || text.Length > max ? Problems.Validation(field, message) : WolverineContinue.NoProblems;
}
