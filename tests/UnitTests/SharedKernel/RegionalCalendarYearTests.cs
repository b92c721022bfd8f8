using Assessment.SharedKernel.Calendar;
using NodaTime;

namespace Assessment.UnitTests.SharedKernel;

/// <summary>
/// Issue 18: a regional layer's year is as explicit as a national one. The national (root) layer must hold every year asked about;
/// a regional layer that has loaded any year must hold it too, else the date is refused naming the regional layer — never counted
/// silently as if the region had no holiday that year.
/// </summary>
public class RegionalCalendarYearTests
{
    private static readonly WorkingDayCalendar Shipped = new(CalendarData.LoadShipped());

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void WORKDAYS_a_guangxi_date_in_a_year_only_the_nation_loaded_is_refused_naming_the_regional_layer()
    {
        Shipped.IsWorkingDay("national", D(2026, 4, 20)).ShouldBeTrue();
        var e = Should.Throw<CalendarYearNotLoadedException>(() => Shipped.IsWorkingDay("guangxi", D(2026, 4, 20)));
        (e.LayerId, e.Year, e.Regional).ShouldBe(("guangxi", 2026, true));
        var violation = e.ToViolation();
        (violation.RuleId, violation.Code).ShouldBe(("WORKDAYS", "calendar.year-not-loaded"));
        violation.Message.ShouldContain("广西壮族自治区（含壮族三月三）");
        violation.Message.ShouldContain("2026年的地方节假日安排");
        violation.Message.ShouldContain("系统管理员或自治区人社厅审核人员");
    }

    [Fact]
    public void WORKDAYS_after_the_region_loads_the_year_its_dates_are_counted_with_its_own_holidays()
    {
        var year = new CalendarYear(2026, CalendarData.ExpandAll(["2026-04-20..2026-04-21"]), [], "测试用通知");
        var loaded = Shipped.WithYear("guangxi", year);
        loaded.IsWorkingDay("guangxi", D(2026, 4, 20)).ShouldBeFalse();
        loaded.IsWorkingDay("guangxi", D(2026, 4, 22)).ShouldBeTrue();
        loaded.IsWorkingDay("national", D(2026, 4, 20)).ShouldBeTrue();
        // Fri 04-17 + 2 working days: Guangxi skips the weekend and 20–21 → 04-23
        loaded.AddWorkingDays("guangxi", D(2026, 4, 17), 2).ShouldBe(D(2026, 4, 23));
        // an explicit year without regional holidays counts like the nation
        var empty = Shipped.WithYear("guangxi", new CalendarYear(2025, [], [], "测试用通知"));
        empty.AddWorkingDays("guangxi", D(2025, 9, 26), 3).ShouldBe(empty.AddWorkingDays("national", D(2025, 9, 26), 3));
    }

    [Fact]
    public void WORKDAYS_a_year_the_nation_has_not_loaded_is_refused_naming_the_national_layer_first()
    {
        var withGuangxi2027 = Shipped.WithYear("guangxi", new CalendarYear(2027, [], [], "测试用通知"));
        var e = Should.Throw<CalendarYearNotLoadedException>(() => withGuangxi2027.IsWorkingDay("guangxi", D(2027, 1, 4)));
        (e.LayerId, e.Regional).ShouldBe(("national", false));
        e.Message.ShouldContain("国务院办公厅关于2027年部分节假日安排的通知");
        e.Message.ShouldContain("请系统管理员");
        e.Message.ShouldNotContain("审核人员");
    }

    [Fact]
    public void WORKDAYS_a_regional_layer_that_has_loaded_no_year_follows_the_nation()
    {
        var national = Shipped.Layer("national");
        var layers = new[] { national, new CalendarLayer("somewhere", "某地", "national", []) };
        var calendar = new WorkingDayCalendar(layers);
        calendar.IsWorkingDay("somewhere", D(2026, 2, 14)).ShouldBeTrue(); // the national make-up Saturday
        calendar.CoveredYears("somewhere").ShouldBe(calendar.CoveredYears("national"));
    }

    [Fact]
    public void the_shipped_guangxi_layer_names_who_may_load_its_years()
    {
        Shipped.Layer("guangxi").LoadedBy.ShouldBe("自治区人社厅审核人员");
        Shipped.Layer("guangxi").IsRegional.ShouldBeTrue();
        Shipped.Layer("national").IsRegional.ShouldBeFalse();
    }
}
