using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Notices;

/// <summary>Registers the Notices module. Its capabilities arrive with their own issues; the module already owns its schema.</summary>
public static class NoticesModule
{
    public const string Schema = "notices";

    public static IServiceCollection AddNoticesModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(NoticesModule).Assembly));
        return services;
    }
}
