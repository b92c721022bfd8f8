using Assessment.SharedKernel.Http;
using System.Security.Claims;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.SharedKernel;
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

namespace Assessment.Filing.Filings;

public sealed record GrantFiling(long Version);

public sealed record FilingGrantResult(Guid ApplicationId, Guid FilingId, string FilingNumber, LocalDate ValidFrom, LocalDate ValidUntil);

/// <summary>Scheduled for the day after a filing's validity ends (FIL-20).</summary>
public sealed record ExpireFiling(Guid FilingId);

/// <summary>FIL-18/FIL-20/FIL-21 decisions after a clean publicity. Pure: state in, events out.</summary>
public static class GrantDecider
{
    public static (LocalDate From, LocalDate Until) Validity(JurisdictionPolicy policy, LocalDate from) =>
        (from, from.PlusYears(policy.Filing.ValidityYears).PlusDays(-1));

    public static IReadOnlyList<FiledOccupation> Occupations(FilingApplication a, OccupationCatalog catalog) =>
        a.Occupations.Select(o => new FiledOccupation(catalog.Find(o.Code, o.Name)?.Key ?? o.Code ?? o.Name, o.Name, o.Code, o.HighestLevel,
            o.LowestLevel)).ToList();

    public static OrganizationProfile Profile(Organization o) =>
        new(o.Name, o.CreditCode, o.Nature.ToString(), o.Address, o.ContactName, o.ContactPhone, o.ContactEmail);

    public static FilingGranted New(FilingApplication a, Organization organization, JurisdictionPolicy policy, OccupationCatalog catalog,
        string number, Guid filingId, LocalDate today, Instant now, Actor by)
    {
        PublicityDecider.EnsureClean(a, today);
        var (from, until) = Validity(policy, today);
        return new FilingGranted(filingId, a.OrganizationId, a.Id, number, a.Jurisdiction, a.Scope, a.AreaCode, a.HandlingAuthority!,
            Profile(organization), Occupations(a, catalog), a.Sites, from, until, policy.Filing.ReportsTo, now, by);
    }

    /// <summary>FIL-20: the new period follows the current one without a gap; after expiry it starts on the grant day.</summary>
    public static FilingRenewed Renew(FilingApplication a, FilingRecord filing, JurisdictionPolicy policy, LocalDate today, Instant now, Actor by)
    {
        PublicityDecider.EnsureClean(a, today);
        EnsureChangeable(filing);
        var (from, until) = Validity(policy, filing.Status == FilingStatus.Expired ? today : filing.ValidUntil.PlusDays(1));
        return new FilingRenewed(filing.Id, a.Id, from, until, now, by);
    }

    public static FilingOccupationsChanged Change(FilingApplication a, FilingRecord filing, OccupationCatalog catalog, LocalDate today, Instant now,
        Actor by)
    {
        PublicityDecider.EnsureClean(a, today);
        EnsureChangeable(filing);
        if (filing.Status == FilingStatus.Expired)
            throw new BusinessRuleException(new RuleViolation("FIL-21", "filing.expired", "备案已过期，请申请续期备案。"));
        return new FilingOccupationsChanged(filing.Id, a.Id, Occupations(a, catalog), a.Sites.Count > 0 ? a.Sites : filing.Sites, now, by);
    }

    private static void EnsureChangeable(FilingRecord filing)
    {
        if (filing.Status == FilingStatus.Cancelled)
            throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.cancelled", "备案已注销，不能续期或变更。"));
    }

    /// <summary>Why the filing is granted, in words: the evaluation and the clean publicity it rests on.</summary>
    public static string Basis(FilingApplication a) =>
        $"技术评估通过（平均分{a.AverageScore}）：{a.EvaluationReason}；公示{a.PublicityStart:yyyy-MM-dd}至{a.PublicityEnd:yyyy-MM-dd}期满，无未决或成立的异议。";

    public static DateTimeOffset ExpiresAt(LocalDate validUntil) => validUntil.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToDateTimeOffset();
}

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

public static class ExpireFilingHandler
{
    /// <summary>Expires a filing whose validity has ended; renewed, cancelled or already expired filings are left alone.</summary>
    public static Events Handle(ExpireFiling command, [WriteAggregate(nameof(ExpireFiling.FilingId))] FilingRecord filing, IClock clock) =>
        filing.IsFiled && clock.Today() > filing.ValidUntil
            ? [new FilingExpired(filing.Id, filing.ValidUntil, clock.GetCurrentInstant(), Actor.System)]
            : [];
}
