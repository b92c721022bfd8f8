using Assessment.Api.Calendar;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Demo;
using Assessment.SharedKernel.Events;
using Marten;
using Marten.Schema;
using NodaTime;

namespace Assessment.Api.Demo;

/// <summary>
/// The demo's regional calendar years (embedded mode only, <c>Demo:Seed=true</c>): a regional layer that has loaded any year counts
/// a date only in a year it has loaded, and the shipped data holds Guangxi's 三月三 for 2021 only. The demo's Guangxi deadlines
/// (last year to next year) get explicit years WITHOUT regional holidays, loaded the way an administrator would (an event), their
/// source saying plainly that they are demo data, not the region's notice: no regional date is invented.
/// </summary>
public sealed class DemoCalendarYears(IConfiguration configuration, IClock clock, IWorkingDayCalendar calendar,
    ILogger<DemoCalendarYears> logger) : IInitialData
{
    public const string Source = "演示数据：未载入自治区当年的地方节假日通知，按无地方节假日计算，仅供演示";

    public async Task Populate(IDocumentStore store, CancellationToken cancellationToken)
    {
        if (!DemoData.Enabled(configuration)) return;
        await using var session = store.LightweightSession();
        var loaded = (await session.Events.QueryRawEventDataOnly<CalendarYearLoaded>().ToListAsync(cancellationToken))
            .Select(e => (e.LayerId, e.Year)).ToHashSet();
        var current = calendar.Current;
        var today = clock.Today();
        var added = new List<int>();
        foreach (var layerId in current.LayerIds.Where(id => current.Layer(id).IsRegional))
        {
            var shipped = current.Layer(layerId).Years.Select(y => y.Year).ToHashSet();
            for (var year = today.Year - 1; year <= today.Year + 1; year++)
            {
                if (shipped.Contains(year) || loaded.Contains((layerId, year))) continue;
                session.Events.Append(StreamIds.FromName("calendar:" + layerId),
                    new CalendarYearLoaded(layerId, year, [], [], Source, Actor.System));
                current = current.WithYear(layerId, new CalendarYear(year, [], [], Source));
                added.Add(year);
            }
        }
        if (added.Count == 0) return;
        await session.SaveChangesAsync(cancellationToken);
        calendar.Replace(current); // the other demo data counts Guangxi deadlines at once; CalendarSync rebuilds the same from the log
        logger.LogInformation("Demo regional calendar years loaded (no regional holidays, marked as demo): {Years}", string.Join(", ", added));
    }
}
