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
    public static async Task<CertificateCorrectionFacts?> LoadAsync(Guid correctionId, IDocumentSession session, CancellationToken ct) =>
        await (await session.RegistryForChangeAsync(ct)).FindCorrectionAsync(correctionId, ct);

    public static ProblemDetails Before(CertificateCorrectionFacts? facts, AccessContext caller) =>
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Reject, facts, caller);

    public static ProblemDetails Validate(RejectCertificateCorrection c) =>
        FieldChecks.Reason(c.Reason, "reason", "请填写驳回理由（不超过500字）。", 500);

    /// <summary>Rejects the correction with the reason; nothing of the certificate changes, and the organization may ask again.</summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-corrections/{correctionId}/reject", OperationId = CertificateCorrectionGuards.Reject, Summary = "驳回更正")]
    public static (CertificateChange, CertificateStream) Post(RejectCertificateCorrection c, CertificateCorrectionFacts? facts, Instant now, Actor by)
    {
        var row = facts!.Certificate;
        ExpectedVersion.Check(c.Version, row.Version);
        var rejected = CertificateDecider.RejectCorrection(row, facts.Correction, c.Reason, now, by);
        return (new CertificateChange(row.Id, row.Version + 1), CertificateStream.Append(row, rejected));
    }
}

public static partial class CertificateDecider
{
    /// <summary>Only an open request is rejected (also on a certificate revoked meanwhile, which closes the request).</summary>
    public static CertificateCorrectionRejected RejectCorrection(CertificateRow row, CertificateCorrectionRow correction, string reason, Instant now,
        Actor by)
    {
        EnsureOpen(row, correction);
        return new CertificateCorrectionRejected(row.Id, correction.Id, row.Number, reason.Trim(), now, by);
    }
}
