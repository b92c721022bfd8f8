using Alba;
using Marten;
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
            builder.UseEnvironment("Testing");
            builder.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                // Test-only endpoints (e.g. one that fails unexpectedly) live in this assembly.
                services.ConfigureWolverine(o => o.Discovery.IncludeAssembly(typeof(AppFixture).Assembly));
            });
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
    }

    /// <summary>Wipes all data and re-applies the bootstrap administrator.</summary>
    public Task ResetAsync() => Host.ResetAllMartenDataAsync();
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
