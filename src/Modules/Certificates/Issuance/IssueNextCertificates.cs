using System.Security.Cryptography;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Registry;
using Assessment.Certificates.Verification;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>Issue the next chunk of a batch's certificates; each chunk sends this again until the batch is done.</summary>
public sealed record IssueNextCertificates(Guid BatchId, Actor By);

/// <summary>Configuration section <c>Certificates</c>.</summary>
public sealed class CertificatesOptions
{
    /// <summary>Certificates per transaction: progress moves in these steps, and a crash loses at most one chunk's work.</summary>
    public int IssuanceChunkSize { get; set; } = 2_000;

    /// <summary>The public address printed on certificates and carried by their QR links (CRT-03).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>A PKCS#8 file with the ES256 signing key; when empty, the key is created once and kept in the database.</summary>
    public string? SigningKeyPath { get; set; }
}

/// <summary>
/// One chunk per message, in one transaction: the issuance stream is locked (so a message delivered twice waits and then
/// finds the chunk done), then the serial sequences of the chunk's levels in level order (so concurrent issuances never
/// deadlock); numbers, events and registry rows commit together or not at all. A crash redelivers the message and the
/// chunk is issued as if nothing had happened.
/// </summary>
public static class IssueNextCertificatesHandler
{
    public static async Task<IssueNextCertificates?> Handle(IssueNextCertificates message, IDocumentSession session, IDocumentStore store,
        CertificatesOptions options, PolicyCatalog catalog, SigningKeys keys, Instant now, CancellationToken ct)
    {
        var key = await keys.CurrentAsync(ct);
        await session.BeginTransactionAsync(ct);
        var stream = await session.Events.FetchForExclusiveWriting<BatchIssuance>(BatchIssuance.StreamFor(message.BatchId), ct);
        var issuance = stream.Aggregate;
        if (issuance is null || issuance.Status != IssuanceStatus.Running) return null;
        var batch = await session.LoadAsync<AcceptedBatch>(message.BatchId, ct)
                    ?? throw new InvalidOperationException($"Accepted batch {message.BatchId} is missing for its issuance.");
        var chunk = await QualifiedCandidateTable.SliceAsync((Npgsql.NpgsqlConnection)session.Connection!, batch.Id, issuance.Done,
            Math.Max(1, options.IssuanceChunkSize), ct);
        if (chunk.Count == 0)
        {
            stream.AppendOne(new IssuanceCompleted(batch.Id, issuance.Total, now, message.By));
            return null;
        }

        var year = now.InZone(SharedKernel.ChinaTime.Zone).Year;
        var sequences = new Dictionary<int, CertificateSerialSequence>();
        var locked = new List<JasperFx.Events.IEventStream<CertificateSerialSequence>>();
        foreach (var level in chunk.Select(c => c.Level).Distinct().Order())
        {
            var sequence = await CertificateSerials.LockAsync(store, session, batch.OrganizationId, year, level, now, ct);
            locked.Add(sequence);
            sequences[level] = sequence.Aggregate!;
        }
        var inputs = new ChunkInputs(chunk.Select(_ => Guid.CreateVersion7(now.ToDateTimeOffset())).ToList(), chunk.Select(_ => NewToken()).ToList(),
            await CertificateTable.NextStatusIndexesAsync(session, chunk.Count, ct));
        IssuedChunk decided;
        try
        {
            decided = IssuanceDecider.Issue(issuance, batch, chunk, sequences, SerialSource.Of(catalog.Get(batch.Jurisdiction)), inputs,
                now, message.By);
        }
        catch (BusinessRuleException e)
        {
            stream.AppendOne(new IssuanceHalted(batch.Id, issuance.Done, e.Violations[0].RuleId, e.Violations[0].Message, now, message.By));
            return null;
        }
        decided = decided.Signed(row => PublicCertificates.Signed(row, key, options));
        foreach (var taken in decided.Serials) locked.Single(s => s.Id == taken.SequenceId).AppendOne(taken);
        if (decided.Issued is not null) stream.AppendOne(decided.Issued);
        if (decided.Completed is not null) stream.AppendOne(decided.Completed);
        if (decided.Halted is not null) stream.AppendOne(decided.Halted);
        // the registry rows follow from CertificatesIssued through CertificateRegistryProjection, in this transaction
        return decided.Completed is null && decided.Halted is null ? message : null;
    }

    /// <summary>The unguessable part of a certificate's QR link (128 bits): numbers are sequential, tokens are not.</summary>
    public static string NewToken() => Base64UrlNoPadding(RandomNumberGenerator.GetBytes(16));

    private static string Base64UrlNoPadding(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
