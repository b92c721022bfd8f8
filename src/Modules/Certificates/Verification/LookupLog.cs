using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Assessment.Certificates.Verification;

/// <summary>
/// A lookup that revealed personal data: who asked (user or client address), when, how (<see cref="Kind"/>), and what —
/// a certificate, or a person's case in a batch (<see cref="BatchId"/>, <see cref="CandidateId"/>, with its certificate once
/// issued). One record per certificate or case revealed.
/// </summary>
public sealed class CertificateLookup
{
    public Guid Id { get; set; }
    public Guid? CertificateId { get; set; }
    public string? Number { get; set; }
    public Guid? BatchId { get; set; }
    public Guid? CandidateId { get; set; }
    public string Kind { get; set; } = "";
    public string Who { get; set; } = "";
    public Instant At { get; set; }
}

/// <summary>
/// Records lookups off the request path: a verification answers at once and its record is written with others a moment
/// later in bulk, so throttled public traffic never waits on a write.
/// </summary>
public sealed class LookupLog(IDocumentStore store) : BackgroundService
{
    private readonly Channel<CertificateLookup> _pending = Channel.CreateBounded<CertificateLookup>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.Wait });

    private readonly SemaphoreSlim _writing = new(1, 1);

    public void Record(Guid certificateId, string number, string kind, string who, Instant at) =>
        _pending.Writer.TryWrite(new CertificateLookup { Id = Guid.CreateVersion7(), CertificateId = certificateId, Number = number, Kind = kind, Who = who, At = at });

    /// <summary>A person's case in a batch was shown (the holder's own lookup), with its certificate if one was issued.</summary>
    public void RecordCase(Guid batchId, Guid candidateId, Guid? certificateId, string? number, string kind, string who, Instant at) =>
        _pending.Writer.TryWrite(new CertificateLookup
        {
            Id = Guid.CreateVersion7(), BatchId = batchId, CandidateId = candidateId, CertificateId = certificateId, Number = number, Kind = kind,
            Who = who, At = at,
        });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken)) await DrainAsync(1_000);
        }
        catch (OperationCanceledException)
        {
            await DrainAsync(int.MaxValue);
        }
    }

    /// <summary>Writes what is pending now, after any write under way (tests read the log right after a lookup).</summary>
    public Task FlushPendingAsync() => DrainAsync(int.MaxValue);

    /// <summary>One writer at a time, so a flush returns only once everything recorded before it is stored.</summary>
    private async Task DrainAsync(int max)
    {
        await _writing.WaitAsync();
        try
        {
            var batch = new List<CertificateLookup>();
            while (batch.Count < max && _pending.Reader.TryRead(out var lookup)) batch.Add(lookup);
            await FlushAsync(batch, CancellationToken.None);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task FlushAsync(List<CertificateLookup> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        // binary COPY: under public load the log is the busiest writer, and every record is new
        await store.BulkInsertAsync(batch, Weasel.Core.BulkInsertMode.InsertsOnly, cancellation: ct);
        batch.Clear();
    }
}
