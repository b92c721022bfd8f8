using Alba;
using Assessment.SharedKernel.Calendar;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Microsoft.AspNetCore.Hosting;
using Testcontainers.PostgreSql;
using Wolverine;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>
/// One API host for the whole test run, on real PostgreSQL: the connection string comes from
/// ASSESSMENT_TEST_CONNECTION (./build.sh test starts a throwaway cluster); only without it is a Testcontainers
/// PostgreSQL started, which needs a Docker engine.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminUserName = "root.admin";
    public const string AdminPassword = "Root@Admin2026";

    private PostgreSqlContainer? _container;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>Monday 2026-11-23 10:00 in China; tests move it, every reset puts it back.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 2, 0);

    public FakeClock Clock { get; } = new(Start);

    public async Task InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable("ASSESSMENT_TEST_CONNECTION");
        if (string.IsNullOrWhiteSpace(connection))
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            connection = _container.GetConnectionString();
        }

        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Assessment", connection);
            builder.UseSetting("Bootstrap:AdminUserName", AdminUserName);
            builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
            builder.UseSetting("RequestLimits:MaxJsonBodyBytes", "65536");
            // a documentation-range address stands for the reverse proxy whose X-Forwarded-* headers are honoured
            builder.UseSetting("Site:ForwardedProxies:0", Platform.TransportSecurity.Proxy);
            builder.UseEnvironment("Testing");
            builder.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.AddSingleton<IClock>(Clock);
                // Test-only endpoints (e.g. one that fails unexpectedly) live in this assembly.
                services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(AppFixture).Assembly));
            });
        });
        // Every request comes from its own address, so the per-client rate limits (sign-in, public writes) never trip
        // across unrelated tests; a test of the limits sets one address itself (Scenario.From), which wins.
        Host.BeforeEach(c => c.Connection.RemoteIpAddress = new System.Net.IPAddress(Random.Shared.NextInt64(0x0A000001, 0x0AFFFFFE)));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }

    /// <summary>Wipes all data and re-applies the bootstrap administrator.</summary>
    public async Task ResetAsync()
    {
        Clock.Reset(Start);
        // a handler the previous test left running (a durable local queue) may hold rows the wipe locks in another order: the
        // database picks one to fail with a deadlock — the wipe is then simply done again
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Host.ResetAllMartenDataAsync();
                break;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await Task.Delay(200 * attempt);
            }
        }
        // an imported occupation catalog lives in the catalog singleton: back to the shipped one, from the (now empty) log
        await Host.Services.GetRequiredService<Assessment.Filing.Catalog.OccupationCatalogSync>().RefreshAsync();
        // years an administrator loaded live in each node's calendar too: rebuilt from the (now empty) log
        await Host.Services.GetRequiredService<Assessment.Api.Calendar.CalendarSync>().RefreshAsync();
        // the certificate registry, its prints and correction requests (plain tables the inline CertificateRegistryProjection keeps)
        // and the accepted candidates are Weasel tables beside Marten's documents: emptied here too
        await using var connection = new Npgsql.NpgsqlConnection(Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(
            Host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "Assessment"));
        await connection.OpenAsync();
        await using var truncate = new Npgsql.NpgsqlCommand(
            "truncate certificates.certificate, certificates.certificate_print, certificates.certificate_correction, certificates.qualified_candidate", connection);
        await truncate.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;
    protected IAlbaHost Host => App.Host;
    protected Scenarios Given => new(App.Host);

    public Task InitializeAsync() => App.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
}
