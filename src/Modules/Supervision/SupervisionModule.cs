using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Supervision;

/// <summary>Registers the Supervision module. Its capabilities arrive with their own issues; the module already owns its schema.</summary>
public static class SupervisionModule
{
    public const string Schema = "supervision";

    public static IServiceCollection AddSupervisionModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(SupervisionModule).Assembly));
        return services;
    }
}
