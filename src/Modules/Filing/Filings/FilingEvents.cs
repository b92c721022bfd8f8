using Assessment.Filing.Applications;
using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Filing.Filings;

public enum FilingStatus { Active, Suspended, Cancelled, Expired }

/// <summary>An occupation and level range a filing covers; <paramref name="Key"/> is the catalog key (FIL-04 counts by it).</summary>
public sealed record FiledOccupation(string Key, string Name, string? Code, int HighestLevel, int LowestLevel);

/// <summary>The organization's details as published in the directory (FIL-19).</summary>
public sealed record OrganizationProfile(string Name, string CreditCode, string Nature, string Address, string ContactName, string ContactPhone,
    string ContactEmail);

/// <summary>FIL-18: filing granted with its number (FIL-24) and validity (FIL-20); reported to <paramref name="ReportedTo"/>.</summary>
public sealed record FilingGranted(
    Guid FilingId, Guid OrganizationId, Guid ApplicationId, string FilingNumber, string Jurisdiction, string Scope, string AreaCode,
    string GrantingAuthority, OrganizationProfile Organization, IReadOnlyList<FiledOccupation> Occupations, IReadOnlyList<EvaluationSite> Sites,
    LocalDate ValidFrom, LocalDate ValidUntil, string ReportedTo, Instant GrantedAt, Actor By);

/// <summary>FIL-20: renewed after a new technical evaluation.</summary>
public sealed record FilingRenewed(Guid FilingId, Guid ApplicationId, LocalDate ValidFrom, LocalDate ValidUntil, Instant RenewedAt, Actor By);

/// <summary>FIL-21: occupations, levels or sites changed through the same review.</summary>
public sealed record FilingOccupationsChanged(Guid FilingId, Guid ApplicationId, IReadOnlyList<FiledOccupation> Occupations,
    IReadOnlyList<EvaluationSite> Sites, Instant ChangedAt, Actor By);

public sealed record FilingSuspended(Guid FilingId, string Reason, Instant SuspendedAt, Actor By);

public sealed record FilingReinstated(Guid FilingId, string Reason, Instant ReinstatedAt, Actor By);

/// <summary>FIL-24: cancelled; the number goes to the discard pool. <paramref name="MergedInto"/> names the surviving filing of a merger.</summary>
public sealed record FilingCancelled(Guid FilingId, string Reason, Guid? MergedInto, string? MergedIntoNumber, Instant CancelledAt, Actor By);

/// <summary>FIL-20: the validity ended without renewal (a scheduled message, not a cron job).</summary>
public sealed record FilingExpired(Guid FilingId, LocalDate ValidUntil, Instant ExpiredAt, Actor By);

/// <summary>The organization changed its address or contact; the directory shows it at once (FIL-19).</summary>
public sealed record FilingContactUpdated(Guid FilingId, OrganizationProfile Organization, Instant UpdatedAt, Actor By);

/// <summary>FIL-13: the organization ran certification under this filing (reported by the Batches module).</summary>
public sealed record FilingCertificationRun(Guid FilingId, string Occupation, LocalDate RunOn, Instant RecordedAt, Actor By);
