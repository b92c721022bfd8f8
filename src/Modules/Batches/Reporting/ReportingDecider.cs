using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Batches.Reporting;

/// <summary>The results report (BAT-07): submitted after a clean publicity, accepted or returned by the receiving authority.</summary>
public static class ReportingDecider
{
    public static ResultsReportSubmitted Submit(Batch batch, Instant now, Actor by)
    {
        if (batch.Status == BatchStatus.Reported)
            throw new BusinessRuleException(new RuleViolation("BAT-07", "batch.report-already-submitted", "结果已报备，等待主管部门审核。"));
        // before the publicity is over the rule broken is the publicity's (BAT-06), not the report's
        if (batch.Status != BatchStatus.Publicized)
            throw new BusinessRuleException(new RuleViolation("BAT-06", "batch.publicity-not-over",
                batch.Status == BatchStatus.InPublicity ? "结果公示期尚未结束，公示期满且无异议后才能报备。" : "认定结果须经公示无异议后才能报备。"));
        var today = now.Date();
        return new ResultsReportSubmitted(batch.Id, today, batch.ReportDueOn, batch.ReportDueOn is { } due && today > due, now, by);
    }

    public static (ResultsReportAccepted Accepted, BatchResultsAccepted Contract, IReadOnlyList<CertificationRunRecorded> Runs) Accept(Batch batch,
        Roster roster, string opinion, Instant now, Actor by)
    {
        RequireReported(batch);
        var accepted = new ResultsReportAccepted(batch.Id, opinion.Trim(), now, by);
        var qualified = roster.Entries.Where(e => e.Result is { Passed: true }).Select(e =>
        {
            var c = e.Candidate;
            var o = batch.Occupations.First(x => x.Key == c.OccupationKey && x.Level == c.Level);
            return new QualifiedCandidate(c.Id, c.Name, c.DocumentType, c.DocumentNumber, c.Employer, o.Name, o.Code, null, c.Level, c.CityName,
                e.PhotoId);
        }).ToList();
        var contract = new BatchResultsAccepted(batch.Id, batch.OrganizationId, batch.OrganizationName, batch.FilingId, batch.FilingNumber,
            batch.Jurisdiction, batch.ReceivingAuthority!, batch.AreaCode, batch.Title, batch.ExamDays[^1], qualified, now, by);
        var runs = batch.Occupations.Select(o => o.Name).Distinct()
            .Select(name => new CertificationRunRecorded(batch.OrganizationId, batch.Jurisdiction, name, batch.ExamDays[^1], by)).ToList();
        return (accepted, contract, runs);
    }

    public static ResultsReportReturned Return(Batch batch, string reason, Instant now, Actor by)
    {
        RequireReported(batch);
        return new ResultsReportReturned(batch.Id, reason.Trim(), now, by);
    }

    public static BatchDeadlineMissed? Overdue(Batch batch, Instant now) =>
        batch.Status == BatchStatus.Publicized && batch.ReportDueOn is { } due && now.Date() > due
        && !batch.FlaggedDeadlines.Contains($"BAT-07:{due:yyyy-MM-dd}")
            ? new BatchDeadlineMissed(batch.Id, "BAT-07", "认定结果报备", due, now, Actor.System)
            : null;

    private static void RequireReported(Batch batch)
    {
        if (batch.Status != BatchStatus.Reported)
            throw new BusinessRuleException(new RuleViolation("BAT-07", "batch.report-not-submitted", "该批次没有待审核的结果报备。"));
    }
}
