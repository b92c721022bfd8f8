using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.SharedKernel.Calendar;

public sealed record Window(LocalDate Start, LocalDate End, int Length, string Unit);

/// <summary>
/// The window of a notice on the deciding authority's calendar. In working days: from the first working day on or after
/// the start date, through the N-th working day counting that one. In calendar days (Anhui's 7-day results publicity,
/// BAT-06): N consecutive days from the start date.
/// </summary>
public static class NoticeWindow
{
    /// <summary>The minimum length a kind must have under a policy; null when the policy sets none.</summary>
    public static PublicityPeriod? Minimum(NoticeKind kind, JurisdictionPolicy policy) => kind switch
    {
        NoticeKind.FilingPublicity => new PublicityPeriod(policy.Filing.PublicityWorkingDays, PublicityUnits.WorkingDays),
        NoticeKind.ResultsPublicity => policy.Batches.ResultsPublicity,
        _ => null,
    };

    public static string RuleFor(NoticeKind kind) => kind switch
    {
        NoticeKind.FilingPublicity => "FIL-17",
        NoticeKind.ResultsPublicity => "BAT-06",
        NoticeKind.BatchAnnouncement => "BAT-02",
        NoticeKind.DirectoryChange => "FIL-19",
        NoticeKind.SupervisionResult => "SUP-02",
        _ => "NTC",
    };

    /// <summary>Computes the window; a length below the policy's minimum breaks the kind's rule.</summary>
    public static Window Compute(NoticeKind kind, JurisdictionPolicy policy, WorkingDayCalendar calendar, LocalDate start, int? length)
    {
        var minimum = Minimum(kind, policy);
        var unit = minimum?.Unit ?? PublicityUnits.WorkingDays;
        var days = length ?? minimum?.Length
            ?? throw new BusinessRuleException(new RuleViolation(RuleFor(kind), "notice.length-required", "请指定公告期限（工作日数）。"));
        if (minimum is not null && days < minimum.Length)
        {
            var unitName = unit == PublicityUnits.WorkingDays ? "个工作日" : "天";
            throw new BusinessRuleException(new RuleViolation(RuleFor(kind), "notice.window-too-short",
                $"{policy.ShortName}规定公示期不少于{minimum.Length}{unitName}，申请的期限为{days}{unitName}。"));
        }
        if (days is < 1 or > 60)
            throw new BusinessRuleException(new RuleViolation(RuleFor(kind), "notice.window-length", "公告期限应为1至60天。"));

        if (unit == PublicityUnits.CalendarDays) return new Window(start, start.PlusDays(days - 1), days, unit);
        var first = calendar.AddWorkingDays(policy.CalendarLayer, start.PlusDays(-1), 1);
        var last = calendar.AddWorkingDays(policy.CalendarLayer, start.PlusDays(-1), days);
        return new Window(first, last, days, unit);
    }
}
