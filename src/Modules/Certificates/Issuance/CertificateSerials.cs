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

/// <summary>CRT-01: one serial sequence per organization, issue year and level, counted from 000001 without holes.</summary>
public sealed class CertificateSerialSequence
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public int Last { get; set; }

    public static CertificateSerialSequence Create(CertificateSerialsOpened e) => new() { Id = e.SequenceId };

    public void Apply(CertificateSerialsTaken e) => Last = e.To;
}

/// <summary>
/// Takes serials without duplicates or holes. The stream is locked (SELECT … FOR UPDATE) until the caller's session commits,
/// so concurrent issuances of one organization, year and level — in this process or another — queue up and take consecutive
/// serials; a rolled-back issuance gives its serials back with everything else it wrote.
/// </summary>
public static class CertificateSerials
{
    public static Guid SequenceId(Guid organizationId, int year, int level) => StreamIds.FromName($"certificate-serials:{organizationId:N}:{year}:{level}");

    /// <summary>The last serial taken, with the sequence locked for <paramref name="session"/>'s transaction.</summary>
    public static async Task<IEventStream<CertificateSerialSequence>> LockAsync(IDocumentStore store, IDocumentSession session, Guid organizationId,
        int year, int level, Instant now, CancellationToken ct)
    {
        var id = SequenceId(organizationId, year, level);
        await StreamStarts.EnsureAsync<CertificateSerialSequence>(store, id,
            () => new CertificateSerialsOpened(id, organizationId, year, level, now, Actor.System), ct);
        return await session.Events.FetchForExclusiveWriting<CertificateSerialSequence>(id, ct);
    }
}
