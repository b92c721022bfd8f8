using Assessment.Batches.Batches;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using NodaTime;
using Wolverine;
using Wolverine.Marten;

namespace Assessment.Batches.Planning;

/// <summary>Scheduled for the day after the last day a plan could be filed for <paramref name="FirstExamDay"/> (BAT-01/02):
/// a plan still in draft for that exam day is flagged.</summary>
public sealed record PlanDeadlineCheck(Guid BatchId, LocalDate FirstExamDay, LocalDate Deadline, string RuleId)
{
    /// <summary>The check, scheduled; none when the deadline has already passed (the plan's blocking rules say so at once,
    /// and a flag written meanwhile would only make the organization's next edit stale).</summary>
    public object? Scheduled(Instant now)
    {
        var at = Deadline.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
        return at <= now ? null : this.ScheduledAt(at.ToDateTimeOffset());
    }
}

public static class PlanDeadlineCheckHandler
{
    public static Events Handle(PlanDeadlineCheck check, [WriteAggregate(nameof(PlanDeadlineCheck.BatchId))] Batch batch, Instant now) =>
        batch.Status == BatchStatus.Draft && batch.FirstExamDay == check.FirstExamDay && now.Date() > check.Deadline
        && !batch.FlaggedDeadlines.Contains($"{check.RuleId}:{check.Deadline:yyyy-MM-dd}")
            ? [new BatchDeadlineMissed(batch.Id, check.RuleId, check.RuleId == "BAT-01" ? "认定计划报备" : "认定公告发布", check.Deadline, now, Actor.System)]
            : [];
}
