using Assessment.Batches.Batches;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
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
}

public sealed partial class CandidateIndexProjection : EventProjection
{
    public CandidateIndexProjection()
    {
        IncludeType<CandidatesAdded>();
        IncludeType<CandidateRemoved>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case CandidatesAdded added:
                operations.Store(added.Candidates.Select(c => new CandidateIndexEntry
                {
                    Id = c.Id, BatchId = added.BatchId, DocumentType = c.DocumentType, DocumentNumber = c.DocumentNumber,
                }).ToArray());
                break;
            case CandidateRemoved removed:
                operations.Delete<CandidateIndexEntry>(removed.CandidateId);
                break;
        }
        return ValueTask.CompletedTask;
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
