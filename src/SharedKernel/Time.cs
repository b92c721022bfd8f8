using NodaTime;

namespace Assessment.SharedKernel;

public static class ChinaTime
{
    /// <summary>All business dates (deadlines, windows) are dates in China Standard Time.</summary>
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static LocalDate Today(this IClock clock) => clock.GetCurrentInstant().Date();

    /// <summary>The business date of an instant (China Standard Time).</summary>
    public static LocalDate Date(this Instant instant) => instant.InZone(Zone).Date;
}
