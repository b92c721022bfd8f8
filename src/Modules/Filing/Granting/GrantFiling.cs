using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel;
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

namespace Assessment.Filing.Granting;

public sealed record GrantFiling(long Version);

public sealed record FilingGrantResult(Guid ApplicationId, Guid FilingId, string FilingNumber, LocalDate ValidFrom, LocalDate ValidUntil);

public static class GrantFilingEndpoint
{
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.CurrentAuthority(application, principal, access);

    /// <summary>
    /// FIL-18: grants the filing after a clean publicity. A new filing takes the next number of its city (FIL-24) in the
    /// same transaction; a renewal (FIL-20) or change (FIL-21) updates the existing filing.
    /// </summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/grant", OperationId = "grantFiling")]
    [ProducesResponseType<FilingGrantResult>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<(FilingGrantResult, Events, OutgoingMessages)> Post(GrantFiling command,
        [Aggregate("applicationId")] FilingApplication application, ClaimsPrincipal principal, IDocumentSession session, PolicyCatalog catalog,
        OccupationCatalog occupations, FilingNumberAllocator allocator, IClock clock)
    {
        var policy = catalog.Get(application.Jurisdiction);
        var today = clock.Today();
        var now = clock.GetCurrentInstant();
        var by = CurrentUser.From(principal).ToActor();
        Guid filingId;
        string number;
        LocalDate from, until;
        if (application.Kind == ApplicationKind.New)
        {
            PublicityDecider.EnsureClean(application, today);
            var organization = await session.LoadAsync<Organization>(application.OrganizationId)
                               ?? throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "机构基本信息不存在。"));
            number = (await allocator.AssignAsync(session, policy, catalog, organization.AreaCode, organization.Category, organization.Id, by)).Value;
            filingId = Guid.CreateVersion7();
            var granted = GrantDecider.New(application, organization, policy, occupations, number, filingId, today, now, by);
            session.Events.StartStream<FilingRecord>(filingId, granted);
            (from, until) = (granted.ValidFrom, granted.ValidUntil);
        }
        else
        {
            var stream = await session.Events.FetchForWriting<FilingRecord>(application.FilingId!.Value);
            var filing = stream.Aggregate!;
            filingId = filing.Id;
            number = filing.FilingNumber;
            if (application.Kind == ApplicationKind.Renewal)
            {
                var renewed = GrantDecider.Renew(application, filing, policy, today, now, by);
                stream.AppendOne(renewed);
                (from, until) = (renewed.ValidFrom, renewed.ValidUntil);
            }
            else
            {
                stream.AppendOne(GrantDecider.Change(application, filing, occupations, today, now, by));
                (from, until) = (filing.ValidFrom, filing.ValidUntil);
            }
        }
        var result = new FilingGrantResult(application.Id, filingId, number, from, until);
        return (result, [new ApplicationGranted(application.Id, filingId, number, from, until, now, by, GrantDecider.Basis(application))],
            [new ExpireFiling(filingId).ScheduledAt(GrantDecider.ExpiresAt(until))]);
    }
}
