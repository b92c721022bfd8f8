using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Postgresql;
using Wolverine;

namespace Assessment.Certificates;

/// <summary>Registers the Certificates module (CRT-01 … CRT-05): numbering, issuance, the registry, documents and verification.</summary>
public static class CertificatesModule
{
    public const string Schema = "certificates";

    public static IServiceCollection AddCertificatesModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<AcceptedBatch>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId);
            opts.Projections.Snapshot<BatchIssuance>(SnapshotLifecycle.Inline);
            opts.Schema.For<BatchIssuance>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId);
            opts.Projections.Snapshot<CertificateSerialSequence>(SnapshotLifecycle.Inline);
            opts.Schema.For<CertificateSerialSequence>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId);
            opts.Schema.For<StoredSigningKey>().DatabaseSchemaName(Schema);
            opts.Schema.For<Verification.CertificateLookup>().DatabaseSchemaName(Schema).Index(x => x.CertificateId).Index(x => x.CandidateId);
            // the registry and its prints and corrections: tables Weasel keeps, rows the inline projection writes with the events
            opts.Projections.Add(new CertificateRegistryProjection(), ProjectionLifecycle.Inline);
            opts.Storage.ExtendedSchemaObjects.Add(CertificateTable.Definition());
            opts.Storage.ExtendedSchemaObjects.Add(QualifiedCandidateTable.Definition());
            opts.Storage.ExtendedSchemaObjects.Add(CertificatePrintTable.Definition());
            opts.Storage.ExtendedSchemaObjects.Add(CertificateCorrectionTable.Definition());
            opts.Storage.ExtendedSchemaObjects.Add(
                new Sequence(new PostgresqlObjectName(Schema, "certificate_status_index", SchemaUtils.IdentifierUsage.General)));
        });
        services.AddSingleton<SharedKernel.Reference.ITermProvider, CertificateTerms>();
        services.InitializeMartenWith<Demo.CertificatesDemoData>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Certificates").Get<CertificatesOptions>()
            ?? new CertificatesOptions());
        services.AddHostedService<PublicAddressCheck>();
        services.AddSingleton<SigningKeys>();
        // loaded at registration: a machine without the certificate font fails at start-up, never with a blank PDF (CRT-03)
        services.AddSingleton(new Documents.CertificateFonts());
        services.AddSingleton<Documents.CertificatePdf>();
        services.AddSingleton<SharedKernel.Contracts.IIssuedCertificates, PublishedCertificateTable>();
        services.AddSingleton<SharedKernel.Contracts.IWaitingItems, WaitingCertificateWork>();
        services.AddSingleton<Verification.PublicCertificates>();
        services.AddSingleton<Verification.LookupLog>();
        services.AddHostedService(sp => sp.GetRequiredService<Verification.LookupLog>());
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(CertificatesModule).Assembly));
        return services;
    }
}

/// <summary>The Certificates module's names for its codes.</summary>
public sealed class CertificateTerms : SharedKernel.Reference.ITermProvider
{
    public IReadOnlyDictionary<string, IReadOnlyList<SharedKernel.Reference.Term>> Terms() =>
        new Dictionary<string, IReadOnlyList<SharedKernel.Reference.Term>>
        {
            ["certificateStatuses"] = SharedKernel.Reference.TermLists.Of<CertificateStatus>(s => s == CertificateStatus.Valid ? "有效" : "已撤销"),
            ["certificatePrintKinds"] = SharedKernel.Reference.TermLists.Of<PrintKind>(k => k switch
            {
                PrintKind.Original => "首次核发",
                PrintKind.Reissue => "补发",
                _ => "更正后换发",
            }),
            ["certificateCorrectionStatuses"] = SharedKernel.Reference.TermLists.Of<CertificateCorrectionStatus>(s => s switch
            {
                CertificateCorrectionStatus.Open => "待审批",
                CertificateCorrectionStatus.Approved => "已批准",
                CertificateCorrectionStatus.Withdrawn => "已撤回",
                _ => "已驳回",
            }),
            ["certificateCorrectionFields"] = Registry.CertificateHolder.Fields.Names,
            ["issuanceStatuses"] = SharedKernel.Reference.TermLists.Of<IssuanceStatus>(s => s switch
            {
                IssuanceStatus.Running => "核发中",
                IssuanceStatus.Halted => "已中止",
                _ => "已完成",
            }),
        };
}
