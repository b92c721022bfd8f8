using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Filing;

public static class FilingModule
{
    public const string Schema = "filing";

    public static IServiceCollection AddFilingModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Organization>(SnapshotLifecycle.Inline);
            opts.Schema.For<Organization>().DatabaseSchemaName(Schema)
                .UniqueIndex(x => x.CreditCode)
                .Index(x => x.AreaCode);
            opts.Projections.Snapshot<FilingApplication>(SnapshotLifecycle.Inline);
            opts.Schema.For<FilingApplication>().DatabaseSchemaName(Schema)
                .Index(x => x.OrganizationId).Index(x => x.AreaCode).Index(x => x.Status);
            opts.Projections.Snapshot<FilingNumberSequence>(SnapshotLifecycle.Inline);
            opts.Schema.For<FilingNumberSequence>().DatabaseSchemaName(Schema);
        });
        services.AddSingleton(OccupationCatalog.LoadShipped());
        services.AddSingleton<FilingNumberAllocator>();
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(FilingModule).Assembly));
        return services;
    }
}
