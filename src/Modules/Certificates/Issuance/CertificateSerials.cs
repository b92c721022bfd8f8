using System.Text.Json.Serialization;
using Assessment.SharedKernel.Events;
using JasperFx.Events;
using Marten;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>An organization's serial sequence for one issue year and level exists (opened before its first serial, so the first
/// issuance can lock it).</summary>
public sealed record CertificateSerialsOpened(Guid SequenceId, Guid OrganizationId, int Year, int Level, Instant OpenedAt, Actor By);

/// <summary>Serials <paramref name="From"/>…<paramref name="To"/> went to certificates of <paramref name="BatchId"/> (CRT-01).</summary>
public sealed record CertificateSerialsTaken(Guid SequenceId, Guid BatchId, int From, int To, Instant TakenAt, Actor By);

/// <summary>
/// CRT-01 [AH]: the authority allocated serials <paramref name="From"/>…<paramref name="To"/> of one issue year and level to the
/// organization, under its document (<paramref name="DocumentNumber"/>). <paramref name="AreaCode"/> is where the organization is
/// registered: the authorities over it see the range.
/// </summary>
public sealed record CertificateSerialRangeAllocated(Guid SequenceId, Guid OrganizationId, string OrganizationName, string AreaCode, int Year,
    int Level, int From, int To, string DocumentNumber, string? Reason, Instant AllocatedAt, Actor By);

/// <summary>An allocated range and how far it is used: <paramref name="Last"/> is the highest serial taken in it (From − 1 while unused).</summary>
public sealed record AllocatedSerialRange(int From, int To, int Last, string DocumentNumber, string? Reason, Instant AllocatedAt, Actor AllocatedBy)
{
    [JsonIgnore] public int Used => Last - From + 1;
    [JsonIgnore] public int Remaining => To - Last;
}

/// <summary>CRT-01: one serial sequence per organization, issue year and level, counted from 000001 without holes — or, where the
/// policy says so, taken from the ranges the authority allocated.</summary>
public sealed class CertificateSerialSequence
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public Guid OrganizationId { get; set; }
    public int Year { get; set; }
    public int Level { get; set; }

    /// <summary>The highest serial taken.</summary>
    public int Last { get; set; }

    /// <summary>Set by the first allocation: whose ranges these are and where it is registered (who may see them).</summary>
    public string? OrganizationName { get; set; }
    public string? AreaCode { get; set; }

    /// <summary>In the order they were allocated.</summary>
    public List<AllocatedSerialRange> Ranges { get; set; } = [];

    /// <summary>A copy to apply a decision to, for the answer, leaving the loaded aggregate as it was.</summary>
    public CertificateSerialSequence Copy() => (CertificateSerialSequence)MemberwiseClone();

    public static CertificateSerialSequence Create(CertificateSerialsOpened e) =>
        new() { Id = e.SequenceId, OrganizationId = e.OrganizationId, Year = e.Year, Level = e.Level };

    public void Apply(CertificateSerialsTaken e)
    {
        Last = Math.Max(Last, e.To);
        Ranges = Ranges.Select(r => r.From <= e.To && e.From <= r.To ? r with { Last = Math.Max(r.Last, Math.Min(e.To, r.To)) } : r).ToList();
    }

    public void Apply(CertificateSerialRangeAllocated e)
    {
        // repeated from the opening: a snapshot stored before sequences kept them still lists under the right organization
        (OrganizationId, Year, Level) = (e.OrganizationId, e.Year, e.Level);
        OrganizationName = e.OrganizationName;
        AreaCode = e.AreaCode;
        Ranges = [.. Ranges, new AllocatedSerialRange(e.From, e.To, e.From - 1, e.DocumentNumber, e.Reason, e.AllocatedAt, e.By)];
    }
}

/// <summary>
/// Takes serials without duplicates or holes. The stream is locked (SELECT … FOR UPDATE) until the caller's session commits,
/// so concurrent issuances of one organization, year and level — in this process or another — queue up and take consecutive
/// serials; a rolled-back issuance gives its serials back with everything else it wrote. An allocation takes the same lock.
/// </summary>
public static class CertificateSerials
{
    public static Guid SequenceId(Guid organizationId, int year, int level)
        => StreamIds.FromName($"certificate-serials:{organizationId:N}:{year}:{level}");

    /// <summary>The sequence with its last serial and ranges, locked for <paramref name="session"/>'s transaction.</summary>
    public static async Task<IEventStream<CertificateSerialSequence>> LockAsync(IDocumentStore store, IDocumentSession session, Guid organizationId,
        int year, int level, Instant now, CancellationToken ct)
    {
        var id = SequenceId(organizationId, year, level);
        await StreamStarts.EnsureAsync<CertificateSerialSequence>(store, id,
            () => new CertificateSerialsOpened(id, organizationId, year, level, now, Actor.System), ct);
        return await session.Events.FetchForExclusiveWriting<CertificateSerialSequence>(id, ct);
    }
}
