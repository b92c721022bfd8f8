using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

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
