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
        // the same two queries whether the document is known or not, and no early return: the time of an answer must not
        // tell a known identity number with a wrong name from an unknown one
        var entries = await session.Query<CandidateIndexEntry>()
            .Where(e => e.DocumentNumber == documentNumber && e.DocumentType == documentType)
            .Take(MaxCases).ToListAsync(ct);
        var ids = entries.Select(e => e.BatchId).Distinct().ToArray();
        var batches = await session.Query<Batch>().Where(b => b.Id.IsOneOf(ids)).ToListAsync(ct);
        var wanted = NameHash(name);
        var cases = new List<CandidateCase>();
        foreach (var batch in batches.Where(b => b.Status != BatchStatus.Draft))
        foreach (var candidate in batch.Candidates.Where(c => c.DocumentNumber == documentNumber && c.DocumentType == documentType))
        {
            // hashed, then compared in constant time: neither where nor whether the names differ shows in the time taken
            if (CryptographicOperations.FixedTimeEquals(NameHash(candidate.Name), wanted)) cases.Add(Case(batch, candidate));
        }
        return cases.OrderByDescending(c => c.ExamDays.Count == 0 ? default : c.ExamDays.Max()).ThenBy(c => c.BatchTitle, StringComparer.Ordinal).ToList();
    }

    private static byte[] NameHash(string name) => SHA256.HashData(Encoding.UTF8.GetBytes(name));

    public static CandidateCase Case(Batch batch, Candidate candidate)
    {
        // a suspension keeps the stage it interrupted
        var stage = batch.Status == BatchStatus.Suspended ? batch.SuspendedFrom ?? BatchStatus.Filed : batch.Status;
        var publicized = stage is BatchStatus.InPublicity or BatchStatus.Publicized or BatchStatus.Reported or BatchStatus.Accepted;
        var result = publicized ? batch.Results.FirstOrDefault(r => r.CandidateId == candidate.Id) : null;
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
        var occupation = batch.Occupations.FirstOrDefault(o => o.Key == candidate.OccupationKey && o.Level == candidate.Level)?.Name ?? candidate.OccupationKey;
        return new CandidateCase(batch.Id, candidate.Id, batch.OrganizationName, batch.Title, occupation, candidate.Level, batch.ExamDays,
            batch.Status == BatchStatus.Suspended, outcome, publicity,
            publicity == ResultsPublicityState.NotStarted ? null : batch.PublicityStart,
            publicity == ResultsPublicityState.NotStarted ? null : batch.PublicityEnd,
            report, report is ResultsReportState.Submitted or ResultsReportState.Accepted ? batch.ReportedOn : null);
    }
}
