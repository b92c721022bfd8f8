using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Assessment.Certificates.Issuance;

/// <summary>A batch's issuance as guards see it: the accepted batch (area and issuer) and its stream, if issuance started.</summary>
public sealed record IssuanceOfBatch(AcceptedBatch Batch, BatchIssuance? Issuance)
{
    public IssuanceStatus Status => Issuance?.Status ?? IssuanceStatus.Running;

    /// <summary>Whose data the batch's certificates hold: the issuing organization's, received by the authority that accepted the batch.</summary>
    public PersonalDataHolder Holder => new(Batch.OrganizationId, Batch.AreaCode);

    /// <summary>An export over the batch's certificates, for the read log.</summary>
    public ReadScope Scope(int rows) => new("issuance", Batch.Id, Batch.Id, Batch.Title, null, rows);

    /// <summary>The accepted batch and its issuance stream; null when no batch was accepted under that id.</summary>
    public static async Task<IssuanceOfBatch?> LoadAsync(IQuerySession session, Guid batchId, CancellationToken ct = default) =>
        await session.LoadAsync<AcceptedBatch>(batchId, ct) is { } batch
            ? new IssuanceOfBatch(batch, await session.LoadAsync<BatchIssuance>(BatchIssuance.StreamFor(batchId), ct))
            : null;
}

/// <summary>
/// Who may see and act on a batch's issuance: seen as the batch's certificates are (<see cref="CertificateGuards.Sees"/>);
/// CRT-02/CRT-05: the issuing organization carries on its halted issuance; so may a reviewer (or an authority's system) who sees it.
/// </summary>
public static class IssuanceGuards
{
    public const string Resume = "resumeIssuance";

    /// <summary>The batch's PDFs and its 附件5 carry identity numbers: for those who see personal data, once certificates exist.</summary>
    public const string DownloadPdfs = "downloadBatchCertificates";
    public const string DownloadTable = "downloadIssuedCertificateTable";

    public static readonly GuardTable<IssuanceOfBatch> Table = new GuardTable<IssuanceOfBatch>("证书核发", (i, x) => Sees(i.Batch, x.User, x.Access))
        .Operation(Resume, (i, x) => x.User.OrganizationId == i.Batch.OrganizationId
                                     || x.User.Role is Roles.Reviewer or Roles.ApiClient && x.User.AuthorityCode is not null,
            "只有发证的评价机构或主管部门审核人员可以恢复发证（CRT-05）。", (i, _) => i.Status == IssuanceStatus.Halted)
        .Operation(DownloadPdfs, SeesInFull, CertificateGuards.OnlyFullPersonalData, HasCertificates)
        .Operation(DownloadTable, SeesInFull, "该表含持证人身份证件号码，仅发证机构、受理该批次的主管部门和审计人员可以下载（BAT-09、AUD-04）。", HasCertificates);

    /// <summary>The visibility rule of a batch's issuance and everything of its certificates (PDFs, 附件5).</summary>
    public static bool Sees(AcceptedBatch batch, CurrentUser user, AccessControl access) =>
        CertificateGuards.Sees(batch.AreaCode, batch.OrganizationId, user, access);

    private static bool SeesInFull(IssuanceOfBatch i, AccessContext x) => PersonalDataRule.ForOneRecord(x, i.Holder) == PersonalDataView.Full;

    /// <summary>A batch's exports before any certificate is issued: nothing to export is no read of anyone's data.</summary>
    public static IResult NothingIssuedYet() => Results.Problem(Problems.BusinessRules(
        [new RuleViolation("CRT-02", "issuance.nothing-issued-yet", "该批次尚未核发证书，暂无可下载的证书。")]));

    private static bool HasCertificates(IssuanceOfBatch i, AccessContext _) => i.Issuance is { Done: > 0 };
}
