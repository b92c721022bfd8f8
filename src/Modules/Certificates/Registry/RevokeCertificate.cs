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

/// <summary>A certificate was revoked (e.g. supervision found fraud); it stays verifiable as revoked, with the date.</summary>
public sealed record CertificateRevoked(Guid CertificateId, string Number, string Reason, LocalDate RevokedOn, Instant RevokedAt, Actor By);

/// <summary>Revoke a certificate, with the reason, sending the version last read.</summary>
public sealed record RevokeCertificate(int Version, string Reason);

public static class RevokeCertificateEndpoint
{
    public static async Task<CertificateRow?> LoadAsync(Guid certificateId, IDocumentSession session, CancellationToken ct) =>
        await (await session.RegistryForChangeAsync(ct)).FindAsync(certificateId, ct);

    public static ProblemDetails Before(CertificateRow? row, AccessContext caller) =>
        CertificateGuards.Table.Check(CertificateGuards.Revoke, row, caller);

    public static ProblemDetails Validate(RevokeCertificate c) =>
        string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Trim().Length > 500
            ? Problems.Validation("reason", "请填写撤销原因（不超过500字）。")
            : WolverineContinue.NoProblems;

    /// <summary>CRT-05: revoke a certificate; verification answers "revoked" with the date from now on, and the status list sets its bit.</summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificates/{certificateId}/revoke", OperationId = CertificateGuards.Revoke, Summary = "撤销证书")]
    public static (CertificateChange, CertificateStream) Post(RevokeCertificate c, CertificateRow? row, Instant now, Actor by)
    {
        ExpectedVersion.Check(c.Version, row!.Version);
        var revoked = CertificateDecider.Revoke(row, c.Reason, now, by);
        // the certificate's own stream holds its changes after issuance; the registry row follows it in the same transaction
        return (new CertificateChange(row.Id, row.Version + 1), CertificateStream.Append(row, revoked));
    }
}

public static partial class CertificateDecider
{
    public static CertificateRevoked Revoke(CertificateRow row, string reason, Instant now, Actor by)
    {
        if (row.Status == CertificateStatus.Revoked)
            throw new BusinessRuleException(
                new RuleViolation("CRT-05", "certificate.already-revoked", $"证书{row.Number}已于{row.RevokedOn:yyyy-MM-dd}撤销。"));
        return new CertificateRevoked(row.Id, row.Number, reason.Trim(), now.Date(), now, by);
    }
}
