using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Filings;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using JasperFx.Events;
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

/// <summary>What a grant decides on: the organization (new filing) or the filing renewed or changed, loaded for writing.</summary>
public sealed record GrantFacts(Organization? Organization, IEventStream<FilingRecord>? Filing);

public static class GrantFilingEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Grant, application, caller);

    public static async Task<GrantFacts> LoadAsync(FilingApplication application, IDocumentSession session) =>
        application.FilingId is { } filingId && application.Kind != ApplicationKind.New
            ? new GrantFacts(null, await session.Events.FetchForWriting<FilingRecord>(filingId))
            : new GrantFacts(await session.LoadAsync<Organization>(application.OrganizationId), null);

    /// <summary>Grant the filing after a clean publicity (FIL-18), or the renewal (FIL-20) or change (FIL-21) applied for.</summary>
    /// <remarks>A new filing takes the next number of its city (FIL-24) in the same transaction, so a refused or failed grant
    /// leaves no hole; its expiry is scheduled for the day after its validity ends.</remarks>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/grant", OperationId = ApplicationGuards.Grant, Summary = "准予备案")]
    [ProducesResponseType<FilingGrantResult>(200)]
    public static async Task<(FilingGrantResult, Events, OutgoingMessages)> Post(GrantFiling command,
        [Aggregate("applicationId")] FilingApplication application,
        GrantFacts facts, IDocumentSession session, PolicyCatalog catalog, OccupationCatalog occupations, FilingNumberAllocator allocator,
        Instant now, Actor by)
    {
        var policy = catalog.Get(application.Jurisdiction);
        var grant = GrantDecider.Decide(application, facts.Organization, facts.Filing?.Aggregate, policy, occupations, now.Date(), now, by);
        var number = grant.NeedsNumberFor is { } organization
            ? (await allocator.AssignAsync(session, policy, catalog, organization.AreaCode, organization.Category, organization.Id, by)).Value
            : grant.ExistingNumber!;
        if (facts.Filing is { } stream) stream.AppendOne(grant.FilingEvent(number));
        else session.Events.StartStream<FilingRecord>(grant.FilingId, grant.FilingEvent(number));
        var (granted, result) = grant.Outcome(number);
        return (result, [granted], [new ExpireFiling(grant.FilingId).ScheduledAt(GrantDecider.ExpiresAt(result.ValidUntil))]);
    }
}
