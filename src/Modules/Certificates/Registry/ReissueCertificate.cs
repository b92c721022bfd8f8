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
/// A lost or damaged certificate was re-issued (补发): the same number, a new print <paramref name="PrintNumber"/> (2, 3 …) with
/// a new QR link; the paper before it no longer verifies as the current one.
/// </summary>
/// <paramref name="Token"/>, <paramref name="Credential"/> and <paramref name="QrPayload"/> are the new print's QR token, its vc+jwt and
/// its QR code's signed payload, signed once when it was made.
public sealed record CertificateReissued(Guid CertificateId, string Number, string Reason, int PrintNumber, LocalDate PrintedOn, Instant PrintedAt,
    Actor By, string? Token = null, string? Credential = null, string? QrPayload = null);

/// <summary>Re-issue a certificate (e.g. 遗失, 损毁), with the reason, sending the version last read.</summary>
public sealed record ReissueCertificate(int Version, string Reason);

public static class ReissueCertificateEndpoint
{
    public static async Task<CertificateRow?> LoadAsync(Guid certificateId, IDocumentSession session, CancellationToken ct) =>
        await (await session.RegistryForChangeAsync(ct)).FindAsync(certificateId, ct);

    public static ProblemDetails Before(CertificateRow? row, AccessContext caller) =>
        CertificateGuards.Table.Check(CertificateGuards.Reissue, row, caller);

    public static ProblemDetails Validate(ReissueCertificate c) =>
        string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Trim().Length > 500
            ? Problems.Validation("reason", "请填写补发原因（如遗失、损毁，不超过500字）。")
            : WolverineContinue.NoProblems;

    /// <summary>
    /// 补发: the number stays (CRT-01), a new print is recorded and the PDF shows it; the QR link changes, so the lost paper's code
    /// answers "superseded" while verification by number and name is unaffected.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificates/{certificateId}/reissue", OperationId = CertificateGuards.Reissue, Summary = "补发证书")]
    public static async Task<(CertificateChange, CertificateStream)> Post(ReissueCertificate c, CertificateRow? row, SigningKeys keys,
        CertificatesOptions options, Instant now, Actor by, CancellationToken ct)
    {
        ExpectedVersion.Check(c.Version, row!.Version);
        var token = IssueNextCertificatesHandler.NewToken();
        var decided = CertificateDecider.Reissue(row, c.Reason, now, by);
        // the new print's credential and QR payload are signed once, here, and carried by the event
        var printed = PublicCertificates.Signed(
            row with { PrintNumber = decided.PrintNumber, PrintKind = PrintKind.Reissue, PrintedOn = decided.PrintedOn, Token = token },
            await keys.CurrentAsync(ct), options);
        var reissued = decided with { Token = token, Credential = printed.Credential, QrPayload = printed.QrPayload };
        return (new CertificateChange(row.Id, row.Version + 1), CertificateStream.Append(row, reissued));
    }
}

public static partial class CertificateDecider
{
    /// <summary>CRT-01/CRT-05: a valid certificate is printed again under its number; a revoked one never.</summary>
    public static CertificateReissued Reissue(CertificateRow row, string reason, Instant now, Actor by)
    {
        if (row.Status == CertificateStatus.Revoked)
            throw new BusinessRuleException(new RuleViolation("CRT-05", "certificate.reissue-revoked",
                $"证书{row.Number}已于{row.RevokedOn:yyyy-MM-dd}撤销，不能补发。"));
        return new CertificateReissued(row.Id, row.Number, reason.Trim(), row.PrintNumber + 1, now.Date(), now, by);
    }
}
