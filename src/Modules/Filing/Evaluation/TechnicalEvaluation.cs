using Assessment.SharedKernel.Http;
using System.Security.Claims;
using Assessment.Filing.Applications;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Marten;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Evaluation;

/// <summary>FIL-16 subjects: 基本条件, 人员配备, 考场及设施设备, 评价流程, 管理制度, 质量保障.</summary>
public static class EvaluationSubjects
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["basics"] = "基本条件",
        ["staffing"] = "人员配备",
        ["sites-equipment"] = "考场及设施设备",
        ["process"] = "评价流程",
        ["rules"] = "管理制度",
        ["quality"] = "质量保障",
    };
}

public sealed record AssignExperts(long Version, IReadOnlyList<Guid> ExpertIds, IReadOnlyList<string>? Methods, string? Instructions);

public sealed record ScoreEvaluation(long Version, IReadOnlyList<SubjectScore> Scores, string OnSiteFindings, bool RecommendsFiling, string Opinion);

public sealed record ConcludeEvaluation(long Version, bool Passed, string Reason);

/// <summary>FIL-16 technical evaluation decisions. Pure: state in, events out.</summary>
public static class EvaluationDecider
{
    public static ExpertsAssigned Assign(FilingApplication a, JurisdictionPolicy policy, IReadOnlyList<AccountSummary?> experts,
        AssignExperts c, Func<AccountSummary, bool> canEvaluate, Instant now, Actor by)
    {
        if (a.Status is not (ApplicationStatus.Accepted or ApplicationStatus.UnderEvaluation) || a.Experts.Any(e => e.HasScored))
            throw new BusinessRuleException(new RuleViolation("FIL-16", "evaluation.not-assignable",
                "只有已受理、尚未开始评分的申请可以指派评估专家。"));
        var violations = new List<RuleViolation>();
        for (var i = 0; i < experts.Count; i++)
        {
            if (experts[i] is not { } expert || expert.Role != Roles.Expert)
                violations.Add(new("FIL-16", "evaluation.not-an-expert", $"第{i + 1}位人员不是有效的评估专家账号。"));
            else if (!canEvaluate(expert))
                violations.Add(new("FIL-16", "evaluation.expert-outside-jurisdiction", $"评估专家{expert.DisplayName}不属于本申请所在辖区。"));
        }
        var methods = c.Methods is { Count: > 0 } ? c.Methods.Distinct().ToList() : policy.Filing.EvaluationMethods.ToList();
        foreach (var m in methods.Where(m => !policy.Filing.EvaluationMethods.Contains(m)))
            violations.Add(new("FIL-16", "evaluation.method-not-in-policy",
                $"{policy.ShortName}的技术评估方式为：{string.Join("、", policy.Filing.EvaluationMethods.Select(x => EvaluationMethods.Names[x]))}，不含“{m}”。"));
        if (violations.Count > 0) throw new BusinessRuleException(violations);
        return new ExpertsAssigned(a.Id, experts.Select(e => new AssignedExpert(e!.Id, e.UserName, e.DisplayName)).ToList(), methods,
            string.IsNullOrWhiteSpace(c.Instructions) ? null : c.Instructions.Trim(), now, by);
    }

    public static EvaluationScored Score(FilingApplication a, ScoreEvaluation c, Guid expertId, Instant now, Actor by)
    {
        if (a.Status != ApplicationStatus.UnderEvaluation)
            throw new BusinessRuleException(new RuleViolation("FIL-16", "evaluation.not-open", "该申请当前不在技术评估阶段。"));
        var missing = EvaluationSubjects.Names.Keys.Except(c.Scores.Select(s => s.Subject)).ToList();
        if (missing.Count > 0)
            throw new BusinessRuleException(new RuleViolation("FIL-16", "evaluation.subjects-missing",
                $"请对全部评估科目打分，缺少：{string.Join("、", missing.Select(m => EvaluationSubjects.Names[m]))}。"));
        return new EvaluationScored(a.Id, expertId, c.Scores.OrderBy(s => s.Subject).ToList(), c.OnSiteFindings.Trim(), c.RecommendsFiling,
            c.Opinion.Trim(), now, by);
    }

    public static EvaluationConcluded Conclude(FilingApplication a, ConcludeEvaluation c, Instant now, Actor by)
    {
        if (a.Status != ApplicationStatus.UnderEvaluation)
            throw new BusinessRuleException(new RuleViolation("FIL-16", "evaluation.not-open", "该申请当前不在技术评估阶段。"));
        var pending = a.Experts.Where(e => !e.HasScored).Select(e => e.DisplayName).ToList();
        if (pending.Count > 0)
            throw new BusinessRuleException(new RuleViolation("FIL-16", "evaluation.scores-pending",
                $"以下专家尚未提交评分：{string.Join("、", pending)}。"));
        var unproduced = a.Pledges.Where(p => p.ProducedAt is null).Select(p => Materials.MaterialItems.Name(p.Item)).ToList();
        if (c.Passed && unproduced.Count > 0)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "filing.pledge-not-produced",
                $"告知承诺的材料须在技术评估时提交，尚未提交：{string.Join("、", unproduced)}。"));
        return new EvaluationConcluded(a.Id, c.Passed, c.Reason.Trim(), AverageScore(a), now, by);
    }

    /// <summary>Mean over experts of each expert's mean subject score, to one decimal.</summary>
    public static decimal AverageScore(FilingApplication a) =>
        a.Experts.Count == 0 ? 0 : Math.Round(a.Experts.Average(e => e.Scores.Count == 0 ? 0m : (decimal)e.Scores.Average(s => s.Score)), 1);
}

public static class AssignExpertsEndpoint
{
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.CurrentAuthority(application, principal, access);

    public static ProblemDetails Validate(AssignExperts c)
    {
        var ids = c.ExpertIds ?? [];
        if (ids.Count is < 1 or > 15) return Problems.Validation("expertIds", "请指派1至15名评估专家。");
        if (ids.Distinct().Count() != ids.Count) return Problems.Validation("expertIds", "同一专家不能重复指派。");
        return c.Instructions is { Length: > 2000 } ? Problems.Validation("instructions", "评估要求不超过2000字。") : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/experts", OperationId = "assignEvaluationExperts")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<(UpdatedAggregate, Events)> Post(AssignExperts command, [Aggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, IAccountDirectory accounts, AccessControl access, PolicyCatalog catalog, IClock clock)
    {
        var experts = new List<AccountSummary?>();
        foreach (var id in command.ExpertIds) experts.Add(await accounts.FindActiveAsync(id));
        var assigned = EvaluationDecider.Assign(application, catalog.Get(application.Jurisdiction), experts, command,
            e => access.CanSee(e.AsUser(), application.AccessScope()), clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor());
        return (new UpdatedAggregate(), [assigned]);
    }
}

public static class EligibleExpertsEndpoint
{
    /// <summary>The experts who may evaluate this application: active expert accounts whose jurisdiction covers it.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverineGet("/api/filing/applications/{applicationId}/eligible-experts", OperationId = "listEligibleExperts")]
    [ProducesResponseType<IReadOnlyList<AccountSummary>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Eligible(Guid applicationId, ClaimsPrincipal principal, IQuerySession session, IAccountDirectory accounts,
        AccessControl access)
    {
        var application = await session.LoadAsync<FilingApplication>(applicationId);
        if (application is null || !ApplicationAccess.CanSee(application, CurrentUser.From(principal), access))
            return Results.Problem(Problems.NotFound("备案申请"));
        var experts = await accounts.ActiveInRoleAsync(Roles.Expert);
        return Results.Ok(experts.Where(e => access.CanSee(e.AsUser(), application.AccessScope())).ToList());
    }
}

public static class ScoreEvaluationEndpoint
{
    /// <summary>Only an expert assigned to this application scores it.</summary>
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.AssignedExpert(application, principal, access);

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
    [WolverinePost("/api/filing/applications/{applicationId}/evaluation/scores", OperationId = "scoreEvaluation")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Post(ScoreEvaluation command, [Aggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, IClock clock)
    {
        var user = CurrentUser.From(principal);
        return (new UpdatedAggregate(), [EvaluationDecider.Score(application, command, user.Id, clock.GetCurrentInstant(), user.ToActor())]);
    }
}

public static class ConcludeEvaluationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.CurrentAuthority(application, principal, access);

    public static ProblemDetails Validate(ConcludeEvaluation c) => FieldChecks.Reason(c.Reason, "reason", "请填写评估结论的理由（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/evaluation/conclusion", OperationId = "concludeEvaluation")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Post(ConcludeEvaluation command, [Aggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, IClock clock) =>
        (new UpdatedAggregate(), [EvaluationDecider.Conclude(application, command, clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor())]);
}
