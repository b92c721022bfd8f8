using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Registry;

/// <summary>The issuing organization asked to correct the holder data, from <paramref name="Previous"/> to <paramref name="Proposed"/>.</summary>
public sealed record CertificateCorrectionRequested(Guid CertificateId, Guid CorrectionId, string Number, CertificateHolder Previous,
    CertificateHolder Proposed,
    string Reason, Instant RequestedAt, Actor By);

/// <summary>
/// Ask the authority to correct the holder's data (the whole set as it should read: name, 证件类型 code, number, 所在单位), with
/// the reason, sending the certificate's version last read.
/// </summary>
public sealed record RequestCertificateCorrection(int Version, string HolderName, int DocumentType, string DocumentNumber, string Employer,
    string Reason);

/// <summary>After a correction request: its id and the certificate's new version.</summary>
public sealed record CertificateCorrectionChange(Guid CorrectionId, Guid CertificateId, int Version);

public static class RequestCertificateCorrectionEndpoint
{
    public static async Task<CertificateRow?> LoadAsync(Guid certificateId, IDocumentSession session, CancellationToken ct) =>
        await (await session.RegistryForChangeAsync(ct)).FindAsync(certificateId, ct);

    public static ProblemDetails Before(CertificateRow? row, AccessContext caller) =>
        CertificateGuards.Table.Check(CertificateGuards.RequestCorrection, row, caller);

    public static ProblemDetails Validate(RequestCertificateCorrection c)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(c.HolderName) || c.HolderName.Trim().Length > 50) errors["holderName"] = ["请填写持证人姓名（不超过50字）。"];
        try { IdentityDocument.Create(c.DocumentType, c.DocumentNumber); }
        catch (InvalidValueException e) { errors[e.Field == "documentType" ? "documentType" : "documentNumber"] = [e.Message]; }
        if (string.IsNullOrWhiteSpace(c.Employer) || c.Employer.Trim().Length > 100) errors["employer"] = ["请填写所在单位（不超过100字）。"];
        if (string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Trim().Length > 500) errors["reason"] = ["请填写更正原因（不超过500字）。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Asks the authority over the batch to correct the holder's data; nothing changes until a reviewer approves. One open request
    /// per certificate.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesWrite)]
    [WolverinePost("/api/certificates/{certificateId}/corrections", OperationId = CertificateGuards.RequestCorrection, Summary = "申请更正持证人信息")]
    public static (CertificateCorrectionChange, CertificateStream) Post(RequestCertificateCorrection c, CertificateRow? row, Instant now, Actor by)
    {
        ExpectedVersion.Check(c.Version, row!.Version);
        var document = IdentityDocument.Create(c.DocumentType, c.DocumentNumber);
        var proposed = new CertificateHolder(c.HolderName.Trim(), document.TypeCode, document.Number, c.Employer.Trim());
        var requested = CertificateDecider.RequestCorrection(row, proposed, c.Reason, Guid.CreateVersion7(now.ToDateTimeOffset()), now, by);
        return (new CertificateCorrectionChange(requested.CorrectionId, row.Id, row.Version + 1), CertificateStream.Append(row, requested));
    }
}

public static partial class CertificateDecider
{
    /// <summary>CRT-05: a valid certificate, no other open request, and a change to make.</summary>
    public static CertificateCorrectionRequested RequestCorrection(CertificateRow row, CertificateHolder proposed, string reason, Guid correctionId,
        Instant now, Actor by)
    {
        if (row.Status == CertificateStatus.Revoked)
            throw new BusinessRuleException(new RuleViolation("CRT-05", "certificate.correction-revoked",
                $"证书{row.Number}已于{row.RevokedOn:yyyy-MM-dd}撤销，不能更正。"));
        if (row.OpenCorrectionId is not null)
            throw new BusinessRuleException(new RuleViolation("CRT-05", "certificate.correction-already-open",
                $"证书{row.Number}已有一项待审批的更正申请，请等待主管部门审批后再申请。"));
        var previous = CertificateHolder.Of(row);
        if (previous.ChangedIn(proposed).Count == 0)
            throw new BusinessRuleException(new RuleViolation("CRT-05", "certificate.correction-unchanged", "申请更正的信息与证书现有信息相同。"));
        return new CertificateCorrectionRequested(row.Id, correctionId, row.Number, previous, proposed, reason.Trim(), now, by);
    }
}
