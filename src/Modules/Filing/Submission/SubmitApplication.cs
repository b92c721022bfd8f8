using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Submission;

public sealed record SubmitApplication(long Version, IReadOnlyList<ExceptionRequest>? ExceptionRequests);

public static class SubmitApplicationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Submit, application, caller);

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

    /// <summary>What the submission rules compare the application with: the organization and the filings already granted.</summary>
    public static async Task<SubmissionFacts> LoadAsync(FilingApplication application, IQuerySession session)
    {
        var organization = await session.LoadAsync<Organization>(application.OrganizationId);
        if (organization is null) return new SubmissionFacts(null, new Dictionary<string, int>(), null, false);
        return new SubmissionFacts(organization, await FiledOrganizations.PerOccupationAsync(session, application),
            await FiledOrganizations.ExistingAsync(session, application),
            await FiledOrganizations.FiledForSameOccupationsAsync(session, application, organization));
    }

    [Authorize(Roles = SharedKernel.Events.Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/submit", OperationId = ApplicationGuards.Submit, Summary = "提交备案申请")]
    public static (UpdatedAggregate, Events) Post(SubmitApplication command, [Aggregate("applicationId")] FilingApplication application,
        SubmissionFacts facts, PolicyCatalog catalog, OccupationCatalog occupations, IWorkingDayCalendar calendar, Instant now, Actor by)
    {
        var organization = facts.Organization
                           ?? throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "机构基本信息不存在。"));
        var policy = catalog.Get(application.Jurisdiction);
        var today = now.Date();
        var context = new SubmissionContext(catalog, policy, organization.Category, occupations, today, facts.PerOccupation, facts.Existing,
            facts.FiledForSameOccupations, organization.Nature);
        var submitted = SubmissionDecider.Decide(application, context,
            () => FilingRouting.Route(policy, catalog, calendar.Current, application.Scope, application.AreaCode, today),
            command.ExceptionRequests ?? [], now, by);
        return (new UpdatedAggregate(), [submitted]);
    }
}

/// <summary>What <see cref="SubmitApplicationEndpoint"/> loads for the submission rules (null organization: not registered).</summary>
public sealed record SubmissionFacts(Organization? Organization, IReadOnlyDictionary<string, int> PerOccupation, ExistingFiling? Existing,
    bool FiledForSameOccupations);
