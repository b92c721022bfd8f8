using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Assessment.SharedKernel.Recording;

/// <summary>
/// Records written off the request path in bulk: a request hands its record over and answers; a moment later the records
/// pending are written together. Nothing is dropped — when the buffer is full, the request waits until there is room
/// (AUD-04: every read recorded), and on shutdown everything pending is written before the host stops.
/// </summary>
public abstract class BackgroundRecorder<T>(int capacity) : BackgroundService
{
    private readonly Channel<T> _pending = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false,
    });

    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>How many records a write takes at most.</summary>
    protected virtual int WriteSize => 1_000;

    /// <summary>Hands a record over; waits only while the buffer is full.</summary>
    public ValueTask RecordAsync(T record, CancellationToken ct = default) => _pending.Writer.WriteAsync(record, ct);

    /// <summary>Writes what is pending now, after any write under way (tests read the records right after a request).</summary>
    public Task FlushPendingAsync() => DrainAsync(int.MaxValue);

    protected abstract Task WriteAsync(IReadOnlyList<T> records, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken)) await DrainAsync(WriteSize);
        }
        catch (OperationCanceledException)
        {
            await DrainAsync(int.MaxValue);
        }
    }

    /// <summary>One writer at a time, so a flush returns only once everything recorded before it is stored.</summary>
    private async Task DrainAsync(int max)
    {
        await _writing.WaitAsync();
        try
        {
            var batch = new List<T>();
            while (_pending.Reader.TryRead(out var record))
            {
                batch.Add(record);
                if (batch.Count < Math.Min(max, WriteSize)) continue;
                await WriteAsync(batch, CancellationToken.None);
                batch.Clear();
                if (max <= WriteSize) return;
            }
            if (batch.Count > 0) await WriteAsync(batch, CancellationToken.None);
        }
        finally
        {
            _writing.Release();
        }
    }
}
