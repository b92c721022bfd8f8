using Assessment.Batches.Batches;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;

namespace Assessment.Batches.Candidates;

/// <summary>
/// One candidate of a batch (the roster): who they are, their result and photo, in the order entered. Kept inline with the
/// batch's events; a person's batches are found by identity document without reading any batch, the batch screen, reports
/// and the decisions that need the roster read it (<see cref="Roster"/>).
/// </summary>
public sealed class BatchCandidate
{
    /// <summary>The candidate's id (unique across batches).</summary>
    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    /// <summary>Where the candidate stands in the batch's roster: the adding event's sequence and the row within it.</summary>
    public long Order { get; set; }
    public int DocumentType { get; set; }
    public string DocumentNumber { get; set; } = "";
    public Candidate Candidate { get; set; } = null!;
    public CandidateResult? Result { get; set; }
    /// <summary>The current 2-inch photo (CRT-03): the id of the stored bytes.</summary>
    public Guid? PhotoId { get; set; }

    /// <summary>
    /// BAT-09 "no one in two open batches of the organization", as a unique key: organization and identity number while the batch is
    /// not accepted, null afterwards (nulls never collide). Racing adds into two batches cannot both commit.
    /// </summary>
    public string? OpenKey { get; set; }

    public const string OpenKeyIndex = "mt_doc_batchcandidate_uidx_open_key";

    public const string InAnotherOpenBatch = "该考生已在本机构另一个未办结的批次中（BAT-09）。";

    public static string KeyOf(Guid organizationId, string documentNumber) => $"{organizationId:N}:{documentNumber}";

    public const string Table = BatchesModule.Schema + ".mt_doc_batchcandidate";
}

public sealed partial class BatchCandidateProjection : EventProjection
{
    /// <summary>More rows than one event may add (<see cref="CandidatesDecider.MaxCandidates"/>), so orders never collide.</summary>
    private const long RowsPerEvent = 100_000;

    public BatchCandidateProjection()
    {
        IncludeType<CandidatesAdded>();
        IncludeType<CandidateRemoved>();
        IncludeType<CandidatePhotoUploaded>();
        IncludeType<ResultsRecorded>();
        IncludeType<ResultsReportAccepted>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case CandidatesAdded added:
                var organization = added.By.OrganizationId ?? (await operations.LoadAsync<Batch>(added.BatchId, cancellation))?.OrganizationId;
                operations.Store(added.Candidates.Select((c, i) => new BatchCandidate
                {
                    Id = c.Id, BatchId = added.BatchId, Order = e.Sequence * RowsPerEvent + i, DocumentType = c.DocumentType,
                    DocumentNumber = c.DocumentNumber, Candidate = c,
                    OpenKey = organization is { } org ? BatchCandidate.KeyOf(org, c.DocumentNumber) : null,
                }).ToArray());
                break;
            case CandidateRemoved removed:
                operations.Delete<BatchCandidate>(removed.CandidateId);
                break;
            case CandidatePhotoUploaded photo:
                operations.Patch<BatchCandidate>(photo.CandidateId).Set(x => x.PhotoId, photo.PhotoId);
                break;
            case ResultsRecorded recorded:
                // up to 50,000 results in one statement, not a patch per candidate
                var results = operations.DocumentStore.Options.Serializer()
                    .ToJson(recorded.Results.Select(r => new ResultRow(r.CandidateId, r)).ToArray());
                operations.QueueSqlCommand(
                    $"update {BatchCandidate.Table} c set data = jsonb_set(c.data, '{{result}}', r.value -> 'result') " +
                    "from jsonb_array_elements(?::jsonb) r where c.id = (r.value ->> 'id')::uuid and (c.data ->> 'batchId')::uuid = ?",
                    results, recorded.BatchId);
                break;
            case ResultsReportAccepted accepted:
                // an accepted batch is finished: its candidates may enter the organization's next batch
                operations.Patch<BatchCandidate>(x => x.BatchId == accepted.BatchId).Set(x => x.OpenKey, null);
                break;
        }
    }

    private sealed record ResultRow(Guid Id, CandidateResult Result);
}
