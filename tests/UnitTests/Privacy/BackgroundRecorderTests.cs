using Assessment.SharedKernel.Recording;

namespace Assessment.UnitTests.Privacy;

/// <summary>AUD-04: the recorder never drops a record — when its buffer is full a request waits, and shutdown writes what is pending.</summary>
public class BackgroundRecorderTests
{
    private sealed class SlowRecorder(int capacity) : BackgroundRecorder<int>(capacity, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
    {
        public readonly List<int> Written = [];
        public readonly SemaphoreSlim Gate = new(0);

        protected override int WriteSize => 3;

        protected override async Task WriteAsync(IReadOnlyList<int> records, CancellationToken ct)
        {
            await Gate.WaitAsync(TimeSpan.FromSeconds(10));
            lock (Written) Written.AddRange(records);
        }
    }

    [Fact]
    public async Task AUD_04_a_full_buffer_makes_the_reader_wait_and_every_record_is_written()
    {
        var recorder = new SlowRecorder(capacity: 2);
        await recorder.StartAsync(CancellationToken.None);
        var handedOver = 0;
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await recorder.RecordAsync(i);
                Interlocked.Increment(ref handedOver);
            }
        });
        await Task.Delay(200);
        // the writer is held: at most the buffer plus one write's worth got through, the rest wait instead of being dropped
        Volatile.Read(ref handedOver).ShouldBeLessThanOrEqualTo(2 + 3 + 1);
        producer.IsCompleted.ShouldBeFalse();
        recorder.Gate.Release(1_000);
        await producer.WaitAsync(TimeSpan.FromSeconds(10));
        await recorder.StopAsync(CancellationToken.None);
        recorder.Written.Order().ShouldBe(Enumerable.Range(0, 50));
    }

    [Fact]
    public async Task AUD_04_a_flush_writes_everything_handed_over_before_it()
    {
        var recorder = new SlowRecorder(capacity: 100);
        recorder.Gate.Release(1_000);
        for (var i = 0; i < 10; i++) await recorder.RecordAsync(i);
        await recorder.FlushPendingAsync();
        recorder.Written.ShouldBe(Enumerable.Range(0, 10));
    }

    private sealed class FlakyRecorder() : BackgroundRecorder<int>(10, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
    {
        public readonly List<int> Written = [];
        public int Failures = 2;

        protected override Task WriteAsync(IReadOnlyList<int> records, CancellationToken ct)
        {
            if (Interlocked.Decrement(ref Failures) >= 0) throw new InvalidOperationException("database away");
            lock (Written) Written.AddRange(records);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task AUD_04_a_failed_write_is_retried_with_the_same_records_and_the_recorder_keeps_running()
    {
        var recorder = new FlakyRecorder();
        await recorder.StartAsync(CancellationToken.None);
        for (var i = 0; i < 5; i++) await recorder.RecordAsync(i);
        await recorder.FlushPendingAsync();
        for (var i = 5; i < 8; i++) await recorder.RecordAsync(i);
        await recorder.StopAsync(CancellationToken.None);
        recorder.Written.Order().ShouldBe(Enumerable.Range(0, 8));
        await Should.ThrowAsync<System.Threading.Channels.ChannelClosedException>(async () => await recorder.RecordAsync(9));
    }
}
