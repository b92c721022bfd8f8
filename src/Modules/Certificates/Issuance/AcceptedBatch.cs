using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Marten;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>
/// A batch whose results report the authority accepted (BAT-07), as the Batches module published it; its qualified
/// candidates, whom certificates are issued for (CRT-02), are rows of <see cref="QualifiedCandidateTable"/>. Kept by batch
/// id, so a message delivered twice is kept once.
/// </summary>
public sealed class AcceptedBatch
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public Guid FilingId { get; set; }
    public string FilingNumber { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string AcceptingAuthority { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public LocalDate LastExamDay { get; set; }
    public int QualifiedCount { get; set; }
    public Instant AcceptedAt { get; set; }
    public Instant ReceivedAt { get; set; }
}

public static class BatchResultsAcceptedHandler
{
    /// <summary>Keeps the accepted batch and starts issuing its certificates (CRT-02): the organization issues, the system numbers.</summary>
    public static async Task<IssueNextCertificates?> Handle(BatchResultsAccepted message, IDocumentSession session, Instant now, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        if (await session.LoadAsync<AcceptedBatch>(message.BatchId, ct) is not null) return null;
        var accepted = new AcceptedBatch
        {
            Id = message.BatchId, OrganizationId = message.OrganizationId, OrganizationName = message.OrganizationName, FilingId = message.FilingId,
            FilingNumber = message.FilingNumber, Jurisdiction = message.Jurisdiction, AcceptingAuthority = message.AcceptingAuthority,
            AreaCode = message.AreaCode, Title = message.BatchTitle, LastExamDay = message.LastExamDay, QualifiedCount = message.Qualified.Count,
            AcceptedAt = message.AcceptedAt, ReceivedAt = now,
        };
        session.Store(accepted);
        await QualifiedCandidateTable.CopyAsync(session, message.BatchId, QualifiedCandidateTable.InIssueOrder(message.Qualified), ct);
        session.Events.StartStream<BatchIssuance>(BatchIssuance.StreamFor(message.BatchId),
            new IssuanceStarted(message.BatchId, message.OrganizationId, message.Qualified.Count, now, Actor.System));
        return message.Qualified.Count > 0 ? new IssueNextCertificates(message.BatchId, Actor.System) : null;
    }
}
