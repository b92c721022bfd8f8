using Assessment.Notices.Notices;
using Assessment.SharedKernel;
using NodaTime;
using Wolverine;
using Wolverine.Marten;

namespace Assessment.Notices.Closing;

/// <summary>Scheduled for the start of the day after a notice's window ends; closes it on its own (no cron outside the app).</summary>
public sealed record CloseNoticeWindow(Guid NoticeId);

public static class CloseNoticeWindowHandler
{
    /// <summary>Closes an open notice whose window has ended; a withdrawn or closed notice is left alone (idempotent).</summary>
    public static (Events, OutgoingMessages) Handle(CloseNoticeWindow command, [WriteAggregate] Notice notice, Instant now)
    {
        var events = NoticeDecider.Close(notice, now.Date(), now);
        return (new Events(events), NoticeSignals.After(notice, events));
    }

    public static Instant ClosesAt(LocalDate windowEnd) => windowEnd.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToInstant();

    /// <summary>The close of a window: scheduled for the day after it ends, or at once when, by the clock, that has passed.</summary>
    public static object Close(Guid noticeId, LocalDate windowEnd, Instant now)
    {
        var at = ClosesAt(windowEnd);
        return at <= now ? new CloseNoticeWindow(noticeId) : new CloseNoticeWindow(noticeId).ScheduledAt(at.ToDateTimeOffset());
    }
}
