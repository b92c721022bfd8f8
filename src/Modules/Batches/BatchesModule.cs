using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.Batches.Staffing;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Reference;
using Assessment.SharedKernel.Values;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Batches;

/// <summary>Registers the Batches module (认定批次, BAT-01 … BAT-10).</summary>
public static class BatchesModule
{
    public const string Schema = "batches";

    public static IServiceCollection AddBatchesModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Batch>(SnapshotLifecycle.Inline);
            opts.Schema.For<Batch>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId).Index(x => x.AreaCode).Index(x => x.Status);
            opts.Schema.For<BatchDetails>().DatabaseSchemaName(Schema);
            opts.Projections.Add<Running.BatchInspectionsProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<Running.BatchInspections>().DatabaseSchemaName(Schema).GinIndexJsonData();
            opts.Projections.Snapshot<StaffMember>(SnapshotLifecycle.Inline);
            // BAT-05: one roster entry per identity document and organization, guaranteed by the database so racing registrations cannot both win
            opts.Schema.For<StaffMember>().DatabaseSchemaName(Schema).Index(x => x.OrganizationId)
                .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.Index(StaffMember.DocumentIndex, StaffMember.AlreadyOnRoster),
                    x => x.OrganizationId, x => x.DocumentNumber);
            // the roster, one row per candidate: a batch's candidates, and a person's batches by identity document (the case lookup)
            opts.Projections.Add(new BatchCandidateProjection(), ProjectionLifecycle.Inline);
            opts.Schema.For<BatchCandidate>().DatabaseSchemaName(Schema).Index(x => x.DocumentNumber).Index(x => x.BatchId)
                .UniqueIndex(UniqueIndexType.Computed, UniqueKeys.Index(BatchCandidate.OpenKeyIndex, BatchCandidate.InAnotherOpenBatch),
                    x => x.OpenKey!);
            opts.Schema.For<CandidatePhotoFile>().DatabaseSchemaName(Schema).Index(x => x.BatchId);
        });
        // the ledger names authorities, so its projection reads the policy catalog
        services.ConfigureMarten((sp, opts) =>
            opts.Projections.Add(new BatchDetailsProjection(sp.GetRequiredService<PolicyCatalog>()), ProjectionLifecycle.Inline));
        services.AddSingleton<ICandidateCases, PublishedCandidateCases>();
        services.AddSingleton<IWaitingItems, WaitingBatches>();
        services.AddSingleton<ICandidatePhotos, StoredCandidatePhotos>();
        services.InitializeMartenWith<RosterBackfill>();
        services.AddSingleton<ITermProvider, BatchTerms>();
        SharedKernel.Demo.DemoMessages<Demo.BatchesDemoData>.Register(services);
        services.InitializeMartenWith<Demo.BatchesDemoData>();
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(BatchesModule).Assembly));
        return services;
    }
}

/// <summary>The Batches module's names for its codes.</summary>
public sealed class BatchTerms : ITermProvider
{
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms() => new Dictionary<string, IReadOnlyList<Term>>
    {
        ["batchStatuses"] = TermLists.Of<BatchStatus>(s => s switch
        {
            BatchStatus.Draft => "草稿",
            BatchStatus.Filed => "已报备",
            BatchStatus.Suspended => "已暂停",
            BatchStatus.ResultsRecorded => "成绩已录入",
            BatchStatus.InPublicity => "结果公示中",
            BatchStatus.Publicized => "公示期满待报备",
            BatchStatus.Reported => "结果已报备",
            _ => "已办结",
        }),
        ["staffRoles"] = TermLists.Of<StaffRole>(r => r switch
        {
            StaffRole.Invigilator => "监考人员",
            StaffRole.Examiner => "考评人员",
            _ => "内部质量督导员",
        }),
        ["batchSubjects"] = BatchSubjects.All.Select(s => new Term(s, s)).ToList(),
        ["candidateOutcomes"] = TermLists.Of<CandidateOutcome>(o => o switch
        {
            CandidateOutcome.Qualified => "合格",
            CandidateOutcome.NotQualified => "不合格",
            _ => "缺考",
        }),
        ["resultsPublicityStates"] = TermLists.Of<ResultsPublicityState>(s => s switch
        {
            ResultsPublicityState.NotStarted => "尚未公示",
            ResultsPublicityState.Open => "公示中",
            _ => "公示期满",
        }),
        ["resultsReportStates"] = TermLists.Of<ResultsReportState>(s => s switch
        {
            ResultsReportState.NotSubmitted => "尚未报备",
            ResultsReportState.Submitted => "已报备，待审核",
            ResultsReportState.Accepted => "审核通过",
            _ => "已退回，待重新报备",
        }),
        ["identityDocumentTypes"] = IdentityDocumentTypes.Names
            .Select(t => new Term(((int)t.Key).ToString(System.Globalization.CultureInfo.InvariantCulture), t.Value)).ToList(),
    };
}
