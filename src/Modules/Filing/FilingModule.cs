using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Directory;
using Assessment.Filing.Filings;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Assessment.SharedKernel.Problems;
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
            // FIL-11: one organization per credit code, and one registration per organization (its stream id), decided by the database
            opts.Schema.For<Organization>().DatabaseSchemaName(Schema)
                .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.Index(Organization.CreditCodeIndex, Organization.CreditCodeTaken),
                    x => x.CreditCode)
                .Index(x => x.AreaCode);
            opts.Projections.Snapshot<FilingApplication>(SnapshotLifecycle.Inline);
            opts.Schema.For<FilingApplication>().DatabaseSchemaName(Schema)
                .Index(x => x.OrganizationId).Index(x => x.AreaCode).Index(x => x.Status);
            opts.Projections.Add<ApplicationDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<ApplicationDetails>().DatabaseSchemaName(Schema);
            opts.Projections.Snapshot<FilingNumberSequence>(SnapshotLifecycle.Inline);
            opts.Schema.For<FilingNumberSequence>().DatabaseSchemaName(Schema);
            opts.Projections.Snapshot<FilingRecord>(SnapshotLifecycle.Inline);
            opts.Schema.For<FilingRecord>().DatabaseSchemaName(Schema)
                .UniqueIndex(x => x.FilingNumber).Index(x => x.OrganizationId).Index(x => x.AreaCode).Index(x => x.Status);
            opts.Projections.Snapshot<ImportedOccupationCatalog>(SnapshotLifecycle.Inline);
            opts.Schema.For<ImportedOccupationCatalog>().DatabaseSchemaName(Schema);
            opts.Schema.For<Materials.MaterialFile>().DatabaseSchemaName(Schema).Index(x => x.ApplicationId);
            opts.Schema.For<OrganizationSealFile>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId);
            // FIL-19: the public directory changes in the same transaction as the filing.
            opts.Projections.Snapshot<DirectoryEntry>(SnapshotLifecycle.Inline);
            opts.Schema.For<DirectoryEntry>().DatabaseSchemaName(Schema).Index(x => x.AreaCode).Index(x => x.Status).Index(x => x.FilingNumber);
        });
        UniqueKeys.Stream<Organization>(Organization.AlreadyRegistered);
        services.AddSingleton(OccupationCatalog.LoadShipped());
        services.AddSingleton<OccupationCatalogSync>();
        services.AddHostedService(sp => sp.GetRequiredService<OccupationCatalogSync>());
        services.AddSingleton<FilingNumberAllocator>();
        services.AddSingleton<ApplicationViews>();
        services.AddSingleton<SharedKernel.Contracts.IWaitingItems, WaitingApplications>();
        services.AddSingleton<SharedKernel.Reference.ITermProvider, FilingTerms>();
        services.AddSingleton<SharedKernel.Contracts.IOrganizationNames, RegisteredOrganizationNames>();
        services.AddSingleton<SharedKernel.Contracts.IOrganizationSeals, StoredOrganizationSeals>();
        services.AddSingleton<SharedKernel.Contracts.IOrganizationFilings, PublishedFilings>();
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(FilingModule).Assembly));
        SharedKernel.Demo.DemoMessages<Demo.FilingDemoData>.Register(services);
        services.InitializeMartenWith<Demo.FilingDemoData>();
        return services;
    }
}
