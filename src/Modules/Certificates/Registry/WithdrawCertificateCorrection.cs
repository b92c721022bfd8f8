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

/// <summary>The organization that asked withdrew its pending correction request: the certificate stays as it was.</summary>
public sealed record CertificateCorrectionWithdrawn(Guid CertificateId, Guid CorrectionId, string Number, Instant WithdrawnAt, Actor By);

/// <summary>Withdraw a pending correction request, sending the certificate's version last read.</summary>
public sealed record WithdrawCertificateCorrection(int Version);

public static class WithdrawCertificateCorrectionEndpoint
{
    public static async Task<CertificateCorrectionFacts?> LoadAsync(Guid correctionId, IDocumentSession session, CancellationToken ct) =>
        await (await session.RegistryForChangeAsync(ct)).FindCorrectionAsync(correctionId, ct);

    public static ProblemDetails Before(CertificateCorrectionFacts? facts, AccessContext caller) =>
        CertificateCorrectionGuards.Table.Check(CertificateCorrectionGuards.Withdraw, facts, caller);

    /// <summary>
    /// Withdraws the organization's own pending request: it leaves the authority's queue, nothing of the certificate changes,
    /// and a new request may follow.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-corrections/{correctionId}/withdraw", OperationId = CertificateCorrectionGuards.Withdraw,
        Summary = "撤回更正申请")]
    public static (CertificateChange, CertificateStream) Post(WithdrawCertificateCorrection c, CertificateCorrectionFacts? facts, Instant now,
        Actor by)
    {
        var row = facts!.Certificate;
        ExpectedVersion.Check(c.Version, row.Version);
        var withdrawn = CertificateDecider.WithdrawCorrection(row, facts.Correction, now, by);
        return (new CertificateChange(row.Id, row.Version + 1), CertificateStream.Append(row, withdrawn));
    }
}

public static partial class CertificateDecider
{
    /// <summary>CRT-05: only a pending request is withdrawn (one approved or rejected is decided and stays so).</summary>
    public static CertificateCorrectionWithdrawn WithdrawCorrection(CertificateRow row, CertificateCorrectionRow correction, Instant now, Actor by)
    {
        EnsureOpen(row, correction);
        return new CertificateCorrectionWithdrawn(row.Id, correction.Id, row.Number, now, by);
    }
}
