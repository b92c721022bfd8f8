using System.Globalization;

namespace Assessment.Benchmarks;

public static class BenchmarkMain
{
    /// <summary>
    /// bash benchmarks/run.sh starts a throwaway PostgreSQL and calls this with its connection string. The API logs as
    /// deployed (every request at Information, to stdout); the figures go to stderr so the script keeps them apart.
    /// <c>--only verification</c> reuses the certificates an earlier run left in the database.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
        var connection = options.GetValueOrDefault("connection") ?? throw new ArgumentException("--connection is required");
        var count = int.Parse(options.GetValueOrDefault("candidates", "50000"), CultureInfo.InvariantCulture);
        var connections = int.Parse(options.GetValueOrDefault("connections", "32"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "15"), CultureInfo.InvariantCulture);
        var only = options.GetValueOrDefault("only", "");
        var loadScript = Path.GetFullPath(options.GetValueOrDefault("load-script", "benchmarks/load.mjs"));
        var report = Console.Error;

        await using var host = new BenchmarkHost(connection);
        host.StartServer();
        report.WriteLine($"API on {host.BaseUrl} ({Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC})");
        var goals = new List<(string Goal, bool Met)>();

        if (only is "" or "issuance")
        {
            report.WriteLine($"\n== Issuance: one accepted batch of {count:N0} qualified candidates ==");
            var issuance = await IssuanceBenchmark.RunAsync(host, connection, count);
            report.WriteLine($"product path (contract → chunked issuance, {issuance.Chunks} transactions): {issuance.Product.TotalSeconds,7:F2} s  {issuance.ProductPerSecond,9:N0} certificates/s");
            report.WriteLine($"raw binary COPY of the same rows (one transaction):     {issuance.Raw.TotalSeconds,7:F2} s  {issuance.RawPerSecond,9:N0} rows/s");
            report.WriteLine($"ratio {issuance.Ratio:P0} (goal ≥ 20 %)   time {issuance.Product.TotalSeconds:F1} s (goal ≤ 30 s)   peak RSS {Mib(issuance.PeakRssBytes)} (goal ≤ 1024 MiB)");
            goals.Add(("issuance ≥ 20 % of raw COPY", issuance.Ratio >= 0.20));
            goals.Add(("issuance of 50,000 ≤ 30 s", issuance.Product.TotalSeconds * 50_000 / count <= 30));
            goals.Add(("peak RSS during issuance ≤ 1 GiB", issuance.PeakRssBytes <= 1L << 30));
        }

        if (only is "" or "verification")
        {
            report.WriteLine($"\n== Verification: {connections} connections, {seconds} s each, loopback ==");
            var verification = await VerificationBenchmark.RunAsync(host, connection, loadScript, connections, seconds);
            Print(report, "public endpoint (number + name)", verification.Product);
            Print(report, "raw Npgsql baseline", verification.Baseline);
            report.WriteLine($"ratio {verification.Ratio:P0} (goal ≥ 60 %)   p99 {verification.Product.P99Ms} ms (goal ≤ 25 ms)   peak RSS under load {Mib(verification.PeakRssBytes)}");
            goals.Add(("verification ≥ 60 % of baseline", verification.Ratio >= 0.60));
            goals.Add(("verification p99 ≤ 25 ms", verification.Product.P99Ms <= 25));
            goals.Add(("no failed verification requests", verification.Product.Non2xx + verification.Product.Errors == 0));
        }

        report.WriteLine();
        foreach (var (goal, met) in goals) report.WriteLine($"{(met ? "met    " : "MISSED ")} {goal}");
        report.WriteLine($"process high-water RSS {Mib(PeakRss.HighWater())}");
        return goals.All(g => g.Met) ? 0 : 1;
    }

    private static void Print(TextWriter report, string what, LoadFigures f) =>
        report.WriteLine($"{what,-32} {f.RequestsPerSecond,9:N0} req/s   p50 {f.P50Ms,5} ms   p99 {f.P99Ms,5} ms   {f.Requests:N0} requests, {f.Non2xx} non-2xx, {f.Errors} errors");

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MiB";
}
