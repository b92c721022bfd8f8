using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Filings;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Granting;

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

    /// <summary>
    /// FIL-18 for a new filing, FIL-20 for a renewal, FIL-21 for a change, after a clean publicity (FIL-17). Every rule is
    /// decided here; a new filing's number is the one thing left to the caller, which takes it in the same transaction.
    /// </summary>
    public static GrantDecision Decide(FilingApplication a, Organization? organization, FilingRecord? filing, JurisdictionPolicy policy,
        OccupationCatalog catalog, LocalDate today, Instant now, Actor by)
    {
        PublicityDecider.EnsureClean(a, today);
        if (a.Kind == ApplicationKind.New)
        {
            if (organization is null)
                throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "机构基本信息不存在。"));
            var filingId = Guid.CreateVersion7();
            return new GrantDecision(a, filingId, null, organization,
                number => New(a, organization, policy, catalog, number, filingId, today, now, by), now, by);
        }
        if (filing is null)
            throw new BusinessRuleException(
                new RuleViolation(a.Kind == ApplicationKind.Renewal ? "FIL-20" : "FIL-21", "filing.not-found", "原备案不存在。"));
        object decided = a.Kind == ApplicationKind.Renewal ? Renew(a, filing, policy, today, now, by) : Change(a, filing, catalog, today, now, by);
        return new GrantDecision(a, filing.Id, filing, null, _ => decided, now, by);
    }

    /// <summary>Why the filing is granted, in words: the evaluation and the clean publicity it rests on.</summary>
    public static string Basis(FilingApplication a) =>
        $"技术评估通过（平均分{a.AverageScore}）：{a.EvaluationReason}；公示{a.PublicityStart:yyyy-MM-dd}至{a.PublicityEnd:yyyy-MM-dd}期满，无未决或成立的异议。";

    public static DateTimeOffset ExpiresAt(LocalDate validUntil) => validUntil.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToDateTimeOffset();
}

/// <summary>A grant that passed every rule: the filing's event and the application's, once the number is known.</summary>
public sealed class GrantDecision(FilingApplication application, Guid filingId, FilingRecord? existing, Organization? toNumber,
    Func<string, object> filingEvent, Instant now, Actor by)
{
    public Guid FilingId => filingId;

    /// <summary>The organization whose city's next number a new filing takes (FIL-24); null when the filing keeps its number.</summary>
    public Organization? NeedsNumberFor => toNumber;

    public string? ExistingNumber => existing?.FilingNumber;

    public object FilingEvent(string number) => filingEvent(number);

    public (ApplicationGranted Granted, FilingGrantResult Result) Outcome(string number)
    {
        var (from, until) = FilingEvent(number) switch
        {
            FilingGranted g => (g.ValidFrom, g.ValidUntil),
            FilingRenewed r => (r.ValidFrom, r.ValidUntil),
            _ => (existing!.ValidFrom, existing.ValidUntil),
        };
        return (new ApplicationGranted(application.Id, filingId, number, from, until, now, by, GrantDecider.Basis(application)),
            new FilingGrantResult(application.Id, filingId, number, from, until));
    }
}
