using Assessment.Filing.Applications;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Acceptance;

/// <summary>FIL-14/FIL-15 decisions of the authority that holds the application now. Pure: state in, events out.</summary>
public static class AcceptanceDecider
{
    public static ApplicationForwarded Forward(FilingApplication a, ForwardApplication c, Instant now, Actor by)
    {
        RequireSubmitted(a);
        if (a.FirstReviewAuthority is null || a.Forwarded)
            throw new BusinessRuleException(new RuleViolation("FIL-14", "filing.no-first-review", "该申请不需要（或已完成）市级初审。"));
        return new ApplicationForwarded(a.Id, a.FirstReviewAuthority, a.HandlingAuthority!, c.Opinion.Trim(), now, by);
    }

    public static ApplicationAccepted Accept(FilingApplication a, AcceptApplication c, Instant now, Actor by)
    {
        RequireSubmitted(a);
        if (a.FirstReviewAuthority is not null && !a.Forwarded)
            throw new BusinessRuleException(new RuleViolation("FIL-14", "filing.first-review-pending", "须先由市级初审并报送后，方可受理。"));
        var decisions = c.ExceptionDecisions ?? [];
        var violations = new List<RuleViolation>();
        foreach (var excepted in a.ExceptedViolations.Select(v => v.RuleId).Distinct())
        {
            var decision = decisions.FirstOrDefault(d => d.RuleId == excepted);
            if (decision is null || string.IsNullOrWhiteSpace(decision.Reason))
                violations.Add(new(excepted, "filing.exception-undecided", $"申请人就{excepted}申请了例外，受理前须逐项作出决定并说明理由。"));
            else if (!decision.Granted)
                violations.Add(new(excepted, "filing.exception-refused", $"不同意{excepted}例外的申请不能受理，请退回补正。"));
        }
        if (violations.Count > 0) throw new BusinessRuleException(violations);
        return new ApplicationAccepted(a.Id, a.CurrentAuthority!, string.IsNullOrWhiteSpace(c.Remarks) ? null : c.Remarks.Trim(),
            decisions.Where(d => a.ExceptedViolations.Any(v => v.RuleId == d.RuleId)).ToList(), now, by);
    }

    public static ApplicationReturned Return(FilingApplication a, ReturnApplication c, Instant now, Actor by)
    {
        RequireSubmitted(a);
        return new ApplicationReturned(a.Id, a.CurrentAuthority!, c.MissingItems.Select(m => m.Trim()).Where(m => m.Length > 0).ToList(),
            c.Reason.Trim(), now, by);
    }

    private static void RequireSubmitted(FilingApplication a)
    {
        if (a.Status != ApplicationStatus.Submitted)
            throw new BusinessRuleException(new RuleViolation("FIL-15", "filing.not-awaiting-acceptance", "该申请当前不在待受理状态。"));
    }
}
