using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Microsoft.AspNetCore.Authorization;
using NodaTime;
using Wolverine;
using Wolverine.Http;

namespace Assessment.Api.Testing;

/// <summary>
/// A clock an administrator can move forward, for end-to-end tests of deadlines and windows in a running server.
/// Registered only when <c>Testing:AdjustableClock</c> is true (./build.sh test sets it for its throwaway server).
/// </summary>
public sealed class AdjustableClock(IClock inner) : IClock
{
    public Duration Offset { get; set; }

    public Instant GetCurrentInstant() => inner.GetCurrentInstant() + Offset;
}

public sealed record SetClockOffset(int Days);

public sealed record ClockState(Instant Now, int OffsetDays);

/// <summary>Mapped only when the adjustable clock is on (see PlatformHost): elsewhere the route does not exist.</summary>
public static class ClockControlEndpoint
{
    /// <summary>Sets the offset from real time, then lets every module catch up on what fell due (as after a restart).</summary>
    [Authorize(Roles = Roles.Administrator), ExcludeFromDescription]
    [WolverinePost("/api/testing/clock")]
    public static async Task<ClockState> Post(SetClockOffset command, IClock clock, IMessageBus bus)
    {
        var adjustable = (AdjustableClock)clock;
        adjustable.Offset = Duration.FromDays(command.Days);
        await bus.InvokeAsync(new ClockAdvanced(adjustable.GetCurrentInstant()));
        return new ClockState(adjustable.GetCurrentInstant(), command.Days);
    }
}
