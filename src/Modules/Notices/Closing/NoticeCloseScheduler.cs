using Assessment.Notices.Notices;
using Assessment.SharedKernel.Contracts;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Wolverine;

namespace Assessment.Notices.Closing;

/// <summary>
/// After start-up, and whenever the platform's clock is moved (<see cref="ClockAdvanced"/>, test servers only), closes
/// open notices whose window has ended and schedules the close of the others. Publishing already schedules it durably;
/// this covers notices written without the bus (demo data) and downtime, and is harmless otherwise (closing is idempotent).
/// </summary>
public sealed class NoticeCloseScheduler(IHostApplicationLifetime lifetime, IDocumentStore store, IMessageBus bus, IClock clock,
    ILogger<NoticeCloseScheduler> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SweepAsync());
        return Task.CompletedTask;
    }

    public async Task SweepAsync()
    {
        try
        {
            await using var session = store.QuerySession();
            var open = await session.Query<Notice>().Where(n => n.Status == NoticeStatus.Open).Select(n => new { n.Id, n.WindowEnd }).ToListAsync();
            foreach (var n in open)
            {
                var closesAt = CloseNoticeWindowHandler.ClosesAt(n.WindowEnd);
                if (closesAt <= clock.GetCurrentInstant()) await bus.PublishAsync(new CloseNoticeWindow(n.Id));
                else await bus.ScheduleAsync(new CloseNoticeWindow(n.Id), closesAt.ToDateTimeOffset());
            }
            if (open.Count > 0) logger.LogInformation("Scheduled the close of {Count} open notices", open.Count);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not schedule the close of open notices");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The clock moved (a test server's adjustable clock): windows that ended by the new time close now.</summary>
public static class ClockAdvancedHandler
{
    public static Task Handle(ClockAdvanced message, NoticeCloseScheduler scheduler) => scheduler.SweepAsync();
}
