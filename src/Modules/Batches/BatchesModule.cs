using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Batches;

/// <summary>Registers the Batches module. Its capabilities arrive with their own issues; the module already owns its schema.</summary>
public static class BatchesModule
{
    public const string Schema = "batches";

    public static IServiceCollection AddBatchesModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(BatchesModule).Assembly));
        return services;
    }
}
