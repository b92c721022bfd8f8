using Assessment.Batches.Batches;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using NodaTime;
using Wolverine;
using Wolverine.Marten;

namespace Assessment.Batches.Running;

/// <summary>Scheduled for the morning of a batch's first exam day: BAT-03 is checked again against the filing as it stands then.</summary>
public sealed record ExamDayCheck(Guid BatchId)
{
    public static object For(Guid batchId, LocalDate firstExamDay, Instant now)
    {
        var at = firstExamDay.AtStartOfDayInZone(ChinaTime.Zone).ToInstant();
        return at <= now ? new ExamDayCheck(batchId) : new ExamDayCheck(batchId).ScheduledAt(at.ToDateTimeOffset());
    }
}

public static class ExamDayCheckHandler
{
    public static async Task<IReadOnlyList<OrganizationFiling>> LoadAsync(ExamDayCheck command, IOrganizationFilings filings,
        Marten.IQuerySession session) =>
        await session.LoadAsync<Batch>(command.BatchId) is { } batch ? await filings.OfOrganizationAsync(session, batch.OrganizationId) : [];

    /// <summary>A filed batch whose filing no longer allows it is suspended by the platform, with the rules it breaks.</summary>
    public static Events Handle(ExamDayCheck command, [WriteAggregate(nameof(ExamDayCheck.BatchId))] Batch batch,
        IReadOnlyList<OrganizationFiling> filings, PolicyCatalog catalog, Instant now) =>
        RunningDecider.CheckOnExamDay(batch, filings, catalog, now) is { } suspended ? [suspended] : [];
}
