using Assessment.Filing.Applications;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using NodaTime;

namespace Assessment.Filing.Evaluation;

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
