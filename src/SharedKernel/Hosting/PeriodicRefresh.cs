using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assessment.SharedKernel.Hosting;

/// <summary>
/// A process's copy of something kept in the log (the calendar years an administrator loaded, the imported occupation catalog),
/// refreshed every <c>{section}:RefreshSeconds</c> (10 by default) so that what one API node committed reaches every other node;
/// a failed refresh is logged and tried again at the next interval.
/// </summary>
public abstract class PeriodicRefresh(IConfiguration config, ILogger logger, string section, string what) : BackgroundService
{
    /// <summary>Brings this process's copy up to the log, if the log changed since the last refresh.</summary>
    public abstract Task RefreshAsync(CancellationToken ct = default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, config.GetValue($"{section}:RefreshSeconds", 10)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Refreshing {What} from the log failed; the next try follows", what);
            }
        }
    }
}
