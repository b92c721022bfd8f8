using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Hosting;
using Marten;

namespace Assessment.Api.Calendar;

/// <summary>
/// Keeps this process's working-day calendar equal to the shipped data plus every year an administrator loaded (the
/// <see cref="CalendarYearLoaded"/> events): at start-up before the first request, after a load on this node, and every
/// <c>Calendar:RefreshSeconds</c> (10 by default) for years loaded on another node. Each refresh rebuilds from the log
/// under one lock, so a refresh that read the log before a commit never overwrites one that read it after.
/// </summary>
public sealed class CalendarSync(IDocumentStore store, IWorkingDayCalendar calendar, IConfiguration config, ILogger<CalendarSync> logger)
    : PeriodicRefresh(config, logger, "Calendar", "the working-day calendar")
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (int Count, long LastSequence) _applied = (-1, -1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Rebuilds the calendar from the shipped data and the loaded years, if the log changed since the last rebuild.</summary>
    public override async Task RefreshAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await using var session = store.QuerySession();
            var loadedEvents = session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "calendar_year_loaded");
            var count = await loadedEvents.CountAsync(ct);
            var last = count == 0 ? 0 : await loadedEvents.MaxAsync(e => e.Sequence, ct);
            if ((count, last) == _applied) return;
            var loaded = await session.Events.QueryRawEventDataOnly<CalendarYearLoaded>().ToListAsync(ct);
            var current = new WorkingDayCalendar(CalendarData.LoadShipped());
            foreach (var e in loaded.Where(e => current.HasLayer(e.LayerId)))
                current = current.WithYear(e.LayerId, new CalendarYear(e.Year, e.Off, e.Work, e.Source));
            calendar.Replace(current);
            _applied = (count, last);
            if (loaded.Count > 0) logger.LogInformation("Working-day calendar: {Count} administrator-loaded years applied", loaded.Count);
        }
        finally
        {
            _lock.Release();
        }
    }
}
