using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using NodaTime;

namespace Assessment.Certificates.Verification;

/// <summary>A lookup that revealed a certificate's data: who asked (user or client address), when, which certificate, how.</summary>
public sealed class CertificateLookup
{
    public Guid Id { get; set; }
    public Guid CertificateId { get; set; }
    public string Number { get; set; } = "";
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
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public void Record(Guid certificateId, string number, string kind, string who, Instant at) =>
        _pending.Writer.TryWrite(new CertificateLookup { Id = Guid.CreateVersion7(), CertificateId = certificateId, Number = number, Kind = kind, Who = who, At = at });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CertificateLookup>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 1_000 && _pending.Reader.TryRead(out var lookup)) batch.Add(lookup);
                await FlushAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            while (_pending.Reader.TryRead(out var lookup)) batch.Add(lookup);
            await FlushAsync(batch, CancellationToken.None);
        }
    }

    /// <summary>Writes what is pending now (tests read the log right after a lookup).</summary>
    public async Task FlushPendingAsync()
    {
        var batch = new List<CertificateLookup>();
        while (_pending.Reader.TryRead(out var lookup)) batch.Add(lookup);
        await FlushAsync(batch, CancellationToken.None);
    }

    private async Task FlushAsync(List<CertificateLookup> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        // binary COPY: under public load the log is the busiest writer, and every record is new
        await store.BulkInsertAsync(batch, Weasel.Core.BulkInsertMode.InsertsOnly, cancellation: ct);
        batch.Clear();
    }
}
