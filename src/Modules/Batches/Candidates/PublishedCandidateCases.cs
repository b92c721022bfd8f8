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
        var entries = await session.Query<CandidateIndexEntry>()
            .Where(e => e.DocumentNumber == documentNumber && e.DocumentType == documentType)
            .Take(MaxCases).ToListAsync(ct);
        if (entries.Count == 0) return [];
        var batches = await session.LoadManyAsync<Batch>(ct, entries.Select(e => e.BatchId).Distinct());
        var cases = new List<CandidateCase>();
        foreach (var batch in batches.Where(b => b.Status != BatchStatus.Draft))
        {
            var candidate = batch.Candidates.FirstOrDefault(c => c.DocumentNumber == documentNumber && c.DocumentType == documentType && c.Name == name);
            if (candidate is null) continue;
            cases.Add(Case(batch, candidate));
        }
        return cases.OrderByDescending(c => c.ExamDays.Count == 0 ? default : c.ExamDays.Max()).ThenBy(c => c.BatchTitle, StringComparer.Ordinal).ToList();
    }

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
