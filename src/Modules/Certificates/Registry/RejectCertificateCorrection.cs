using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Registry;

/// <summary>The authority rejected a correction request: the certificate stays as it was.</summary>
public sealed record CertificateCorrectionRejected(Guid CertificateId, Guid CorrectionId, string Number, string Reason, Instant RejectedAt, Actor By);

/// <summary>Reject a correction request with the reason, sending the certificate's version last read.</summary>
public sealed record RejectCertificateCorrection(int Version, string Reason);

public static class RejectCertificateCorrectionEndpoint
{
    public static Task<CertificateCorrectionFacts?> LoadAsync(Guid correctionId, CertificateDatabase database, CancellationToken ct) =>
        database.FindCorrectionAsync(correctionId, ct);

    public static ProblemDetails Before(CertificateCorrectionFacts? facts, AccessContext caller) =>
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Reject, facts, caller);

    public static ProblemDetails Validate(RejectCertificateCorrection c) =>
        FieldChecks.Reason(c.Reason, "reason", "请填写驳回理由（不超过500字）。", 500);

    /// <summary>Rejects the correction with the reason; nothing of the certificate changes, and the organization may ask again.</summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-corrections/{correctionId}/reject", OperationId = CertificateCorrectionGuards.Reject, Summary = "驳回更正")]
    public static CertificateChange Post(RejectCertificateCorrection c, CertificateCorrectionFacts? facts, IDocumentSession session, Instant now, Actor by)
    {
        var row = facts!.Certificate;
        ExpectedVersion.Check(c.Version, row.Version);
        var rejected = CertificateDecider.RejectCorrection(row, facts.Correction, c.Reason, now, by);
        CertificateStream.Append(session, row, rejected);
        session.QueueSqlCommand($"update {CertificateTable.Name} set open_correction_id = null, version = version + 1 where id = ? and version = ?",
            row.Id, row.Version);
        session.QueueSqlCommand($"update {CertificateCorrectionTable.Name} set state = ?, decided_at = ?::timestamptz, decided_by = ?, decision_reason = ? where id = ?",
            nameof(CertificateCorrectionStatus.Rejected), CertificatePrintTable.Timestamp(now), by.Name, rejected.Reason, rejected.CorrectionId);
        return new CertificateChange(row.Id, row.Version + 1);
    }
}

public static partial class CertificateDecider
{
    /// <summary>Only an open request is rejected (also on a certificate revoked meanwhile, which closes the request).</summary>
    public static CertificateCorrectionRejected RejectCorrection(CertificateRow row, CertificateCorrectionRow correction, string reason, Instant now, Actor by)
    {
        EnsureOpen(row, correction);
        return new CertificateCorrectionRejected(row.Id, correction.Id, row.Number, reason.Trim(), now, by);
    }
}
