using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assessment.SharedKernel.Recording;

/// <summary>
/// Records written off the request path in bulk: a request hands its record over and answers; a moment later the records
/// pending are written together. Nothing is dropped — when the buffer is full, the request waits until there is room
/// (AUD-04: every read recorded); a write that fails (the database away) is retried with the same records, the buffer filling
/// meanwhile makes requests wait; on shutdown everything pending is written before the host stops. What a crash of the process
/// loses is what sits in the buffer at that moment.
/// </summary>
public abstract class BackgroundRecorder<T>(int capacity, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(15)];

    private readonly Channel<T> _pending = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false,
    });

    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>How many records a write takes at most.</summary>
    protected virtual int WriteSize => 1_000;

    /// <summary>Hands a record over; waits only while the buffer is full. After shutdown it throws rather than lose the record quietly.</summary>
    public ValueTask RecordAsync(T record, CancellationToken ct = default) => _pending.Writer.WriteAsync(record, ct);

    /// <summary>Writes what is pending now, after any write under way (tests read the records right after a request).</summary>
    public Task FlushPendingAsync() => DrainAsync(int.MaxValue, CancellationToken.None);

    protected abstract Task WriteAsync(IReadOnlyList<T> records, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken)) await DrainAsync(WriteSize, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        _pending.Writer.TryComplete();
        await DrainAsync(int.MaxValue, CancellationToken.None);
    }

    /// <summary>One writer at a time, so a flush returns only once everything recorded before it is stored.</summary>
    private async Task DrainAsync(int max, CancellationToken stopping)
    {
        await _writing.WaitAsync(CancellationToken.None);
        try
        {
            var batch = new List<T>();
            while (_pending.Reader.TryRead(out var record))
            {
                batch.Add(record);
                if (batch.Count < Math.Min(max, WriteSize)) continue;
                await WriteWithRetryAsync(batch, stopping);
                batch.Clear();
                if (max <= WriteSize) return;
            }
            if (batch.Count > 0) await WriteWithRetryAsync(batch, stopping);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Writes the records, retrying the same ones while the write fails; while the host runs it never gives up. Once the host is
    /// stopping it tries the backoff steps once more each and then reports how many records it could not store.
    /// </summary>
    private async Task WriteWithRetryAsync(List<T> batch, CancellationToken stopping)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var stoppingNow = stopping.IsCancellationRequested || _pending.Reader.Completion.IsCompleted;
                if (stoppingNow && attempt >= Backoff.Length)
                {
                    logger.LogCritical(e, "{Recorder}: {Count} records could not be stored at shutdown", GetType().Name, batch.Count);
                    return;
                }
                logger.LogError(e, "{Recorder}: writing {Count} records failed (attempt {Attempt}); retrying", GetType().Name, batch.Count,
                    attempt + 1);
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], CancellationToken.None);
            }
        }
    }
}
