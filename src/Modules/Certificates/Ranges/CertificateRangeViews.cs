using Assessment.Certificates.Issuance;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Certificates.Ranges;

/// <summary>One allocated range and its use: serials are taken from its start, so used + remaining = size.</summary>
public sealed record SerialRangeItem(string From, string To, int Size, int Used, int Remaining, string DocumentNumber, string? Reason,
    Instant AllocatedAt, string AllocatedByName, string? AllocatedByAuthority);

/// <summary>
/// CRT-01 [AH]: an organization's ranges for one issue year and level, lowest first (the order issuance uses them), with what is
/// used, what remains and the serial the next certificate gets (null: used up). <see cref="Version"/> is what an allocation sends.
/// </summary>
public sealed record CertificateSerialRanges(Guid OrganizationId, string OrganizationName, string AreaCode, int Year, int Level, string LevelName,
    IReadOnlyList<SerialRangeItem> Ranges, int Allocated, int Used, int Remaining, string? NextSerial, long Version, IReadOnlyList<string> Actions);

public static class CertificateRangeViews
{
    /// <summary>
    /// The version a client sends to allocate: the sequence's, once it has ranges; 0 before — a sequence without ranges holds nothing a
    /// client allocating could have missed (it may have been opened, or counted serials under another jurisdiction's batch).
    /// </summary>
    public static long VersionOf(CertificateSerialSequence? sequence) => sequence is null || sequence.Ranges.Count == 0 ? 0 : sequence.Version;

    /// <summary>The ranges with the operations the caller may take now (<see cref="RangeGuards"/>).</summary>
    public static CertificateSerialRanges Of(CertificateSerialSequence s, AccessContext caller, PolicyCatalog catalog)
    {
        var ranges = s.Ranges.OrderBy(r => r.From).Select(r => new SerialRangeItem(r.From.ToString("D6"), r.To.ToString("D6"), r.To - r.From + 1,
            r.Used, r.Remaining, r.DocumentNumber, r.Reason, r.AllocatedAt, r.AllocatedBy.Name, r.AllocatedBy.AuthorityCode)).ToList();
        var next = SerialPool.Of(s, new SerialSource(true, null), s.Year, s.Level).Take();
        var actions = s.AreaCode is { } area && catalog.IsKnownArea(area)
            ? RangeGuards.Table.Actions(new RangeHolder(s.OrganizationId, s.OrganizationName ?? "", area, catalog.PolicyForArea(area)), caller)
            : [];
        return new CertificateSerialRanges(s.OrganizationId, s.OrganizationName ?? "", s.AreaCode ?? "", s.Year, s.Level,
            SkillLevel.FromNumber(s.Level).FullName, ranges, ranges.Sum(r => r.Size), ranges.Sum(r => r.Used), ranges.Sum(r => r.Remaining),
            next?.ToString("D6"), VersionOf(s), actions);
    }
}
