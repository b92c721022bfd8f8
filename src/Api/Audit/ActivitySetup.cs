using JasperFx.Events.Projections;
using Marten;

namespace Assessment.Api.Audit;

/// <summary>The activity count: an asynchronous projection in the <c>audit</c> schema, run by whichever node holds the daemon's lock.</summary>
public static class ActivitySetup
{
    public const string Schema = "audit";

    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Add(new ActorActivityProjection(), ProjectionLifecycle.Async);
        opts.Schema.For<ActorActivity>().DatabaseSchemaName(Schema).Index(x => x.UserId).Index(x => x.Day);
    }
}
