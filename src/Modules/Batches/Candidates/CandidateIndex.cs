using Assessment.Batches.Batches;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;
using Microsoft.Extensions.Logging;

namespace Assessment.Batches.Candidates;

/// <summary>
/// Which batch holds a candidate, by identity document: one small row per candidate (indexed by number), so a person's
/// batches are found without scanning the candidate lists inside every batch. Kept inline with the batch's events.
/// </summary>
public sealed class CandidateIndexEntry
{
    /// <summary>The candidate's id (unique across batches).</summary>
    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    public int DocumentType { get; set; }
    public string DocumentNumber { get; set; } = "";

    /// <summary>
    /// BAT-09 "no one in two open batches of the organization", as a unique key: organization and identity number while the batch is
    /// not accepted, null afterwards (nulls never collide). Racing adds into two batches cannot both commit.
    /// </summary>
    public string? OpenKey { get; set; }

    public const string OpenKeyIndex = "mt_doc_candidateindexentry_uidx_open_key";

    public const string InAnotherOpenBatch = "该考生已在本机构另一个未办结的批次中（BAT-09）。";

    public static string KeyOf(Guid organizationId, string documentNumber) => $"{organizationId:N}:{documentNumber}";
}

public sealed partial class CandidateIndexProjection : EventProjection
{
    public CandidateIndexProjection()
    {
        IncludeType<CandidatesAdded>();
        IncludeType<CandidateRemoved>();
        IncludeType<ResultsReportAccepted>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case CandidatesAdded added:
                var organization = added.By.OrganizationId ?? (await operations.LoadAsync<Batch>(added.BatchId, cancellation))?.OrganizationId;
                operations.Store(added.Candidates.Select(c => new CandidateIndexEntry
                {
                    Id = c.Id, BatchId = added.BatchId, DocumentType = c.DocumentType, DocumentNumber = c.DocumentNumber,
                    OpenKey = organization is { } org ? CandidateIndexEntry.KeyOf(org, c.DocumentNumber) : null,
                }).ToArray());
                break;
            case CandidateRemoved removed:
                operations.Delete<CandidateIndexEntry>(removed.CandidateId);
                break;
            case ResultsReportAccepted accepted:
                // an accepted batch is finished: its candidates may enter the organization's next batch
                operations.Patch<CandidateIndexEntry>(x => x.BatchId == accepted.BatchId).Set(x => x.OpenKey, null);
                break;
        }
    }
}

/// <summary>
/// Fills the candidate index once for batches recorded before it existed (a database from an earlier version): at start-up,
/// only while the index is empty and some batch has candidates; afterwards the projection keeps it.
/// </summary>
public sealed class CandidateIndexBackfill(ILogger<CandidateIndexBackfill> logger) : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        if (await query.Query<CandidateIndexEntry>().AnyAsync(cancellationToken)
            || !await query.Query<Batch>().AnyAsync(b => b.Candidates.Count > 0, cancellationToken)) return;
        var entries = new List<CandidateIndexEntry>();
        var count = 0;
        await foreach (var batch in query.Query<Batch>().ToAsyncEnumerable(cancellationToken))
        {
            entries.AddRange(batch.Candidates.Select(c => new CandidateIndexEntry
            {
                Id = c.Id, BatchId = batch.Id, DocumentType = c.DocumentType, DocumentNumber = c.DocumentNumber,
                OpenKey = batch.Status == BatchStatus.Accepted ? null : CandidateIndexEntry.KeyOf(batch.OrganizationId, c.DocumentNumber),
            }));
            if (entries.Count >= 10_000) count += await StoreAsync(store, entries, cancellationToken);
        }
        count += await StoreAsync(store, entries, cancellationToken);
        logger.LogInformation("Candidate index filled for {Count} candidates of earlier batches", count);
    }

    private static async Task<int> StoreAsync(IDocumentStore store, List<CandidateIndexEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return 0;
        await using var session = store.LightweightSession();
        session.Store(entries.ToArray());
        await session.SaveChangesAsync(ct);
        var stored = entries.Count;
        entries.Clear();
        return stored;
    }
}
