using Assessment.SharedKernel.Contracts;
using Marten;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>
/// A batch whose results report the authority accepted (BAT-07), as the Batches module published it: the qualified
/// candidates certificates are to be issued for (CRT-01). Kept by batch id, so a message delivered twice is kept once.
/// Numbering and issuance from it arrive with the certificates issue.
/// </summary>
public sealed class AcceptedBatch
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public Guid FilingId { get; set; }
    public string FilingNumber { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public LocalDate LastExamDay { get; set; }
    public List<QualifiedCandidate> Qualified { get; set; } = [];
    public Instant AcceptedAt { get; set; }
    public Instant ReceivedAt { get; set; }
}

public static class BatchResultsAcceptedHandler
{
    public static async Task Handle(BatchResultsAccepted message, IDocumentSession session, Instant now)
    {
        if (await session.LoadAsync<AcceptedBatch>(message.BatchId) is not null) return;
        session.Store(new AcceptedBatch
        {
            Id = message.BatchId, OrganizationId = message.OrganizationId, OrganizationName = message.OrganizationName, FilingId = message.FilingId,
            FilingNumber = message.FilingNumber, Jurisdiction = message.Jurisdiction, LastExamDay = message.LastExamDay,
            Qualified = message.Qualified.ToList(), AcceptedAt = message.AcceptedAt, ReceivedAt = now,
        });
    }
}
