using Assessment.Batches.Batches;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Logging;

namespace Assessment.Batches.Candidates;

/// <summary>
/// A batch's candidates as the <see cref="BatchCandidate"/> projection keeps them, in the order entered: what a decision over
/// the whole roster (filing, staffing, results, the report) and the screens read. Loaded inside the command's session after
/// the batch, so it is the roster of the version the command decides on (the append fails if another command came between).
/// </summary>
public sealed record Roster(IReadOnlyList<BatchCandidate> Entries)
{
    public static readonly Roster Empty = new([]);

    public IEnumerable<Candidate> Candidates => Entries.Select(e => e.Candidate);

    public int Count => Entries.Count;

    public CandidateResult? ResultOf(Guid candidateId) => Entries.FirstOrDefault(e => e.Id == candidateId)?.Result;

    public IEnumerable<CandidateResult> Results => Entries.Where(e => e.Result is not null).Select(e => e.Result!);

    /// <summary>The candidates who passed, in the order they were entered.</summary>
    public IEnumerable<Candidate> Qualified() => Entries.Where(e => e.Result is { Passed: true }).Select(e => e.Candidate);

    public Guid? PhotoOf(Guid candidateId) => Entries.FirstOrDefault(e => e.Id == candidateId)?.PhotoId;

    /// <summary>
    /// The roster after one of the batch's events, in memory, as <see cref="BatchCandidateProjection"/> keeps it in the database:
    /// for a batch written in one go (the demo) and for decider tests. The entries given are never changed.
    /// </summary>
    public Roster With(object e) => e switch
    {
        CandidatesAdded added => new([.. Entries, .. added.Candidates.Select((c, i) => new BatchCandidate
        {
            Id = c.Id, BatchId = added.BatchId, Order = Entries.Count + i, DocumentType = c.DocumentType, DocumentNumber = c.DocumentNumber,
            Candidate = c,
        })]),
        CandidateRemoved removed => new(Entries.Where(x => x.Id != removed.CandidateId).ToList()),
        CandidatePhotoUploaded photo => new(Entries.Select(x => x.Id == photo.CandidateId ? Copy(x, x.Result, photo.PhotoId) : x).ToList()),
        ResultsRecorded recorded => new(Entries.Select(x =>
            recorded.Results.FirstOrDefault(r => r.CandidateId == x.Id) is { } r ? Copy(x, r, x.PhotoId) : x).ToList()),
        _ => this,
    };

    private static BatchCandidate Copy(BatchCandidate x, CandidateResult? result, Guid? photoId) => new()
    {
        Id = x.Id, BatchId = x.BatchId, Order = x.Order, DocumentType = x.DocumentType, DocumentNumber = x.DocumentNumber,
        Candidate = x.Candidate, Result = result, PhotoId = photoId, OpenKey = x.OpenKey,
    };
}

public static class RosterQueries
{
    public static async Task<Roster> RosterAsync(this IQuerySession session, Guid batchId, CancellationToken ct = default) =>
        new(await session.Query<BatchCandidate>().Where(c => c.BatchId == batchId).OrderBy(c => c.Order).ToListAsync(ct));

    public static Task<BatchCandidate?> CandidateAsync(this IQuerySession session, Guid batchId, Guid candidateId, CancellationToken ct = default) =>
        session.Query<BatchCandidate>().Where(c => c.Id == candidateId && c.BatchId == batchId).FirstOrDefaultAsync(ct);
}

/// <summary>
/// A database of a version before the roster projection (candidates inside the batch document): at start-up, while the
/// roster is empty and candidates were added, the batches and their rosters are projected again from the events.
/// </summary>
public sealed class RosterBackfill(ILogger<RosterBackfill> logger) : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<BatchCandidate>().AnyAsync(cancellationToken)
                || !await query.Events.QueryRawEventDataOnly<CandidatesAdded>().AnyAsync(cancellationToken)) return;
        }
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<Batch>(cancellationToken);
        await daemon.RebuildProjectionAsync<BatchCandidateProjection>(cancellationToken);
        await daemon.RebuildProjectionAsync<Running.BatchInspectionsProjection>(cancellationToken);
        logger.LogInformation("Batches and their rosters projected again from the events (roster projection introduced)");
    }
}
