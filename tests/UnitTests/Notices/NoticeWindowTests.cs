using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Notices;

public class NoticeWindowTests
{
    private static readonly WorkingDayCalendar Calendar = new(CalendarData.LoadShipped());
    private static readonly PolicyCatalog Catalog = new(PolicyCatalog.LoadShipped(), Calendar.LayerIds);

    private static Window Compute(NoticeKind kind, string policy, LocalDate start, int? length = null) =>
        NoticeWindow.Compute(kind, Catalog.Get(policy), Calendar, start, length);

    [Fact]
    public void FIL_17_a_window_starting_on_a_weekend_begins_on_the_next_working_day()
    {
        var w = Compute(NoticeKind.FilingPublicity, "anhui", new LocalDate(2021, 9, 25)); // Saturday
        w.Start.ShouldBe(new LocalDate(2021, 9, 26)); // make-up Sunday
        w.End.ShouldBe(new LocalDate(2021, 9, 30));
    }

    [Fact]
    public void FIL_17_guangxi_publicity_skips_san_yue_san()
    {
        var w = Compute(NoticeKind.FilingPublicity, "guangxi", new LocalDate(2021, 4, 13));
        // 04-13 (1), 04-14..17 off, 04-18 worked Sunday (2), 04-19 (3), 04-20 (4), 04-21 (5)
        w.End.ShouldBe(new LocalDate(2021, 4, 21));
        Compute(NoticeKind.FilingPublicity, "anhui", new LocalDate(2021, 4, 13)).End.ShouldBe(new LocalDate(2021, 4, 19));
    }

    [Fact]
    public void BAT_06_anhui_counts_calendar_days()
    {
        var w = Compute(NoticeKind.ResultsPublicity, "anhui", new LocalDate(2021, 9, 30));
        w.End.ShouldBe(new LocalDate(2021, 10, 6));
        w.Unit.ShouldBe(PublicityUnits.CalendarDays);
    }

    [Theory]
    [InlineData("anhui", 4)]
    [InlineData("guangxi", 4)]
    [InlineData("hubei-huangshi", 2)]
    [InlineData("national", 1)]
    public void FIL_17_a_shorter_filing_publicity_breaks_the_rule(string policy, int length)
    {
        var e = Should.Throw<BusinessRuleException>(() => Compute(NoticeKind.FilingPublicity, policy, new LocalDate(2021, 3, 1), length));
        e.Violations.ShouldHaveSingleItem().RuleId.ShouldBe("FIL-17");
    }

    [Fact]
    public void FIL_17_a_longer_publicity_is_allowed()
    {
        Compute(NoticeKind.FilingPublicity, "anhui", new LocalDate(2021, 3, 1), 10).End.ShouldBe(new LocalDate(2021, 3, 12));
    }

    [Fact]
    public void a_general_notice_needs_an_explicit_length()
    {
        Should.Throw<BusinessRuleException>(() => Compute(NoticeKind.General, "anhui", new LocalDate(2021, 3, 1)))
            .Violations.Single().Code.ShouldBe("notice.length-required");
        Compute(NoticeKind.General, "anhui", new LocalDate(2021, 3, 1), 3).End.ShouldBe(new LocalDate(2021, 3, 3));
    }
}
