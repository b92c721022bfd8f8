using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>
/// Another API process on the test database: the API as built (<c>src/Api/bin/&lt;configuration&gt;/net10.0</c>), started with
/// <c>dotnet Assessment.Api.dll</c> beside the in-memory test host, to show what holds across processes (database locks,
/// durable messages) and what survives a process killed mid-work.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiProcess(Process process, string baseUrl)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    /// <summary>The last of what the process wrote, for a failing test's message.</summary>
    public string Log
    {
        get { lock (_log) return _log.Length > 4000 ? _log.ToString(_log.Length - 4000, 4000) : _log.ToString(); }
    }

    public static async Task<ApiProcess> StartAsync(IDictionary<string, string>? settings = null, TimeSpan? readyWithin = null)
    {
        var connection = Environment.GetEnvironmentVariable("ASSESSMENT_TEST_CONNECTION")
                         ?? throw new InvalidOperationException("A second API process needs ASSESSMENT_TEST_CONNECTION (./build.sh test sets it).");
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", ["Assessment.Api.dll", "--urls", url])
        {
            WorkingDirectory = OutputDirectory(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Assessment"] = connection;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Certificates__PublicBaseUrl"] = url;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API process did not start.");
        var api = new ApiProcess(process, url);
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var patience = readyWithin ?? TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API process exited ({process.ExitCode}):\n{api.Log}");
            try
            {
                if ((await api.Client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        await api.DisposeAsync();
        throw new TimeoutException($"The API process was not ready in {patience.TotalSeconds:F0} s:\n{api.Log}");
    }

    /// <summary>A crash, not a shutdown: SIGKILL, nothing flushed, no transaction finished.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Client.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    /// <summary>The API's own build output, in the configuration these tests were built in.</summary>
    private static string OutputDirectory()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name; // …/bin/<configuration>/net10.0/
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) continue;
            var output = Path.Combine(dir.FullName, "src", "Api", "bin", configuration, here.Name);
            return File.Exists(Path.Combine(output, "Assessment.Api.dll"))
                ? output
                : throw new InvalidOperationException($"The API is not built at {output}: build the solution first.");
        }
        throw new InvalidOperationException("The repository root (Assessment.sln) was not found above the test output.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
