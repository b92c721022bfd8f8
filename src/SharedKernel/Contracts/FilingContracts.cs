using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>
/// A certification batch of an organization was carried out (sent by the Batches module when a batch's results are
/// filed). The Filing module records it on the organization's filing: FIL-13 asks whether a filed organization has run
/// certification before it may apply for new occupations or levels.
/// </summary>
public sealed record CertificationRunRecorded(Guid OrganizationId, string Jurisdiction, string Occupation, LocalDate RunOn, Actor By);

/// <summary>Where a filing stands, as other modules see it.</summary>
public enum FilingState { Active, Suspended, Cancelled, Expired }

/// <summary>An occupation (工种) a filing covers, from <paramref name="HighestLevel"/> (1 = 一级) to <paramref name="LowestLevel"/>.</summary>
public sealed record FiledOccupationScope(string Key, string Name, string? Code, int HighestLevel, int LowestLevel)
{
    public bool Covers(int level) => level >= HighestLevel && level <= LowestLevel;
}

/// <summary>
/// An organization's filing as the Filing module publishes it to the other modules (BAT-03 eligibility, CRT-01 numbers):
/// what it covers, where, how long, and whether it stands. <paramref name="OrganizationAreaCode"/> is where the
/// organization is registered (FIL-22, FIL-23); <paramref name="FiledOn"/> is the day it was first granted (a renewal moves
/// <paramref name="ValidFrom"/>, not the pilot year).
/// </summary>
public sealed record OrganizationFiling(
    Guid FilingId, Guid OrganizationId, string OrganizationName, string OrganizationAreaCode, string FilingNumber, string Jurisdiction,
    string Scope, string AreaCode, string GrantingAuthority, FilingState Status, LocalDate FiledOn, LocalDate ValidFrom, LocalDate ValidUntil,
    IReadOnlyList<FiledOccupationScope> Occupations, Guid? ApplicationId = null);

/// <summary>The Filing module's published read contract over filings.</summary>
public interface IOrganizationFilings
{
    /// <summary>Every filing of the organization, whatever its state, newest first, read in the caller's session.</summary>
    Task<IReadOnlyList<OrganizationFiling>> OfOrganizationAsync(Marten.IQuerySession session, Guid organizationId, CancellationToken ct = default);
}
