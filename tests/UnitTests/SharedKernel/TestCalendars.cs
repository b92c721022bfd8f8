using Assessment.SharedKernel.Calendar;

namespace Assessment.UnitTests.SharedKernel;

/// <summary>Calendars for tests that count regional deadlines outside the regional years the shipped data holds.</summary>
public static class TestCalendars
{
    public const string Source = "测试用通知";

    /// <summary>
    /// The shipped calendar plus, for every regional layer, an explicit year WITHOUT regional holidays for each national year it has
    /// not loaded (a regional layer with any year counts a date only in a year it has loaded).
    /// </summary>
    public static WorkingDayCalendar WithRegionalYears()
    {
        var calendar = new WorkingDayCalendar(CalendarData.LoadShipped());
        foreach (var id in calendar.LayerIds.Where(id => calendar.Layer(id).IsRegional).ToList())
        {
            var national = calendar.CoveredYears(calendar.Layer(id).Parent!);
            foreach (var year in national.Except(calendar.Layer(id).Years.Select(y => y.Year)).ToList())
                calendar = calendar.WithYear(id, new CalendarYear(year, [], [], Source));
        }
        return calendar;
    }
}
