namespace Assessment.Certificates.Documents;

/// <summary>
/// A write-only, forward-only stream that keeps what is written until <see cref="DrainToAsync"/> copies it on. ZipArchive
/// writes synchronously (data descriptors, the central directory) and Kestrel refuses synchronous writes to a response: the
/// archive writes here, and the response gets each entry asynchronously once it is complete, so at most one entry is held.
/// </summary>
public sealed class AsyncDrainedStream : Stream
{
    private readonly MemoryStream _pending = new();
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Copies everything written since the last drain to <paramref name="target"/> and forgets it.</summary>
    public async Task DrainToAsync(Stream target, CancellationToken ct = default)
    {
        if (_pending.Length == 0) return;
        await target.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
        await target.FlushAsync(ct);
        _pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
