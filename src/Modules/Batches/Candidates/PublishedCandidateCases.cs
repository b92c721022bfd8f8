using System.Security.Cryptography;
using System.Text;
using Assessment.Batches.Batches;
using Assessment.SharedKernel.Contracts;
using Marten;

namespace Assessment.Batches.Candidates;

/// <summary>
/// The Batches module's answer to <see cref="ICandidateCases"/>: the candidate index finds the batches by identity
/// document, the batch snapshots say where each stands. A draft is nobody's business yet; a result shows only while the
/// batch's results are publicized or later (BAT-06), and never its scores.
/// </summary>
public sealed class PublishedCandidateCases : ICandidateCases
{
    /// <summary>More batches than anyone sits; a bound, so one lookup never loads without limit.</summary>
    public const int MaxCases = 200;

    public async Task<IReadOnlyList<CandidateCase>> OfPersonAsync(IQuerySession session, int documentType, string documentNumber, string name,
        CancellationToken ct = default)
    {
        // one query whether the document is known or not, no early return, and only the candidates' names read back: the
        // time of an answer must not tell a known identity number with a wrong name from an unknown one
        var named = await session.QueryAsync<NamedCandidate>(NamedCandidatesSql, ct, documentNumber, documentType, MaxCases);
        var wanted = NameHash(name);
        // hashed, then compared in constant time: neither where nor whether the names differ shows in the time taken
        var matching = named.Where(c => CryptographicOperations.FixedTimeEquals(NameHash(c.Name), wanted)).ToList();
        var cases = new List<CandidateCase>();
        var batches = (await session.LoadManyAsync<Batch>(ct, matching.Select(c => c.BatchId).Distinct())).ToDictionary(b => b.Id);
        var entries = (await session.LoadManyAsync<BatchCandidate>(ct, matching.Select(c => c.CandidateId))).ToDictionary(e => e.Id);
        foreach (var match in matching)
        {
            if (batches.GetValueOrDefault(match.BatchId) is not { } batch || batch.Status == BatchStatus.Draft) continue;
            if (entries.GetValueOrDefault(match.CandidateId) is { } entry) cases.Add(Case(batch, entry));
        }
        return cases.OrderByDescending(c => c.ExamDays.Count == 0 ? default : c.ExamDays.Max())
            .ThenBy(c => c.BatchTitle, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Guid>> BatchesOfAsync(IQuerySession session, int documentType, string documentNumber,
        CancellationToken ct = default) =>
        (await session.Query<BatchCandidate>().Where(c => c.DocumentNumber == documentNumber && c.DocumentType == documentType)
            .Select(c => c.BatchId).Take(MaxCases).ToListAsync(ct)).Distinct().ToList();

    private static byte[] NameHash(string name) => SHA256.HashData(Encoding.UTF8.GetBytes(name));

    /// <summary>A candidate of a batch that is no draft, by identity document, with just the name to compare.</summary>
    public sealed record NamedCandidate(Guid BatchId, Guid CandidateId, string Name);

    private const string NamedCandidatesSql =
        "select jsonb_build_object('batchId', b.id, 'candidateId', c.id, 'name', c.data -> 'candidate' ->> 'name') " +
        $"from {BatchCandidate.Table} c join {BatchesModule.Schema}.mt_doc_batch b on b.id = (c.data ->> 'batchId')::uuid " +
        "where c.data ->> 'documentNumber' = ? and (c.data ->> 'documentType')::int = ? and b.data ->> 'status' <> 'Draft' limit ?";

    public static CandidateCase Case(Batch batch, BatchCandidate entry)
    {
        var candidate = entry.Candidate;
        // a suspension keeps the stage it interrupted
        var stage = batch.Status == BatchStatus.Suspended ? batch.SuspendedFrom ?? BatchStatus.Filed : batch.Status;
        var publicized = stage is BatchStatus.InPublicity or BatchStatus.Publicized or BatchStatus.Reported or BatchStatus.Accepted;
        var result = publicized ? entry.Result : null;
        CandidateOutcome? outcome = result is null ? null
            : result.Absent ? CandidateOutcome.Absent
            : result.Passed ? CandidateOutcome.Qualified : CandidateOutcome.NotQualified;
        var publicity = stage switch
        {
            BatchStatus.InPublicity => ResultsPublicityState.Open,
            BatchStatus.Publicized or BatchStatus.Reported or BatchStatus.Accepted => ResultsPublicityState.Ended,
            _ => ResultsPublicityState.NotStarted,
        };
        var report = stage switch
        {
            BatchStatus.Accepted => ResultsReportState.Accepted,
            BatchStatus.Reported => ResultsReportState.Submitted,
            // returned: the organization corrects, publicizes again and reports again (the reason stays with the authority)
            _ when batch.ReturnReason is not null => ResultsReportState.Returned,
            _ => ResultsReportState.NotSubmitted,
        };
        var occupation = batch.Occupations.FirstOrDefault(o => o.Key == candidate.OccupationKey && o.Level == candidate.Level)?.Name
                         ?? candidate.OccupationKey;
        return new CandidateCase(batch.Id, candidate.Id, batch.OrganizationName, batch.Title, occupation, candidate.Level, batch.ExamDays,
            batch.Status == BatchStatus.Suspended, outcome, publicity,
            publicity == ResultsPublicityState.NotStarted ? null : batch.PublicityStart,
            publicity == ResultsPublicityState.NotStarted ? null : batch.PublicityEnd,
            report, report is ResultsReportState.Submitted or ResultsReportState.Accepted ? batch.ReportedOn : null);
    }
}
