using System.Text.Json;
using System.Text.Json.Serialization;
using Assessment.SharedKernel.Problems;
using NodaTime;
using NodaTime.Text;

namespace Assessment.SharedKernel.Calendar;

/// <summary>Reads the shipped calendar data file and validates a year an administrator loads.</summary>
public static class CalendarData
{
    private sealed record FileModel([property: JsonPropertyName("layers")] List<LayerModel> Layers);
    private sealed record LayerModel(string Id, string Name, string? Parent, List<YearModel> Years, string? LoadedBy = null);
    private sealed record YearModel(int Year, string Source, List<string> Off, List<string> Work);

    public static IReadOnlyList<CalendarLayer> LoadShipped()
    {
        using var stream = typeof(CalendarData).Assembly.GetManifestResourceStream("calendar/workdays.json")
                           ?? throw new InvalidOperationException("Embedded calendar data calendar/workdays.json is missing.");
        var model = JsonSerializer.Deserialize<FileModel>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                    ?? throw new InvalidOperationException("Calendar data is empty.");
        var layers = new List<CalendarLayer>();
        foreach (var l in model.Layers)
        {
            var years = new List<CalendarYear>();
            foreach (var y in l.Years)
            {
                var year = new CalendarYear(y.Year, ExpandAll(y.Off), ExpandAll(y.Work), y.Source);
                var errors = Validate(year);
                if (errors.Count > 0)
                    throw new InvalidOperationException(
                        $"Calendar layer {l.Id} year {y.Year} is invalid: {string.Join("; ", errors.SelectMany(e => e.Value))}");
                years.Add(year);
            }
            layers.Add(new CalendarLayer(l.Id, l.Name, l.Parent, years, l.LoadedBy));
        }
        _ = new WorkingDayCalendar(layers); // validates parents and cycles
        return layers;
    }

    /// <summary>Expands "yyyy-MM-dd" and "yyyy-MM-dd..yyyy-MM-dd" entries.</summary>
    public static IReadOnlyList<LocalDate> ExpandAll(IEnumerable<string> entries)
    {
        var result = new List<LocalDate>();
        foreach (var e in entries) result.AddRange(Expand(e));
        return result.Distinct().Order().ToList();
    }

    public static IEnumerable<LocalDate> Expand(string entry)
    {
        var parts = entry.Split("..", StringSplitOptions.TrimEntries);
        var from = ParseDate(parts[0]);
        var to = parts.Length > 1 ? ParseDate(parts[1]) : from;
        if (parts.Length > 2 || to < from) throw new InvalidValueException("dates", "calendar.range", $"日期区间“{entry}”无效。");
        if (Period.Between(from, to, PeriodUnits.Days).Days > 31)
            throw new InvalidValueException("dates", "calendar.range", $"日期区间“{entry}”超过31天。");
        for (var d = from; d <= to; d = d.PlusDays(1)) yield return d;
    }

    private static LocalDate ParseDate(string text)
    {
        var r = LocalDatePattern.Iso.Parse(text);
        return r.Success ? r.Value : throw new InvalidValueException("dates", "calendar.date", $"日期“{text}”不是yyyy-MM-dd格式。");
    }

    /// <summary>Field errors for a year (empty when valid): dates belong to the year, make-up days are weekends, no overlap.</summary>
    public static Dictionary<string, string[]> Validate(CalendarYear year)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) { if (!errors.TryGetValue(field, out var l)) errors[field] = l = []; l.Add(message); }

        if (year.Year is < 2000 or > 2100) Add("year", $"年份{year.Year}超出范围（2000–2100）。");
        if (string.IsNullOrWhiteSpace(year.Source)) Add("source", "请注明依据的通知文号。");
        // A holiday may spill a few days across New Year (2023's started on 2022-12-31).
        var earliest = new LocalDate(year.Year, 1, 1).PlusDays(-7);
        var latest = new LocalDate(year.Year, 12, 31).PlusDays(7);
        foreach (var d in year.Off.Where(d => d < earliest || d > latest))
            Add("off", $"{d:yyyy-MM-dd}不属于{year.Year}年。");
        foreach (var d in year.Work)
        {
            if (d.Year != year.Year) Add("work", $"{d:yyyy-MM-dd}不属于{year.Year}年。");
            if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                Add("work", $"调休上班日{d:yyyy-MM-dd}应为周六或周日。");
        }
        foreach (var d in year.Off.Intersect(year.Work))
            Add("work", $"{d:yyyy-MM-dd}同时列为放假和上班。");
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
