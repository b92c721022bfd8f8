using Assessment.Filing.Applications;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
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

/// <summary>A granted filing (备案). Stream per filing; the snapshot is projected inline.</summary>
[System.ComponentModel.DisplayName("备案")]
public sealed class FilingRecord
{
    public Guid Id { get; set; }

    /// <summary>Stream version for optimistic concurrency (see Organization.Version on why [Version] long).</summary>
    [Marten.Schema.Version]
    public long Version { get; set; }

    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public string FilingNumber { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string Scope { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string GrantingAuthority { get; set; } = "";
    public FilingStatus Status { get; set; }
    public LocalDate ValidFrom { get; set; }
    public LocalDate ValidUntil { get; set; }
    public List<FiledOccupation> Occupations { get; set; } = [];
    public List<string> OccupationKeys { get; set; } = [];
    public List<EvaluationSite> Sites { get; set; } = [];
    public Guid? MergedInto { get; set; }
    public Guid ApplicationId { get; set; }
    public string ReportedTo { get; set; } = "";
    public Instant GrantedAt { get; set; }
    public string? StatusReason { get; set; }
    /// <summary>FIL-13: the last day certification was run under this filing.</summary>
    public LocalDate? LastCertificationOn { get; set; }

    /// <summary>Still filed (FIL-04 counts it); a suspended filing is filed but may not run batches (BAT-03).</summary>
    public bool IsFiled => Status is FilingStatus.Active or FilingStatus.Suspended;

    public ResourceScope AccessScope() => new(AreaCode, OrganizationId);

    public static FilingRecord Create(FilingGranted e) => new()
    {
        Id = e.FilingId, OrganizationId = e.OrganizationId, OrganizationName = e.Organization.Name, FilingNumber = e.FilingNumber,
        Jurisdiction = e.Jurisdiction, Scope = e.Scope, AreaCode = e.AreaCode, GrantingAuthority = e.GrantingAuthority,
        Status = FilingStatus.Active, ValidFrom = e.ValidFrom, ValidUntil = e.ValidUntil, Occupations = e.Occupations.ToList(),
        OccupationKeys = e.Occupations.Select(o => o.Key).ToList(), Sites = e.Sites.ToList(), ApplicationId = e.ApplicationId,
        ReportedTo = e.ReportedTo, GrantedAt = e.GrantedAt,
    };

    public void Apply(FilingRenewed e)
    {
        ValidFrom = e.ValidFrom;
        ValidUntil = e.ValidUntil;
        if (Status == FilingStatus.Expired) Status = FilingStatus.Active;
    }

    public void Apply(FilingOccupationsChanged e)
    {
        Occupations = e.Occupations.ToList();
        OccupationKeys = e.Occupations.Select(o => o.Key).ToList();
        Sites = e.Sites.ToList();
    }

    public void Apply(FilingSuspended e)
    {
        Status = FilingStatus.Suspended;
        StatusReason = e.Reason;
    }

    public void Apply(FilingReinstated e)
    {
        Status = FilingStatus.Active;
        StatusReason = null;
    }

    public void Apply(FilingCancelled e)
    {
        Status = FilingStatus.Cancelled;
        StatusReason = e.Reason;
        MergedInto = e.MergedInto;
    }

    public void Apply(FilingExpired e)
    {
        Status = FilingStatus.Expired;
        StatusReason = "有效期届满";
    }

    public void Apply(FilingCertificationRun e)
    {
        if (LastCertificationOn is null || e.RunOn > LastCertificationOn) LastCertificationOn = e.RunOn;
    }

    public void Apply(FilingContactUpdated e) => OrganizationName = e.Organization.Name;
}
