using Assessment.SharedKernel.Privacy;
using Marten;
using JasperFx.Events.Projections;

namespace Assessment.Api.Privacy;

/// <summary>The read log's storage: each read its own one-event stream, projected
/// inline to a record the auditor and the person's lookup query.</summary>
public static class ReadLogSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Snapshot<PersonalDataReadRecord>(SnapshotLifecycle.Inline);
        opts.Schema.For<PersonalDataReadRecord>().DatabaseSchemaName(PersonalDataReads.Schema)
            .Index(x => x.PersonKey).Index(x => x.ReaderId).Index(x => x.BatchId).Index(x => x.At);
    }
}
