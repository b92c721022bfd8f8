using NodaTime;

namespace Assessment.Certificates.Issuance;

public enum IssuanceStatus { Running, Halted, Completed }

/// <summary>A batch's issuance (its own stream, <see cref="StreamFor"/> the batch): how far it got. What decisions need, nothing more.</summary>
public sealed class BatchIssuance
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public Guid BatchId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public IssuanceStatus Status { get; set; }
    public string? HaltedRule { get; set; }
    public string? HaltedReason { get; set; }
    public Instant StartedAt { get; set; }
    public Instant? CompletedAt { get; set; }

    public static BatchIssuance Create(IssuanceStarted e) => new()
    {
        Id = StreamFor(e.BatchId), BatchId = e.BatchId, OrganizationId = e.OrganizationId, Total = e.Total, StartedAt = e.StartedAt,
        Status = e.Total == 0 ? IssuanceStatus.Completed : IssuanceStatus.Running,
    };

    /// <summary>The batch id is the Batches module's stream; the issuance gets a stream id of its own derived from it.</summary>
    public static Guid StreamFor(Guid batchId) => SharedKernel.Events.StreamIds.FromName($"certificate-issuance:{batchId:N}");

    public void Apply(CertificatesIssued e) => Done = e.Done;

    public void Apply(IssuanceCompleted e)
    {
        Status = IssuanceStatus.Completed;
        CompletedAt = e.CompletedAt;
    }

    public void Apply(IssuanceHalted e)
    {
        Status = IssuanceStatus.Halted;
        HaltedRule = e.RuleId;
        HaltedReason = e.Reason;
    }

    public void Apply(IssuanceResumed e)
    {
        Status = IssuanceStatus.Running;
        HaltedRule = null;
        HaltedReason = null;
    }
}
