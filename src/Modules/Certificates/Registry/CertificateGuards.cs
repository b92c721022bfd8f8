using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Certificates.Registry;

/// <summary>
/// Who may see and act on a certificate (its registry row): the issuing organization its own; authorities those of batches in
/// their area and below; auditors and administrators all; experts none (hidden = 404). CRT-05 谁发证、谁负责: the issuer revokes,
/// re-issues and asks to correct; a reviewer of an authority over the batch may revoke too.
/// </summary>
public static class CertificateGuards
{
    public const string Revoke = "revokeCertificate";
    public const string Reissue = "reissueCertificate";
    public const string RequestCorrection = "requestCertificateCorrection";
    public const string DownloadPdf = "downloadCertificatePdf";

    /// <summary>The PDF prints the identity number: for those the personal-data rule shows it in full.</summary>
    public const string OnlyFullPersonalData = "证书载有持证人身份证件号码，仅发证机构、受理该批次的主管部门和审计人员可以下载（AUD-04）。";

    public static readonly GuardTable<CertificateRow> Table =
        new GuardTable<CertificateRow>("证书", (c, x) => Sees(c.AreaCode, c.OrganizationId, x.User, x.Access))
        .Operation(Revoke, (c, x) => IsIssuer(c, x.User) || x.User.Role == Roles.Reviewer && x.Access.CanDecideFor(x.User, c.AreaCode),
            "只有发证的评价机构或主管部门审核人员可以撤销证书（CRT-05）。", (c, _) => c.Status == CertificateStatus.Valid)
        .Operation(Reissue, (c, x) => IsIssuer(c, x.User), "只有发证的评价机构可以补发证书（CRT-05 谁发证、谁负责）。",
            (c, _) => c.Status == CertificateStatus.Valid)
        .Operation(RequestCorrection, (c, x) => IsIssuer(c, x.User), "只有发证的评价机构可以申请更正持证人信息（CRT-05 谁发证、谁负责）。",
            (c, _) => c.Status == CertificateStatus.Valid && c.OpenCorrectionId is null)
        .Operation(DownloadPdf, (c, x) => PersonalDataRule.ForOneRecord(x, c.Holder()) == PersonalDataView.Full, OnlyFullPersonalData);

    /// <summary>
    /// The visibility rule of anything of a batch's certificates (one certificate, an issuance, its PDFs and 附件5), by area and
    /// issuer; the lists' SQL filter (<see cref="CertificateAccess.Filter"/>) is its translation.
    /// </summary>
    public static bool Sees(string areaCode, Guid organizationId, CurrentUser user, AccessControl access) =>
        user.Role != Roles.Expert && access.CanSee(user, new ResourceScope(areaCode, organizationId));

    /// <summary>The issuing organization: its users and its systems.</summary>
    public static bool IsIssuer(CertificateRow c, CurrentUser user) => user.OrganizationId is { } org && org == c.OrganizationId;
}

/// <summary>
/// Who may decide a correction request: it is seen with its certificate; a reviewer of the authority that received the batch
/// (who sees the holder data in full to compare it) approves
/// (while the certificate stands) or rejects an open one — never the organization that asked, which alone may withdraw it while
/// it is pending.
/// </summary>
public static class CertificateCorrectionGuards
{
    public const string Approve = "approveCertificateCorrection";
    public const string Reject = "rejectCertificateCorrection";
    public const string Withdraw = "withdrawCertificateCorrection";

    private const string OnlyReviewer = "只有受理该批次的主管部门审核人员可以审批更正申请（须比对完整的持证人信息）。";
    private const string OnlyRequester = "只有提出申请的评价机构可以撤回更正申请。";
    private const string NotTheIssuer = "评价机构不能审批本机构的更正申请，须由主管部门审核人员审批。";

    public static readonly GuardTable<CertificateCorrectionFacts> Table =
        new GuardTable<CertificateCorrectionFacts>("更正申请", (f, x) => CertificateGuards.Table.CanSee(f.Certificate, x))
            .Operation(Approve, Decides, OnlyReviewer, (f, _) => IsOpen(f) && f.Certificate.Status == CertificateStatus.Valid)
            .Operation(Reject, Decides, OnlyReviewer, (f, _) => IsOpen(f))
            .Operation(Withdraw, (f, x) => CertificateGuards.IsIssuer(f.Certificate, x.User), OnlyRequester, (f, _) => IsOpen(f));

    /// <summary>The table's answer, telling the organization that asked why it may not decide its own request.</summary>
    public static ProblemDetails Check(string operationId, CertificateCorrectionFacts? facts, AccessContext caller)
    {
        var answer = Table.Check(operationId, facts, caller);
        return answer.Status == 403 && CertificateGuards.IsIssuer(facts!.Certificate, caller.User) ? Problems.Forbidden(NotTheIssuer) : answer;
    }

    /// <summary>The receiving authority's reviewers: they alone see both the holder data and the proposal in full (AUD-04).</summary>
    private static bool Decides(CertificateCorrectionFacts f, AccessContext x) =>
        x.User.Role == Roles.Reviewer && PersonalDataRule.ForOneRecord(x, f.Certificate.Holder()) == PersonalDataView.Full;

    private static bool IsOpen(CertificateCorrectionFacts f) => f.Correction.Status == CertificateCorrectionStatus.Open;
}
