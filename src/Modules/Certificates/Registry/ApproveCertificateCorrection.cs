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
/// <paramref name="Token"/> and <paramref name="Credential"/> are the corrected print's QR token and its vc+jwt (with the corrected name).
public sealed record CertificateCorrectionApproved(Guid CertificateId, Guid CorrectionId, string Number, CertificateHolder Previous, CertificateHolder Corrected,
    string Reason, int PrintNumber, LocalDate PrintedOn, Instant ApprovedAt, Actor By, string? Token = null, string? Credential = null);

/// <summary>Approve a correction request with the reason, sending the certificate's version last read.</summary>
public sealed record ApproveCertificateCorrection(int Version, string Reason);

public static class ApproveCertificateCorrectionEndpoint
{
    public static Task<CertificateCorrectionFacts?> LoadAsync(Guid correctionId, CertificateDatabase database, CancellationToken ct) =>
        database.FindCorrectionAsync(correctionId, ct);

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
    public static async Task<CertificateChange> Post(ApproveCertificateCorrection c, CertificateCorrectionFacts? facts, IDocumentSession session,
        SigningKeys keys, CertificatesOptions options, Instant now, Actor by, CancellationToken ct)
    {
        var row = facts!.Certificate;
        ExpectedVersion.Check(c.Version, row.Version);
        var token = IssueNextCertificatesHandler.NewToken();
        var decided = CertificateDecider.ApproveCorrection(row, facts.Correction, c.Reason, now, by);
        var h = decided.Corrected;
        var printed = row with
        {
            HolderName = h.Name, DocumentType = h.DocumentType, DocumentNumber = h.DocumentNumber, Employer = h.Employer,
            PrintNumber = decided.PrintNumber, PrintKind = PrintKind.Correction, PrintedOn = decided.PrintedOn, Token = token,
        };
        var approved = decided with { Token = token, Credential = PublicCertificates.Credential(printed, await keys.CurrentAsync(ct), options) };
        CertificateStream.Append(session, row, approved);
        CertificatePrintTable.QueueNewPrint(session, row, PrintKind.Correction, approved.PrintNumber, now, token, approved.Reason, by);
        session.QueueSqlCommand(
            $"update {CertificateTable.Name} set holder_name = ?, document_type = ?, document_number = ?, employer = ?, print_number = ?, print_kind = ?, " +
            "printed_on = ?::date, token = ?, credential = ?, open_correction_id = null, version = version + 1 where id = ? and version = ?",
            h.Name, h.DocumentType, h.DocumentNumber, h.Employer, approved.PrintNumber, nameof(PrintKind.Correction),
            approved.PrintedOn.ToString("yyyy-MM-dd", null), token, approved.Credential, row.Id, row.Version);
        session.QueueSqlCommand(
            $"update {CertificateCorrectionTable.Name} set state = ?, decided_at = ?::timestamptz, decided_by = ?, decision_reason = ?, approved_print = ? where id = ?",
            nameof(CertificateCorrectionStatus.Approved), CertificatePrintTable.Timestamp(now), by.Name, approved.Reason, approved.PrintNumber, approved.CorrectionId);
        return new CertificateChange(row.Id, row.Version + 1);
    }
}

public static partial class CertificateDecider
{
    /// <summary>CRT-05: an open request on a certificate that still stands.</summary>
    public static CertificateCorrectionApproved ApproveCorrection(CertificateRow row, CertificateCorrectionRow correction, string reason, Instant now, Actor by)
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
                correction.Status == CertificateCorrectionStatus.Approved ? "该更正申请已批准。" : "该更正申请已驳回或已办结。"));
    }
}
