using Assessment.SharedKernel.Http;
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
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.OwnerOnly(application, principal, access);

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

    [Authorize(Roles = SharedKernel.Events.Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/submit", OperationId = "submitFilingApplication")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<(UpdatedAggregate, Events)> Post(SubmitApplication command, [Aggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, IQuerySession session, PolicyCatalog catalog, OccupationCatalog occupations, IWorkingDayCalendar calendar, IClock clock)
    {
        var organization = await session.LoadAsync<Organization>(application.OrganizationId)
                           ?? throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "机构基本信息不存在。"));
        var policy = catalog.Get(application.Jurisdiction);
        var today = clock.Today();
        var context = new SubmissionContext(catalog, policy, organization.Category, occupations, today,
            await FiledOrganizations.PerOccupationAsync(session, application), await FiledOrganizations.ExistingAsync(session, application),
            await FiledOrganizations.FiledForSameOccupationsAsync(session, application, organization));
        var submitted = SubmissionDecider.Decide(application, context,
            () => FilingRouting.Route(policy, catalog, calendar.Current, application.Scope, application.AreaCode, today), command.ExceptionRequests ?? [], clock.GetCurrentInstant(),
            CurrentUser.From(principal).ToActor());
        return (new UpdatedAggregate(), [submitted]);
    }
}

/// <summary>What the submission rules read from granted filings (FIL-04 counts, FIL-13 and FIL-10 the organization's own).</summary>
public static class FiledOrganizations
{
    /// <summary>FIL-04: other organizations currently filed in the jurisdiction, per occupation (catalog key).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> PerOccupationAsync(IQuerySession session, FilingApplication application)
    {
        var keys = await session.Query<Filings.FilingRecord>()
            .Where(f => f.Jurisdiction == application.Jurisdiction && f.OrganizationId != application.OrganizationId
                        && (f.Status == Filings.FilingStatus.Active || f.Status == Filings.FilingStatus.Suspended))
            .Select(f => f.OccupationKeys).ToListAsync();
        return keys.SelectMany(k => k.Distinct()).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>FIL-10 [AH]: an enterprise or school holding a filing (anywhere) that covers every occupation and level applied for.</summary>
    public static async Task<bool> FiledForSameOccupationsAsync(IQuerySession session, FilingApplication application, Organization organization)
    {
        if (organization.Nature is not (OrganizationNature.Enterprise or OrganizationNature.TechnicalSchool) || application.Occupations.Count == 0) return false;
        var filings = await session.Query<Filings.FilingRecord>()
            .Where(f => f.OrganizationId == application.OrganizationId && f.Status == Filings.FilingStatus.Active).ToListAsync();
        return filings.Any(f => application.Occupations.All(line => f.Occupations.Any(o =>
            o.Name == line.Name && o.HighestLevel <= line.HighestLevel && o.LowestLevel >= line.LowestLevel)));
    }

    /// <summary>The organization's current filing in the jurisdiction, if any (FIL-13; the one a renewal or change names).</summary>
    public static async Task<ExistingFiling?> ExistingAsync(IQuerySession session, FilingApplication application)
    {
        var filings = await session.Query<Filings.FilingRecord>()
            .Where(f => f.OrganizationId == application.OrganizationId && f.Jurisdiction == application.Jurisdiction
                        && (f.Status == Filings.FilingStatus.Active || f.Status == Filings.FilingStatus.Suspended))
            .ToListAsync();
        var filing = application.FilingId is { } id ? filings.FirstOrDefault(f => f.Id == id) : filings.FirstOrDefault();
        return filing is null ? null : new ExistingFiling(filing.Occupations
            .Select(o => new OccupationLine(o.Name, o.Code, o.HighestLevel, o.LowestLevel, false, null, 0, false)).ToList(),
            HasRunCertification: filing.LastCertificationOn is not null);
    }
}
