using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Evaluation;

public sealed record ScoreEvaluation(long Version, IReadOnlyList<SubjectScore> Scores, string OnSiteFindings, bool RecommendsFiling, string Opinion);

public static class ScoreEvaluationEndpoint
{
    /// <summary>Only an expert assigned to this application scores it.</summary>
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Score, application, caller);

    public static ProblemDetails Validate(ScoreEvaluation c)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (s, i) in (c.Scores ?? []).Select((s, i) => (s, i)))
        {
            if (!EvaluationSubjects.Names.ContainsKey(s.Subject ?? "")) errors[$"scores[{i}].subject"] = ["评估科目无效。"];
            if (s.Score is < 0 or > 100) errors[$"scores[{i}].score"] = ["分数应为0至100。"];
            if (s.Comment is { Length: > 1000 }) errors[$"scores[{i}].comment"] = ["评语不超过1000字。"];
        }
        if ((c.Scores ?? []).Select(s => s.Subject).Distinct().Count() != (c.Scores ?? []).Count) errors["scores"] = ["每个科目只打一次分。"];
        if (string.IsNullOrWhiteSpace(c.OnSiteFindings) || c.OnSiteFindings.Length > 5000) errors["onSiteFindings"] = ["请填写现场核查情况（不超过5000字）。"];
        if (string.IsNullOrWhiteSpace(c.Opinion) || c.Opinion.Length > 2000) errors["opinion"] = ["请填写评估意见（不超过2000字）。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Expert)]
    [WolverinePost("/api/filing/applications/{applicationId}/evaluation/scores", OperationId = ApplicationGuards.Score, Summary = "专家评分")]
    public static (UpdatedAggregate, Events) Post(ScoreEvaluation command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [EvaluationDecider.Score(application, command, by.UserId, now, by)]);
}
