using System.Security.Claims;
using Assessment.Filing.Catalog;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
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

namespace Assessment.Filing.Applications;

public sealed record SubmitApplication(long Version, IReadOnlyList<ExceptionRequest>? ExceptionRequests);

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

public static class SubmitApplicationEndpoint
{
    public static ProblemDetails Validate(SubmitApplication command)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (r, i) in (command.ExceptionRequests ?? []).Select((r, i) => (r, i)))
        {
            if (string.IsNullOrWhiteSpace(r.RuleId)) errors[$"exceptionRequests[{i}].ruleId"] = ["请指明申请例外的规则编号。"];
            if (string.IsNullOrWhiteSpace(r.Justification) || r.Justification.Length > 2000)
                errors[$"exceptionRequests[{i}].justification"] = ["请说明申请例外的理由（不超过2000字）。"];
        }
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.OwnerOnly(application, principal, access);

    [Authorize(Roles = SharedKernel.Events.Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/submit", OperationId = "submitFilingApplication")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<(UpdatedAggregate, Events)> Post(SubmitApplication command, [WriteAggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, IQuerySession session, PolicyCatalog catalog, OccupationCatalog occupations, IWorkingDayCalendar calendar, IClock clock)
    {
        var organization = await session.LoadAsync<Organization>(application.OrganizationId)
                           ?? throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "机构基本信息不存在。"));
        var policy = catalog.Get(application.Jurisdiction);
        var today = clock.Today();
        // Filed organizations per occupation (FIL-04) and the organization's current filing (FIL-13) come with filing
        // grants; until an organization holds a filing, both are empty.
        var context = new SubmissionContext(catalog, policy, organization.Category, occupations, today, new Dictionary<string, int>(), null);
        var submitted = SubmissionDecider.Decide(application, context,
            () => FilingRouting.Route(policy, catalog, calendar.Current, application.Scope, application.AreaCode, today), command.ExceptionRequests ?? [], clock.GetCurrentInstant(),
            CurrentUser.From(principal).ToActor());
        return (new UpdatedAggregate(), [submitted]);
    }
}
