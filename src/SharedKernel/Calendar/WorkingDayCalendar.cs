using System.Collections.Frozen;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.SharedKernel.Calendar;

/// <summary>One year of one layer: its non-working weekdays ("off") and its working weekend days ("work").</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<LocalDate> Off, IReadOnlyList<LocalDate> Work, string Source);

/// <summary>A calendar layer: the national one, or a region that adds its own holidays on top of its parent.</summary>
public sealed record CalendarLayer(string Id, string Name, string? Parent, IReadOnlyList<CalendarYear> Years);

/// <summary>Raised when a date lies outside the years the calendar knows: never guess weekends only.</summary>
public sealed class CalendarYearNotLoadedException(string layerId, string layerName, int year)
    : Exception($"工作日历“{layerName}”尚未载入{year}年的节假日安排，无法计算该年的工作日。请管理员载入国务院{year}年部分节假日安排的通知后重试。")
{
    public string LayerId { get; } = layerId;
    public int Year { get; } = year;

    public RuleViolation ToViolation() => new("WORKDAYS", "calendar.year-not-loaded", Message);
}

/// <summary>
/// The one working-day calendar (domain.md "Working days"): State Council holidays and make-up working weekends,
/// plus regional layers. Immutable; <see cref="IWorkingDayCalendar"/> swaps in a new instance when a year is loaded.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly FrozenDictionary<string, Resolved> _layers;

    private sealed record Resolved(CalendarLayer Layer, string[] Chain, FrozenDictionary<LocalDate, bool> Overrides, FrozenSet<int> Years);

    public WorkingDayCalendar(IEnumerable<CalendarLayer> layers)
    {
        var byId = layers.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var resolved = new Dictionary<string, Resolved>(StringComparer.Ordinal);
        foreach (var layer in byId.Values)
        {
            var chain = new List<string>();
            for (var cur = layer; cur is not null; cur = cur.Parent is null ? null : byId.GetValueOrDefault(cur.Parent))
            {
                if (chain.Contains(cur.Id)) throw new InvalidOperationException($"Calendar layer cycle at '{cur.Id}'.");
                chain.Add(cur.Id);
                if (cur.Parent is not null && !byId.ContainsKey(cur.Parent))
                    throw new InvalidOperationException($"Calendar layer '{cur.Id}' names unknown parent '{cur.Parent}'.");
            }
            // Apply from the root down so a region's own dates win over the national ones.
            var overrides = new Dictionary<LocalDate, bool>();
            foreach (var id in Enumerable.Reverse(chain))
            {
                foreach (var y in byId[id].Years)
                {
                    foreach (var d in y.Off) overrides[d] = false;
                    foreach (var d in y.Work) overrides[d] = true;
                }
            }
            var root = byId[chain[^1]];
            resolved[layer.Id] = new Resolved(layer, chain.ToArray(), overrides.ToFrozenDictionary(), root.Years.Select(y => y.Year).ToFrozenSet());
        }
        _layers = resolved.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> LayerIds => _layers.Keys;

    public CalendarLayer Layer(string layerId) => Get(layerId).Layer;

    /// <summary>The years every date must fall in: those the root (national) layer has loaded.</summary>
    public IReadOnlyCollection<int> CoveredYears(string layerId) => Get(layerId).Years.Order().ToList();

    public bool HasLayer(string layerId) => _layers.ContainsKey(layerId);

    public bool IsWorkingDay(string layerId, LocalDate date)
    {
        var layer = Get(layerId);
        if (!layer.Years.Contains(date.Year))
            throw new CalendarYearNotLoadedException(layer.Chain[^1], Get(layer.Chain[^1]).Layer.Name, date.Year);
        if (layer.Overrides.TryGetValue(date, out var working)) return working;
        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    /// <summary>The date of the n-th working day after <paramref name="start"/> (day 1 is the first working day after it).</summary>
    public LocalDate AddWorkingDays(string layerId, LocalDate start, int workingDays)
    {
        if (workingDays < 0) throw new ArgumentOutOfRangeException(nameof(workingDays), "Working days must not be negative.");
        var date = start;
        var counted = 0;
        while (counted < workingDays)
        {
            date = date.PlusDays(1);
            if (IsWorkingDay(layerId, date)) counted++;
        }
        return date;
    }

    /// <summary>
    /// "<paramref name="workingDays"/> working days before <paramref name="date"/>" (BAT-01 plan filing, BAT-02 announcement,
    /// 提前N个工作日): the N-th working day counted back from the day before <paramref name="date"/>. It is always a working day,
    /// exactly N working days lie in [result, <paramref name="date"/>), and it is the inverse of <see cref="AddWorkingDays"/>:
    /// <c>AddWorkingDays(result, N)</c> is <paramref name="date"/> when that is a working day. A rest day (an exam on a Saturday)
    /// stands at the position of the next working day — <c>AddWorkingDays(result, N)</c> is the first working day after it —
    /// so the authority gets the same N working days up to the eve of the exam as for a weekday exam, and an announcement
    /// published on the result is up for exactly N working days before the exam (never one more for a weekend).
    /// Something done on day F is "N working days before" iff F ≤ result (a rest day after the result counts from the next
    /// working day, already too late).
    /// </summary>
    public LocalDate WorkingDaysBefore(string layerId, LocalDate date, int workingDays)
    {
        if (workingDays < 1) throw new ArgumentOutOfRangeException(nameof(workingDays), "Working days before a date must be at least 1.");
        var day = date;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.PlusDays(-1);
            if (IsWorkingDay(layerId, day)) counted++;
        }
        return day;
    }

    /// <summary>The working days after <paramref name="start"/> up to and including <paramref name="end"/>.</summary>
    public int WorkingDaysBetween(string layerId, LocalDate start, LocalDate end)
    {
        var count = 0;
        for (var d = start.PlusDays(1); d <= end; d = d.PlusDays(1))
        {
            if (IsWorkingDay(layerId, d)) count++;
        }
        return count;
    }

    /// <summary>A copy with one more (or a replaced) year in one layer.</summary>
    public WorkingDayCalendar WithYear(string layerId, CalendarYear year)
    {
        var layers = _layers.Values.Select(r => r.Layer).ToList();
        var idx = layers.FindIndex(l => l.Id == layerId);
        if (idx < 0) throw new InvalidOperationException($"Unknown calendar layer '{layerId}'.");
        var layer = layers[idx];
        layers[idx] = layer with { Years = layer.Years.Where(y => y.Year != year.Year).Append(year).OrderBy(y => y.Year).ToList() };
        return new WorkingDayCalendar(layers);
    }

    private Resolved Get(string layerId) =>
        _layers.TryGetValue(layerId, out var r) ? r : throw new KeyNotFoundException($"Unknown calendar layer '{layerId}'.");
}

/// <summary>The calendar in force; replaced atomically when an administrator loads a year.</summary>
public interface IWorkingDayCalendar
{
    WorkingDayCalendar Current { get; }
    void Replace(WorkingDayCalendar calendar);
}

public sealed class WorkingDayCalendarHolder(WorkingDayCalendar initial) : IWorkingDayCalendar
{
    private WorkingDayCalendar _current = initial;
    public WorkingDayCalendar Current => Volatile.Read(ref _current);
    public void Replace(WorkingDayCalendar calendar) => Volatile.Write(ref _current, calendar);
}
