using Wolverine.ErrorHandling;
using Assessment.Api.Calendar;
using Assessment.Api.Demo;
using Assessment.Api.Identity;
using Assessment.Api.Infrastructure;
using Assessment.Batches;
using Assessment.Certificates;
using Assessment.Filing;
using Assessment.Notices;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.Supervision;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.OpenTelemetry;
using JasperFx.Resources;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Api;

/// <summary>Composition of the whole platform; Program.cs and the test host both go through here.</summary>
public static class PlatformHost
{
    /// <summary>The advisory lock the async daemon's nodes compete for (HotCold); any fixed number no other part of the product uses.</summary>
    public const int DaemonLockId = 40_417_001;

    public const string ConnectionName = "Assessment";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var connectionString = config.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is not configured (set ConnectionStrings__{ConnectionName}).");

        services.AddSingleton<IClock>(config.GetValue<bool>("Testing:AdjustableClock")
            ? new Testing.AdjustableClock(SystemClock.Instance)
            : SystemClock.Instance);
        var calendarLayers = CalendarData.LoadShipped();
        services.AddSingleton<IWorkingDayCalendar>(new WorkingDayCalendarHolder(new WorkingDayCalendar(calendarLayers)));
        services.AddSingleton(new PolicyCatalog(PolicyCatalog.LoadShipped(), calendarLayers.Select(l => l.Id)));
        services.AddSingleton<AccessControl>();
        services.AddSingleton<IAccountDirectory, Identity.AccountDirectory>();
        services.AddSingleton<SharedKernel.Reference.ITermProvider, Reference.PlatformTerms>();
        services.AddSingleton(config.GetSection("RequestLimits").Get<RequestLimits>() ?? new RequestLimits());
        services.AddSingleton(config.GetSection("Site").Get<SiteOptions>() ?? new SiteOptions());
        services.AddSingleton(
            new SharedKernel.UploadWork(config.GetValue(SharedKernel.UploadWork.SlotsSetting, SharedKernel.UploadWork.DefaultSlots)));
        services.AddPlatformRateLimiting(config.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions());

        services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => JsonSetup.Configure(o.JsonSerializerOptions));
        services.AddPlatformProblemDetails();
        services.AddPlatformAuthentication();
        services.AddPlatformOpenApi();
        services.AddStaticCompression();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        var marten = services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = "platform";
                opts.Events.DatabaseSchemaName = "events";
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    o => o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb));
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();

                opts.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);
                opts.Schema.For<Account>().DatabaseSchemaName("identity")
                    .UniqueIndex(Marten.Schema.UniqueIndexType.Computed, Identity.Account.UserNameIndex, x => x.UserName);
                opts.Schema.For<AuthSession>().DatabaseSchemaName("identity").Index(x => x.ExpiresAtUnixMs);
                opts.Projections.Snapshot<ApiClient>(SnapshotLifecycle.Inline);
                opts.Schema.For<ApiClient>().DatabaseSchemaName("identity");
                Privacy.ReadLogSetup.Configure(opts);
                Audit.ActivitySetup.Configure(opts);
                // HotCold: every node competes for this advisory lock; the holder runs the asynchronous projections and
                // another takes over within one polling interval of losing it (a killed node's connection drops the lock).
                opts.Projections.DaemonLockId = DaemonLockId;
                opts.Projections.LeadershipPollingTime = config.GetValue("Daemon:LeadershipPollingMs", 1000);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine(x => x.MessageStorageSchemaName = "wolverine")
            .InitializeWith<AccountBootstrapper>();
        marten.InitializeWith<DemoAccounts>();
        marten.InitializeWith<DemoCalendarYears>(); // before the modules' demo data, which counts Guangxi deadlines

        services.AddFilingModule();
        services.AddBatchesModule();
        services.AddNoticesModule();
        services.AddCertificatesModule();
        services.AddSupervisionModule();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(PlatformHost).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.CodeGeneration.Sources.Add(new ClockNowSource());
            opts.Policies.UseDurableLocalQueues();
            // Each module handles a shared contract message (NoticeStateChanged) in its own chain and transaction.
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            // Balanced: several API processes may share the database; durable messages a dead node owned are recovered by
            // the others, and scheduled work runs once.
            opts.Durability.Mode = DurabilityMode.Balanced;
            // A message handler that lost an optimistic-concurrency race (e.g. a notice report arriving while a reviewer
            // acts on the same application) reloads and tries again.
            opts.OnException<JasperFx.ConcurrencyException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250))
                .Then.MoveToErrorQueue();
            // Failed sign-ins land on the account's stream one at a time: under a guessing attack parallel appends to one
            // stream would otherwise exhaust their retries and drop records from the account's trail.
            opts.LocalQueueFor<SignInFailureObserved>().Sequential();
            opts.Services.AddResourceSetupOnStartup();
        });
        services.AddWolverineHttp();

        services.AddSingleton<Calendar.CalendarSync>();
        services.AddHostedService(sp => sp.GetRequiredService<Calendar.CalendarSync>());
        services.AddSingleton<Workbench.WaitingItemSources>();
        services.AddSingleton<SharedKernel.Privacy.PersonalDataReads>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedKernel.Privacy.PersonalDataReads>());

        var otel = services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("Wolverine").AddSource("Marten"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Wolverine").AddMeter("Marten"));
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(t => t.AddOtlpExporter()).WithMetrics(m => m.AddOtlpExporter());
        }
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseConfiguredForwardedHeaders(app.Services.GetRequiredService<SiteOptions>());
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLoggingMiddleware>();

        app.UseStaticCompression();
        var spaRoot = SpaRoot(app);
        if (spaRoot is not null)
        {
            var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(spaRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseSwagger(o => o.RouteTemplate = "swagger/{documentName}/swagger.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "职业技能等级认定平台 API v1");
        });

        // Explicit, after the static files: otherwise routing runs first and the SPA fallback swallows /assets/*.
        app.UseRouting();
        app.UseMiddleware<UnmatchedRouteMiddleware>(spaRoot ?? "");
        app.UseMiddleware<RequestGuardMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<WriteGuardMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<EnumQueryGuardMiddleware>();

        app.MapPlatformHealth();
        app.MapWolverineEndpoints(opts =>
        {
            opts.WarmUpRoutes = RouteWarmup.Eager;
            opts.RejectUnparseableQueryValues = true;
            WolverineConventions.Apply(opts);
            // The test clock exists only on the throwaway end-to-end server: elsewhere the route is not mapped at all.
            if (!app.Configuration.GetValue<bool>("Testing:AdjustableClock"))
                opts.CustomizeHttpEndpointDiscovery(
                    q => q.Excludes.WithCondition("test-only endpoints", t => t == typeof(Testing.ClockControlEndpoint)));
        });

        return app;
    }

    private static string? SpaRoot(WebApplication app)
    {
        var configured = app.Configuration["Spa:Root"];
        var candidates = new[]
        {
            configured,
            Path.Combine(app.Environment.ContentRootPath, "wwwroot"),
            Path.Combine(app.Environment.ContentRootPath, "..", "..", "client", "dist"),
        };
        return candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Path.GetFullPath(c!))
            .FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
    }
}
