using Assessment.Filing.Applications;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Submission;

/// <summary>Decides a submission: every policy check at once (422 listing all), then routing and the acceptance deadline.</summary>
public static class SubmissionDecider
{
    public static ApplicationSubmitted Decide(FilingApplication application, SubmissionContext context, Func<Route> route,
        IReadOnlyList<ExceptionRequest> requests, Instant now, Actor by)
    {
        if (!application.IsEditable)
            throw new BusinessRuleException(new RuleViolation("FIL-15", "filing.already-submitted", "申请已提交，请等待受理。"));
        var violations = SubmissionRules.Evaluate(application, context);
        var requested = requests.Where(r => !string.IsNullOrWhiteSpace(r.Justification)).Select(r => r.RuleId).ToHashSet();
        var blocking = violations.Where(v => !(v.InPrinciple && requested.Contains(v.RuleId))).ToList();
        if (blocking.Count > 0) throw new BusinessRuleException(blocking);
        var excepted = violations.Where(v => v.InPrinciple && requested.Contains(v.RuleId)).ToList();
        var routed = route();
        return new ApplicationSubmitted(application.Id, context.Today, now, routed.HandlingAuthority, routed.FirstReviewAuthority,
            routed.AcceptanceDeadline, requests.Where(r => excepted.Any(v => v.RuleId == r.RuleId)).ToList(), excepted, by);
    }
}
