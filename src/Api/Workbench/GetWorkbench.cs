using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Api.Workbench;

/// <summary>
/// One thing waiting for the caller, as the workbench lists it: its kind by name, what is expected, and the deadline in working days
/// on its jurisdiction's calendar. <paramref name="WorkingDaysLeft"/> is negative once overdue and null when there is no deadline or
/// the calendar does not hold the years in between yet (<paramref name="Uncounted"/>: never guessed from weekends).
/// </summary>
public sealed record WorkbenchItem(string Kind, string KindName, Guid ObjectId, string Title, string Link, string Expected, LocalDate? DueOn,
    string? DeadlineRule, int? WorkingDaysLeft, bool Overdue, bool Uncounted, string DeadlineText, Instant Since);

/// <summary>
/// Everything waiting for the caller, overdue first, then by deadline, then the longest waiting; at most
/// <see cref="GetWorkbenchEndpoint.Max"/> (<paramref name="Truncated"/>: more were waiting).
/// </summary>
public sealed record Workbench(IReadOnlyList<WorkbenchItem> Items, int Overdue, bool Truncated);

/// <summary>The modules' read contracts for the workbench (<see cref="IWaitingItems"/>), in registration order.</summary>
public sealed class WaitingItemSources(IEnumerable<IWaitingItems> sources)
{
    public IReadOnlyList<IWaitingItems> All { get; } = sources.ToList();
}

public static class GetWorkbenchEndpoint
{
    public const int Max = 200;

    /// <summary>
    /// What waits for the caller (待我处理) across the modules: filing applications, reported results to review, suspended batches,
    /// certificate corrections to decide, halted issuances; for an organization its results due to be reported, returned reports
    /// and returned applications. An item is listed when the caller may take its deciding step now (each module's guard table).
    /// </summary>
    [Authorize]
    [WolverineGet("/api/workbench", OperationId = "getWorkbench", Summary = "待我处理")]
    public static async Task<Workbench> Get(AccessContext caller, IQuerySession session, WaitingItemSources sources, PolicyCatalog catalog,
        IWorkingDayCalendar calendar, CancellationToken ct)
    {
        var waiting = new List<WaitingItem>();
        // one session, one connection: the modules are asked one after the other
        foreach (var source in sources.All) waiting.AddRange(await source.ForAsync(caller, session, Max + 1, ct));
        var today = caller.Today;
        var items = waiting.Select(w => Item(w, today, catalog, calendar.Current))
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.Since)
            .ToList();
        return new Workbench(items.Take(Max).ToList(), items.Count(i => i.Overdue), items.Count > Max);
    }

    private static WorkbenchItem Item(WaitingItem w, LocalDate today, PolicyCatalog catalog, WorkingDayCalendar calendar)
    {
        var (left, uncounted, text) = w.DueOn is { } due
            ? Count(today, due, catalog.Find(w.Jurisdiction)?.CalendarLayer, calendar)
            : (null, false, "无办理时限");
        return new WorkbenchItem(w.Kind, WaitingKinds.Name(w.Kind), w.ObjectId, w.Title, w.Link, w.Expected, w.DueOn, w.DeadlineRule, left,
            w.DueOn is { } d && today > d, uncounted, text, w.Since);
    }

    /// <summary>Working days from today to the deadline (negative past it), on the layer's calendar; uncounted where a year is not loaded.</summary>
    private static (int? Left, bool Uncounted, string Text) Count(LocalDate today, LocalDate due, string? layer, WorkingDayCalendar calendar)
    {
        // a date past is overdue by the date alone; how many working days is not guessed without the year's calendar
        var uncounted = (default(int?), true, today > due
            ? $"已逾期（截止 {due:yyyy-MM-dd}；工作日历尚未载入该年份，未计算工作日）"
            : $"至 {due:yyyy-MM-dd}（工作日历尚未载入该年份，未计算工作日）");
        if (layer is null || !calendar.HasLayer(layer)) return uncounted;
        try
        {
            var left = today <= due ? calendar.WorkingDaysBetween(layer, today, due) : -calendar.WorkingDaysBetween(layer, due, today);
            return (left, false, left switch
            {
                > 0 => $"剩 {left} 个工作日（{due:yyyy-MM-dd}）",
                0 when today == due => $"今日到期（{due:yyyy-MM-dd}）",
                0 when today < due => $"剩不足 1 个工作日（{due:yyyy-MM-dd}）",
                0 => $"已逾期，不足 1 个工作日（{due:yyyy-MM-dd}）",
                _ => $"已逾期 {-left} 个工作日（{due:yyyy-MM-dd}）",
            });
        }
        catch (CalendarYearNotLoadedException)
        {
            return uncounted;
        }
    }
}
