namespace Assessment.Benchmarks;

/// <summary>Samples this process's resident set (VmRSS) every 20 ms until stopped; the API runs in this process.</summary>
public sealed class PeakRss : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakRss()
    {
        _sampling = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Current());
                try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public long Stop()
    {
        _stop.Cancel();
        _sampling.Wait();
        return Math.Max(_peak, Current());
    }

    /// <summary>VmRSS in bytes (Linux); the benchmark machine is Debian.</summary>
    public static long Current() => Field("VmRSS:");

    /// <summary>The process's high-water mark since it started.</summary>
    public static long HighWater() => Field("VmHWM:");

    private static long Field(string name)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(name, StringComparison.Ordinal))
                return long.Parse(line[name.Length..].Trim().Split(' ')[0]) * 1024;
        return 0;
    }

    public void Dispose() => _stop.Dispose();
}
