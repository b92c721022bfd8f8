using Assessment.SharedKernel.Recording;
using Marten;
using Microsoft.Extensions.Logging;
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
/// later in bulk, so throttled public traffic never waits on a write — unless the buffer is full, when it waits rather
/// than lose a record.
/// </summary>
public sealed class LookupLog(IDocumentStore store, ILogger<LookupLog> logger) : BackgroundRecorder<CertificateLookup>(100_000, logger)
{
    public ValueTask RecordAsync(Guid certificateId, string number, string kind, string who, Instant at) =>
        RecordAsync(new CertificateLookup
        {
            Id = Guid.CreateVersion7(), CertificateId = certificateId, Number = number, Kind = kind, Who = who, At = at
        });

    /// <summary>A person's case in a batch was shown (the holder's own lookup), with its certificate if one was issued.</summary>
    public ValueTask RecordCaseAsync(Guid batchId, Guid candidateId, Guid? certificateId, string? number, string kind, string who, Instant at) =>
        RecordAsync(new CertificateLookup
        {
            Id = Guid.CreateVersion7(), BatchId = batchId, CandidateId = candidateId, CertificateId = certificateId, Number = number, Kind = kind,
            Who = who, At = at,
        });

    // binary COPY: under public load the log is the busiest writer, and every record is new
    protected override Task WriteAsync(IReadOnlyList<CertificateLookup> records, CancellationToken ct) =>
        store.BulkInsertAsync(records.ToList(), Weasel.Core.BulkInsertMode.InsertsOnly, cancellation: ct);
}
