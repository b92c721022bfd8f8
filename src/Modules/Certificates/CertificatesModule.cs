using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Certificates;

/// <summary>Registers the Certificates module. Its capabilities arrive with their own issues; the module already owns its schema.</summary>
public static class CertificatesModule
{
    public const string Schema = "certificates";

    public static IServiceCollection AddCertificatesModule(this IServiceCollection services)
    {
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(CertificatesModule).Assembly));
        return services;
    }
}
