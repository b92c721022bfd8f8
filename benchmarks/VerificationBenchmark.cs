using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Assessment.Benchmarks;

public sealed record LoadFigures(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Non2xx, long Errors);

public sealed record VerificationFigures(LoadFigures Product, LoadFigures Baseline, long PeakRssBytes)
{
    public double Ratio => Product.RequestsPerSecond / Baseline.RequestsPerSecond;
}

/// <summary>
/// The public verification endpoint (number + name) against the raw baseline endpoint in the same process, both under the
/// same autocannon load on loopback, rotating over real certificates from the issuance run.
/// </summary>
public static class VerificationBenchmark
{
    public static async Task<VerificationFigures> RunAsync(BenchmarkHost host, string connection, string loadScript, int connections, int seconds)
    {
        var pairs = await SampleAsync(connection, 2_000);
        var file = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(pairs));
        try
        {
            const string product = "/api/public/certificates/verify";
            // warm both paths (JIT, pools, the filing-status cache) before anything is measured
            await LoadAsync(loadScript, host.BaseUrl, product, file, connections, 3);
            await LoadAsync(loadScript, host.BaseUrl, RawVerificationEndpoint.Path, file, connections, 3);
            var baseline = await LoadAsync(loadScript, host.BaseUrl, RawVerificationEndpoint.Path, file, connections, seconds);
            using var rss = new PeakRss();
            var measured = await LoadAsync(loadScript, host.BaseUrl, product, file, connections, seconds);
            return new VerificationFigures(measured, baseline, rss.Stop());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<List<Dictionary<string, string>>> SampleAsync(string connection, int count)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand("select number, holder_name from certificates.certificate order by random() limit $1");
        command.Parameters.AddWithValue(count);
        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync()) pairs.Add(new() { ["number"] = reader.GetString(0), ["name"] = reader.GetString(1) });
        if (pairs.Count == 0) throw new InvalidOperationException("No certificates to verify: run the issuance benchmark first.");
        return pairs;
    }

    private static async Task<LoadFigures> LoadAsync(string script, string baseUrl, string path, string pairs, int connections, int seconds)
    {
        var start = new ProcessStartInfo("node", [script, baseUrl, path, pairs, connections.ToString(), seconds.ToString()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"autocannon failed: {await error}");
        using var json = JsonDocument.Parse(await output);
        var r = json.RootElement;
        return new LoadFigures(r.GetProperty("rps").GetDouble(), r.GetProperty("p50").GetDouble(), r.GetProperty("p99").GetDouble(),
            r.GetProperty("total").GetInt64(), r.GetProperty("non2xx").GetInt64(), r.GetProperty("errors").GetInt64());
    }
}
