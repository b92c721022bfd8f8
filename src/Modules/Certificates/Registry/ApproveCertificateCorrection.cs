using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Verification;
using Assessment.SharedKernel;
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

/// <summary>
/// The authority approved a correction: the holder data reads <paramref name="Corrected"/> instead of <paramref name="Previous"/>
/// (both kept here for the history), and the certificate is printed again as print <paramref name="PrintNumber"/>.
/// </summary>
/// <paramref name="Token"/>, <paramref name="Credential"/> and <paramref name="QrPayload"/> are the corrected print's QR token, its
/// vc+jwt and its QR code's signed payload (with the corrected name).
public sealed record CertificateCorrectionApproved(Guid CertificateId, Guid CorrectionId, string Number, CertificateHolder Previous,
    CertificateHolder Corrected, string Reason, int PrintNumber, LocalDate PrintedOn, Instant ApprovedAt, Actor By, string? Token = null,
    string? Credential = null, string? QrPayload = null);

/// <summary>Approve a correction request with the reason, sending the certificate's version last read.</summary>
public sealed record ApproveCertificateCorrection(int Version, string Reason);

public static class ApproveCertificateCorrectionEndpoint
{
    public static async Task<CertificateCorrectionFacts?> LoadAsync(Guid correctionId, IDocumentSession session, CancellationToken ct) =>
        await (await session.RegistryForChangeAsync(ct)).FindCorrectionAsync(correctionId, ct);

    public static ProblemDetails Before(CertificateCorrectionFacts? facts, AccessContext caller) =>
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Approve, facts, caller);

    public static ProblemDetails Validate(ApproveCertificateCorrection c) =>
        FieldChecks.Reason(c.Reason, "reason", "请填写审批意见（不超过500字）。", 500);

    /// <summary>
    /// Approves the correction: the registry row changes (and with it verification, the credential and the PDF), the certificate
    /// is printed again under its number with a new QR link, and the events keep the old and the new values.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificate-corrections/{correctionId}/approve", OperationId = CertificateCorrectionGuards.Approve, Summary = "批准更正")]
    public static async Task<(CertificateChange, CertificateStream)> Post(ApproveCertificateCorrection c, CertificateCorrectionFacts? facts,
        SigningKeys keys, CertificatesOptions options, Instant now, Actor by, CancellationToken ct)
    {
        var row = facts!.Certificate;
        ExpectedVersion.Check(c.Version, row.Version);
        var token = IssueNextCertificatesHandler.NewToken();
        var decided = CertificateDecider.ApproveCorrection(row, facts.Correction, c.Reason, now, by);
        var h = decided.Corrected;
        var printed = PublicCertificates.Signed(row with
        {
            HolderName = h.Name, DocumentType = h.DocumentType, DocumentNumber = h.DocumentNumber, Employer = h.Employer,
            PrintNumber = decided.PrintNumber, PrintKind = PrintKind.Correction, PrintedOn = decided.PrintedOn, Token = token,
        }, await keys.CurrentAsync(ct), options);
        var approved = decided with { Token = token, Credential = printed.Credential, QrPayload = printed.QrPayload };
        return (new CertificateChange(row.Id, row.Version + 1), CertificateStream.Append(row, approved));
    }
}

public static partial class CertificateDecider
{
    /// <summary>CRT-05: an open request on a certificate that still stands.</summary>
    public static CertificateCorrectionApproved ApproveCorrection(CertificateRow row, CertificateCorrectionRow correction, string reason, Instant now,
        Actor by)
    {
        EnsureOpen(row, correction);
        if (row.Status == CertificateStatus.Revoked)
            throw new BusinessRuleException(new RuleViolation("CRT-05", "certificate.correction-revoked",
                $"证书{row.Number}已于{row.RevokedOn:yyyy-MM-dd}撤销，不能更正；请驳回该申请。"));
        return new CertificateCorrectionApproved(row.Id, correction.Id, row.Number, CertificateHolder.Of(row), correction.Proposed, reason.Trim(),
            row.PrintNumber + 1, now.Date(), now, by);
    }

    private static void EnsureOpen(CertificateRow row, CertificateCorrectionRow correction)
    {
        if (correction.Status != CertificateCorrectionStatus.Open || row.OpenCorrectionId != correction.Id)
            throw new BusinessRuleException(new RuleViolation("CRT-05", "certificate.correction-closed",
                correction.Status switch
                {
                    CertificateCorrectionStatus.Approved => "该更正申请已批准。",
                    CertificateCorrectionStatus.Withdrawn => "该更正申请已由评价机构撤回。",
                    _ => "该更正申请已驳回或已办结。",
                }));
    }
}
