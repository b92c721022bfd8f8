using Assessment.Certificates.Issuance;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Certificates;

/// <summary>Registers the Certificates module. It receives accepted batches (BAT-07) now; numbering and issuance arrive with their issue.</summary>
public static class CertificatesModule
{
    public const string Schema = "certificates";

    public static IServiceCollection AddCertificatesModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts => opts.Schema.For<AcceptedBatch>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId));
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(CertificatesModule).Assembly));
        return services;
    }
}
