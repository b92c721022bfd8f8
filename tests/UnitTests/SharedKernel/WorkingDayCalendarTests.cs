using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Problems;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Assessment.UnitTests.SharedKernel;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(CalendarData.LoadShipped());

    /// <summary>The shipped calendar with Guangxi's other years loaded explicitly (no regional holidays), for the counting properties.</summary>
    private static readonly WorkingDayCalendar Explicit = TestCalendars.WithRegionalYears();

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void the_worked_example_10_working_days_after_friday_2021_09_24_ends_on_2021_10_13()
    {
        var days = new List<LocalDate>();
        for (var d = D(2021, 9, 24).PlusDays(1); days.Count < 10; d = d.PlusDays(1))
        {
            if (Calendar.IsWorkingDay("national", d)) days.Add(d);
        }
        days.ShouldBe([
            D(2021, 9, 26), // Sunday, make-up working day
            D(2021, 9, 27), D(2021, 9, 28), D(2021, 9, 29), D(2021, 9, 30),
            D(2021, 10, 8),
            D(2021, 10, 9), // Saturday, make-up working day
            D(2021, 10, 11), D(2021, 10, 12), D(2021, 10, 13),
        ]);
        Calendar.AddWorkingDays("national", D(2021, 9, 24), 10).ShouldBe(D(2021, 10, 13));
        Calendar.WorkingDaysBetween("national", D(2021, 9, 24), D(2021, 10, 13)).ShouldBe(10);
    }

    [Theory]
    [InlineData("2021-10-01", false)] // National Day
    [InlineData("2021-10-07", false)]
    [InlineData("2021-09-26", true)]  // make-up Sunday
    [InlineData("2021-09-25", false)] // ordinary Saturday
    [InlineData("2021-09-24", true)]  // ordinary Friday
    [InlineData("2020-02-01", false)] // announced as working, then rest by the 2020 extension
    [InlineData("2020-02-02", false)]
    [InlineData("2020-02-03", true)]
    [InlineData("2022-12-31", false)] // belongs to the 2023 New Year holiday
    [InlineData("2026-02-14", true)]  // 2026 make-up Saturday
    [InlineData("2026-02-23", false)]
    public void national_holidays_and_make_up_days_follow_the_State_Council_notices(string date, bool working)
    {
        Calendar.IsWorkingDay("national", NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value).ShouldBe(working);
    }

    [Fact]
    public void guangxi_adds_san_yue_san_2021_on_top_of_the_national_layer()
    {
        foreach (var d in new[] { D(2021, 4, 14), D(2021, 4, 15), D(2021, 4, 16) })
        {
            Calendar.IsWorkingDay("guangxi", d).ShouldBeFalse();
            Calendar.IsWorkingDay("national", d).ShouldBeTrue();
        }
        Calendar.IsWorkingDay("guangxi", D(2021, 4, 18)).ShouldBeTrue();  // Sunday worked in Guangxi
        Calendar.IsWorkingDay("national", D(2021, 4, 18)).ShouldBeFalse();
        Calendar.IsWorkingDay("guangxi", D(2021, 10, 1)).ShouldBeFalse(); // national holidays still apply
        // 5 working days after Tue 2021-04-13: national → 04-20, Guangxi (14–17 off, 18 worked) → 04-22
        Calendar.AddWorkingDays("national", D(2021, 4, 13), 5).ShouldBe(D(2021, 4, 20));
        Calendar.AddWorkingDays("guangxi", D(2021, 4, 13), 5).ShouldBe(D(2021, 4, 22));
    }

    [Fact]
    public void a_date_outside_the_loaded_years_is_an_explicit_error_never_a_weekend_guess()
    {
        var e = Should.Throw<CalendarYearNotLoadedException>(() => Calendar.IsWorkingDay("national", D(2027, 1, 4)));
        e.Year.ShouldBe(2027);
        e.ToViolation().Code.ShouldBe("calendar.year-not-loaded");
        Should.Throw<CalendarYearNotLoadedException>(() => Calendar.AddWorkingDays("guangxi", D(2026, 12, 20), 10));
        Should.Throw<CalendarYearNotLoadedException>(() => Calendar.IsWorkingDay("national", D(2019, 12, 31)));
    }

    [Fact]
    public void loading_a_new_year_extends_the_calendar_without_changing_the_old_one()
    {
        var y2027 = new CalendarYear(2027, CalendarData.ExpandAll(["2027-01-01..2027-01-03"]), CalendarData.ExpandAll(["2027-01-09"]), "test notice");
        var extended = Calendar.WithYear("national", y2027);
        extended.IsWorkingDay("national", D(2027, 1, 1)).ShouldBeFalse();
        extended.IsWorkingDay("national", D(2027, 1, 9)).ShouldBeTrue();
        // Guangxi has loaded a year (2021), so 2027 must be loaded for Guangxi too: explicit, never counted as "no regional holiday"
        Should.Throw<CalendarYearNotLoadedException>(() => extended.IsWorkingDay("guangxi", D(2027, 1, 9))).LayerId.ShouldBe("guangxi");
        extended.AddWorkingDays("national", D(2026, 12, 25), 5).ShouldBe(D(2027, 1, 4));
        Should.Throw<CalendarYearNotLoadedException>(() => Calendar.IsWorkingDay("national", D(2027, 1, 1)));
    }

    [Fact]
    public void a_loaded_year_is_validated()
    {
        var bad = new CalendarYear(2027, CalendarData.ExpandAll(["2026-05-01"]), CalendarData.ExpandAll(["2027-01-06", "2027-01-09"]), "");
        var errors = CalendarData.Validate(bad);
        errors.Keys.ShouldBe(["source", "off", "work"], ignoreOrder: true);
        errors["work"].ShouldContain(m => m.Contains("2027-01-06"));
        Should.Throw<InvalidValueException>(() => CalendarData.ExpandAll(["2027-13-01"]));
        Should.Throw<InvalidValueException>(() => CalendarData.ExpandAll(["2027-02-01..2027-01-01"]));
    }

    [Fact]
    public void BAT_01_10_working_days_before_the_worked_example_is_its_start_listed_day_by_day()
    {
        // the worked example read backwards: 10 working days before Wednesday 2021-10-13 is Friday 09-24
        var days = new List<LocalDate>();
        for (var d = D(2021, 10, 13).PlusDays(-1); days.Count < 10; d = d.PlusDays(-1))
        {
            if (Calendar.IsWorkingDay("national", d)) days.Add(d);
        }
        days.ShouldBe([
            D(2021, 10, 12), D(2021, 10, 11),
            D(2021, 10, 9), // Saturday, make-up working day
            D(2021, 10, 8), // 10-01..10-07 National Day
            D(2021, 9, 30), D(2021, 9, 29), D(2021, 9, 28), D(2021, 9, 27),
            D(2021, 9, 26), // Sunday, make-up working day
            D(2021, 9, 24),
        ]);
        Calendar.WorkingDaysBefore("national", D(2021, 10, 13), 10).ShouldBe(D(2021, 9, 24));
        Calendar.AddWorkingDays("national", D(2021, 9, 24), 10).ShouldBe(D(2021, 10, 13));
    }

    [Theory]
    // the external case: an exam on Monday 2026-12-28 — the last filing day is Monday 12-14, not Sunday 12-13
    [InlineData("2026-12-28", 10, "2026-12-14", "2026-12-28")]
    // after National Day and Mid-Autumn 2026 (09-25..27 and 10-01..07 off, Sunday 09-20 worked)
    [InlineData("2026-10-08", 10, "2026-09-17", "2026-10-08")]
    // a rest-day exam (Saturday 2026-12-19) stands at the next working day: 10 working days lie in [12-07, 12-19)
    [InlineData("2026-12-19", 10, "2026-12-07", "2026-12-21")]
    // an exam inside a holiday (2026-10-03) stands at the first working day after it (10-08)
    [InlineData("2026-10-03", 1, "2026-09-30", "2026-10-08")]
    [InlineData("2026-12-28", 1, "2026-12-25", "2026-12-28")]
    public void BAT_01_working_days_before_is_a_working_day_and_the_inverse_of_add_working_days(string exam, int n, string latest, string position)
    {
        var day = Calendar.WorkingDaysBefore("national", P(exam), n);
        day.ShouldBe(P(latest));
        Calendar.IsWorkingDay("national", day).ShouldBeTrue();
        Calendar.AddWorkingDays("national", day, n).ShouldBe(P(position));
        Calendar.WorkingDaysBetween("national", day.PlusDays(-1), P(exam).PlusDays(-1)).ShouldBe(n); // n working days in [day, exam)
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.WorkingDaysBefore("national", P(exam), 0));
    }

    [Fact]
    public void BAT_02_guangxi_counts_san_yue_san_before_an_exam()
    {
        // 5 working days before Thursday 2021-04-22: Guangxi (14–17 off, Sunday 18 worked) → 04-13; national → 04-15
        Calendar.WorkingDaysBefore("guangxi", D(2021, 4, 22), 5).ShouldBe(D(2021, 4, 13));
        Calendar.WorkingDaysBefore("national", D(2021, 4, 22), 5).ShouldBe(D(2021, 4, 15));
        Should.Throw<CalendarYearNotLoadedException>(() => Calendar.WorkingDaysBefore("national", D(2020, 1, 6), 5));
    }

    /// <summary>Exam days whose count back and forth stays inside the loaded years (2020–2026).</summary>
    private static readonly LocalDate First = D(2020, 3, 1), Last = D(2026, 12, 20);

    [Fact]
    public void BAT_01_for_every_day_and_1_to_30_working_days_the_day_before_is_a_working_day_and_inverts_add_working_days()
    {
        foreach (var layer in new[] { "national", "guangxi" })
        {
            for (var exam = First; exam <= Last; exam = exam.PlusDays(1))
            {
                var position = exam;
                while (!Explicit.IsWorkingDay(layer, position)) position = position.PlusDays(1);
                for (var n = 1; n <= 30; n++)
                {
                    var latest = Explicit.WorkingDaysBefore(layer, exam, n);
                    Explicit.IsWorkingDay(layer, latest).ShouldBeTrue($"{layer} {exam} {n}");
                    Explicit.AddWorkingDays(layer, latest, n).ShouldBe(position, $"{layer} {exam} {n}");
                    // the next working day is one working day short
                    Explicit.AddWorkingDays(layer, Explicit.AddWorkingDays(layer, latest, 1), n).ShouldBeGreaterThan(position);
                    // and for a working day D, D is n working days before the n-th working day after it
                    // (counting forward from days whose 30th working day is still in 2026)
                    if ((exam.Year < 2026 || exam.Month < 11) && Explicit.IsWorkingDay(layer, exam))
                        Explicit.WorkingDaysBefore(layer, Explicit.AddWorkingDays(layer, exam, n), n).ShouldBe(exam);
                }
            }
        }
    }

    [Fact]
    public void BAT_01_property_n_working_days_lie_from_the_latest_day_up_to_the_exam_and_fewer_from_any_later_day()
    {
        var cases =
            from offset in Gen.Choose(0, Period.Between(First, Last, PeriodUnits.Days).Days)
            from n in Gen.Choose(1, 30)
            from layer in Gen.Elements("national", "guangxi")
            select (Exam: First.PlusDays(offset), N: n, Layer: layer);
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var latest = Explicit.WorkingDaysBefore(c.Layer, c.Exam, c.N);
            Explicit.IsWorkingDay(c.Layer, latest).ShouldBeTrue();
            latest.ShouldBeLessThan(c.Exam);
            Explicit.WorkingDaysBetween(c.Layer, latest.PlusDays(-1), c.Exam.PlusDays(-1)).ShouldBe(c.N);
            Explicit.WorkingDaysBetween(c.Layer, latest, c.Exam.PlusDays(-1)).ShouldBe(c.N - 1);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000), property);
    }

    private static LocalDate P(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    [Fact]
    public void every_shipped_year_from_2020_to_2026_is_loaded()
    {
        Calendar.CoveredYears("national").ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
        Calendar.CoveredYears("guangxi").ShouldBe([2021]); // only the years both the nation and the region loaded
    }
}
