using Assessment.Batches.Batches;
using Assessment.SharedKernel;
using NodaTime;
using Wolverine;
using Wolverine.Marten;

namespace Assessment.Batches.Reporting;

/// <summary>Scheduled for the day after the BAT-07 report deadline: a batch still unreported is flagged to both sides.</summary>
public sealed record ReportDeadlineCheck(Guid BatchId)
{
    public static object For(Guid batchId, LocalDate dueOn, Instant now)
    {
        var at = dueOn.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
        return at <= now ? new ReportDeadlineCheck(batchId) : new ReportDeadlineCheck(batchId).ScheduledAt(at.ToDateTimeOffset());
    }
}

public static class ReportDeadlineCheckHandler
{
    public static Events Handle(ReportDeadlineCheck command, [WriteAggregate(nameof(ReportDeadlineCheck.BatchId))] Batch batch, Instant now) =>
        ReportingDecider.Overdue(batch, now) is { } missed ? [missed] : [];
}
