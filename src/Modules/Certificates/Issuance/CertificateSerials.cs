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
        await EnsureOpenedAsync(store, id, organizationId, year, level, now, ct);
        return await session.Events.FetchForExclusiveWriting<CertificateSerialSequence>(id, ct);
    }

    private static async Task EnsureOpenedAsync(IDocumentStore store, Guid id, Guid organizationId, int year, int level, Instant now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return;
        session.Events.StartStream<CertificateSerialSequence>(id, new CertificateSerialsOpened(id, organizationId, year, level, now, Actor.System));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsStreamCollision(e))
        {
            // opened at the same moment by another issuance: fine
        }
    }

    private static bool IsStreamCollision(Exception e) =>
        e is ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
        || e.InnerException is not null && IsStreamCollision(e.InnerException);
}
