using System.Collections.Frozen;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.SharedKernel.Calendar;

/// <summary>One year of one layer: its non-working weekdays ("off") and its working weekend days ("work").</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<LocalDate> Off, IReadOnlyList<LocalDate> Work, string Source);

/// <summary>
/// A calendar layer: the national one, or a region that adds its own holidays on top of its parent. <see cref="LoadedBy"/> names,
/// for people, who besides an administrator may load the region's years (自治区人社厅审核人员).
/// </summary>
public sealed record CalendarLayer(string Id, string Name, string? Parent, IReadOnlyList<CalendarYear> Years, string? LoadedBy = null)
{
    public bool IsRegional => Parent is not null;
}

/// <summary>
/// Raised when a date lies in a year a layer of its chain has not loaded: never guess weekends only. The national (root) layer
/// must always hold the year; a regional layer that has loaded any year must hold it too (an explicit, possibly empty, year).
/// </summary>
public sealed class CalendarYearNotLoadedException(CalendarLayer layer, int year) : Exception(MessageFor(layer, year))
{
    public string LayerId { get; } = layer.Id;
    public string LayerName { get; } = layer.Name;
    public int Year { get; } = year;
    public bool Regional { get; } = layer.IsRegional;

    public RuleViolation ToViolation() => new("WORKDAYS", "calendar.year-not-loaded", Message);

    private static string MessageFor(CalendarLayer layer, int year) => layer.IsRegional
        ? $"工作日历“{layer.Name}”尚未载入{year}年的地方节假日安排，无法按该地区计算{year}年的工作日。" +
          $"请系统管理员或{layer.LoadedBy ?? "该地区人社部门审核人员"}在“工作日历”页载入" +
          $"{year}年的地方节假日通知" +
          "（该年没有地方节假日也须载入，注明依据）后重试。"
        : $"工作日历“{layer.Name}”尚未载入{year}年的节假日安排，无法计算{year}年的工作日。" +
          $"请系统管理员在“工作日历”页载入国务院办公厅关于{year}年部分节假日安排的通知后重试。";
}

/// <summary>
/// The one working-day calendar (domain.md "Working days"): State Council holidays and make-up working weekends,
/// plus regional layers. Immutable; <see cref="IWorkingDayCalendar"/> swaps in a new instance when a year is loaded.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly FrozenDictionary<string, Resolved> _layers;

    /// <summary><see cref="Required"/>: the layers of the chain, root first, whose years a date must fall in.</summary>
    private sealed record Resolved(CalendarLayer Layer, string[] Chain, FrozenDictionary<LocalDate, bool> Overrides,
        (CalendarLayer Layer, FrozenSet<int> Years)[] Required);

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
            // the root always; a region once it has loaded any year (then every year it is asked about must be explicit)
            var required = Enumerable.Reverse(chain).Select(id => byId[id]).Where(l => !l.IsRegional || l.Years.Count > 0)
                .Select(l => (l, l.Years.Select(y => y.Year).ToFrozenSet())).ToArray();
            resolved[layer.Id] = new Resolved(layer, chain.ToArray(), overrides.ToFrozenDictionary(), required);
        }
        _layers = resolved.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> LayerIds => _layers.Keys;

    public CalendarLayer Layer(string layerId) => Get(layerId).Layer;

    /// <summary>The years a date may fall in: those every required layer of the chain (the root, a region with years) has loaded.</summary>
    public IReadOnlyCollection<int> CoveredYears(string layerId)
    {
        var required = Get(layerId).Required;
        return required[0].Years.Where(y => required.All(r => r.Years.Contains(y))).Order().ToList();
    }

    public bool HasLayer(string layerId) => _layers.ContainsKey(layerId);

    public bool IsWorkingDay(string layerId, LocalDate date)
    {
        var layer = Get(layerId);
        foreach (var (required, years) in layer.Required)
        {
            if (!years.Contains(date.Year)) throw new CalendarYearNotLoadedException(required, date.Year);
        }
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
