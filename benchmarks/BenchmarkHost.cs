using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.Benchmarks;

/// <summary>
/// The real API (its Program, configuration and modules) on Kestrel at a loopback port, in this process, so that the raw
/// baselines run beside it on the same runtime and the API's memory is this process's memory.
/// </summary>
public sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _connection;

    public BenchmarkHost(string connection)
    {
        _connection = connection;
        // Program ends in RunJasperFxCommands: under a factory it must start the host instead of parsing a command line
        JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // as ./build.sh run starts the API: from its output folder (appsettings.json is copied here)
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseSetting("ConnectionStrings:Assessment", _connection);
        builder.UseSetting("Certificates:PublicBaseUrl", BaseUrl);
        builder.UseSetting("Bootstrap:AdminUserName", "bench.admin");
        builder.UseSetting("Bootstrap:AdminPassword", "Bench@Admin2026");
        // one load generator on one address: the per-client limit would measure the limiter, not the lookup
        builder.UseSetting("RateLimits:PublicLookupsPerClientPerMinute", "1000000000");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RawVerificationEndpoint(_connection)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
