using Assessment.Filing.Applications;
using Assessment.Filing.Filings;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Directory;

/// <summary>One change published in the directory (FIL-19 "dynamic": additions, changes, suspensions, removals).</summary>
public sealed record DirectoryChange(Instant At, string Kind, string Description);

/// <summary>
/// The public directory entry of one filing (FIL-19): name, address, contact, filing number, period, occupations, levels,
/// sites, status and its change history. Projected inline from the filing's stream, so changes show at once.
/// </summary>
public sealed class DirectoryEntry
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string Nature { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string FilingNumber { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string Scope { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string GrantingAuthority { get; set; } = "";
    public LocalDate ValidFrom { get; set; }
    public LocalDate ValidUntil { get; set; }
    public List<FiledOccupation> Occupations { get; set; } = [];
    /// <summary>Every level (1–5) any occupation covers, for the level filter.</summary>
    public List<int> Levels { get; set; } = [];
    /// <summary>Occupation names and codes joined, for the occupation filter.</summary>
    public string OccupationText { get; set; } = "";
    public List<EvaluationSite> Sites { get; set; } = [];
    public FilingStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public Instant UpdatedAt { get; set; }
    public List<DirectoryChange> History { get; set; } = [];

    public static DirectoryEntry Create(FilingGranted e)
    {
        var entry = new DirectoryEntry
        {
            Id = e.FilingId, OrganizationId = e.OrganizationId, FilingNumber = e.FilingNumber, Jurisdiction = e.Jurisdiction, Scope = e.Scope,
            AreaCode = e.AreaCode, GrantingAuthority = e.GrantingAuthority, ValidFrom = e.ValidFrom, ValidUntil = e.ValidUntil,
            Status = FilingStatus.Active, Sites = e.Sites.ToList(),
        };
        entry.SetProfile(e.Organization);
        entry.SetOccupations(e.Occupations);
        entry.Record(e.GrantedAt, "granted", $"备案，备案号{e.FilingNumber}，有效期{e.ValidFrom:yyyy-MM-dd}至{e.ValidUntil:yyyy-MM-dd}");
        return entry;
    }

    public void Apply(FilingRenewed e)
    {
        ValidFrom = e.ValidFrom;
        ValidUntil = e.ValidUntil;
        if (Status == FilingStatus.Expired) { Status = FilingStatus.Active; StatusReason = null; }
        Record(e.RenewedAt, "renewed", $"续期备案，有效期{e.ValidFrom:yyyy-MM-dd}至{e.ValidUntil:yyyy-MM-dd}");
    }

    public void Apply(FilingOccupationsChanged e)
    {
        var before = Describe(Occupations);
        SetOccupations(e.Occupations);
        Sites = e.Sites.ToList();
        Record(e.ChangedAt, "changed", $"变更职业（工种）及等级：{before} → {Describe(Occupations)}");
    }

    public void Apply(FilingSuspended e)
    {
        Status = FilingStatus.Suspended;
        StatusReason = e.Reason;
        Record(e.SuspendedAt, "suspended", $"暂停备案：{e.Reason}");
    }

    public void Apply(FilingReinstated e)
    {
        Status = FilingStatus.Active;
        StatusReason = null;
        Record(e.ReinstatedAt, "reinstated", $"恢复备案：{e.Reason}");
    }

    public void Apply(FilingCancelled e)
    {
        Status = FilingStatus.Cancelled;
        StatusReason = e.Reason;
        Record(e.CancelledAt, "cancelled", e.MergedIntoNumber is null ? $"注销备案：{e.Reason}" : $"因合并注销，并入备案号{e.MergedIntoNumber}：{e.Reason}");
    }

    public void Apply(FilingExpired e)
    {
        Status = FilingStatus.Expired;
        StatusReason = "有效期届满";
        Record(e.ExpiredAt, "expired", $"有效期于{e.ValidUntil:yyyy-MM-dd}届满，备案失效");
    }

    public void Apply(FilingContactUpdated e)
    {
        SetProfile(e.Organization);
        Record(e.UpdatedAt, "contact", "机构地址或联系方式变更");
    }

    private void SetProfile(OrganizationProfile p)
    {
        Name = p.Name;
        CreditCode = p.CreditCode;
        Nature = p.Nature;
        Address = p.Address;
        ContactName = p.ContactName;
        ContactPhone = p.ContactPhone;
        ContactEmail = p.ContactEmail;
    }

    private void SetOccupations(IReadOnlyList<FiledOccupation> occupations)
    {
        Occupations = occupations.ToList();
        Levels = occupations.SelectMany(o => Enumerable.Range(o.HighestLevel, o.LowestLevel - o.HighestLevel + 1)).Distinct().Order().ToList();
        OccupationText = string.Join(" ", occupations.Select(o => o.Code is null ? o.Name : $"{o.Name} {o.Code}"));
    }

    private void Record(Instant at, string kind, string description)
    {
        UpdatedAt = at;
        History.Add(new DirectoryChange(at, kind, description));
    }

    public static string Describe(IEnumerable<FiledOccupation> occupations) =>
        string.Join("、", occupations.Select(o =>
            $"{o.Name}（{SkillLevel.FromNumber(o.LowestLevel).FullName}至{SkillLevel.FromNumber(o.HighestLevel).FullName}）"));
}
