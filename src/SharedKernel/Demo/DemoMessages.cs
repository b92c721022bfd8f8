using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;

namespace Assessment.SharedKernel.Demo;

/// <summary>
/// A module's demo messages to other modules (notices to open, accepted reports …), collected while its demo data is
/// written and sent once the platform runs, as the API would send them.
/// <typeparamref name="TModule"/> (the module's demo-data class) keeps one outbox per module.
/// </summary>
/// <remarks>The bus is resolved only then: it depends on the document store, which runs the demo data first.</remarks>
public sealed class DemoMessages<TModule>(IHostApplicationLifetime lifetime, IServiceProvider services, ILogger<DemoMessages<TModule>> logger)
    : IHostedService
{
    public List<object> Pending { get; } = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SendAsync());
        return Task.CompletedTask;
    }

    private async Task SendAsync()
    {
        try
        {
            var bus = services.GetRequiredService<IMessageBus>();
            foreach (var message in Pending) await bus.InvokeAsync(message);
            Pending.Clear();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not send the demo's messages of {Module}", typeof(TModule).Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<DemoMessages<TModule>>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoMessages<TModule>>());
    }
}
