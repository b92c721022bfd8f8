using Assessment.Notices.Closing;
using Assessment.Notices.Notices;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Assessment.Notices;

/// <summary>公告/公示 (NTC): notices with a window on the deciding authority's calendar, objections, automatic closing.</summary>
public static class NoticesModule
{
    public const string Schema = "notices";

    public static IServiceCollection AddNoticesModule(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Snapshot<Notice>(SnapshotLifecycle.Inline);
            opts.Schema.For<Notice>().DatabaseSchemaName(Schema).Index(x => x.AreaCode).Index(x => x.Status);
        });
        services.ConfigureWolverine(opts => opts.Discovery.IncludeAssembly(typeof(NoticesModule).Assembly));
        services.AddSingleton<NoticeCloseScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NoticeCloseScheduler>());
        services.AddSingleton<SharedKernel.Reference.ITermProvider, NoticeTerms>();
        services.InitializeMartenWith<Demo.NoticesDemoData>();
        return services;
    }
}
