using Assessment.Certificates.Issuance;
using Assessment.Certificates.Ranges;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.UnitTests.Certificates;

/// <summary>Issue 16: the guard tables of the certificate, the correction, the issuance and the ranges — one answer for endpoints and views.</summary>
public class CertificateGuardsTests
{
    private static readonly Instant Now = GuardCallers.Now;
    private static readonly Guid Org = Guid.NewGuid();

    private static AccessContext As(string role, string? authority = null, Guid? organization = null) => GuardCallers.As(role, authority, organization);

    private static readonly AccessContext Own = As(Roles.Organization, organization: Org);
    private static readonly AccessContext OwnSystem = As(Roles.ApiClient, organization: Org);
    private static readonly AccessContext OtherOrganization = As(Roles.Organization, organization: Guid.NewGuid());
    private static readonly AccessContext City = As(Roles.Reviewer, "340200");
    private static readonly AccessContext Province = As(Roles.Reviewer, "340000");
    private static readonly AccessContext OtherCity = As(Roles.Reviewer, "340100");
    private static readonly AccessContext Inspector = As(Roles.Inspector, "340200");
    private static readonly AccessContext Expert = As(Roles.Expert);
    private static readonly AccessContext Auditor = As(Roles.Auditor);
    private static readonly AccessContext AuthoritySystem = As(Roles.ApiClient, "340200");

    private static CertificateRow Certificate(CertificateStatus status = CertificateStatus.Valid, Guid? openCorrection = null) => new(
        Guid.NewGuid(), "S000034020001234000001", Org, "评价机构", Guid.NewGuid(), "Y000034020001", "anhui", "340200", Guid.NewGuid(), "批次",
        Guid.NewGuid(), "张三", 1, "340202199001011234", "某公司", "育婴员", null, null, 4, new LocalDate(2026, 11, 1), Now, "t", 0, status, null, null, 1,
        OpenCorrectionId: openCorrection);

    [Fact]
    public void CRT_05_the_issuer_revokes_reissues_and_asks_to_correct_a_valid_certificate_and_nothing_once_revoked()
    {
        var t = CertificateGuards.Table;
        string[] all = [CertificateGuards.Revoke, CertificateGuards.Reissue, CertificateGuards.RequestCorrection, CertificateGuards.DownloadPdf];
        t.Actions(Certificate(), Own).ShouldBe(all);
        t.Actions(Certificate(), OwnSystem).ShouldBe(all);
        t.Actions(Certificate(openCorrection: Guid.NewGuid()), Own)
            .ShouldBe([CertificateGuards.Revoke, CertificateGuards.Reissue, CertificateGuards.DownloadPdf]);
        // a revoked certificate's PDF still prints, marked revoked (CRT-05)
        t.Actions(Certificate(CertificateStatus.Revoked), Own).ShouldBe([CertificateGuards.DownloadPdf]);
        foreach (var op in all) t.Check(op, Certificate(), Own).Status.ShouldBeNull();
    }

    [Fact]
    public void CRT_05_reviewers_over_the_batch_may_only_revoke_others_get_403_and_those_who_do_not_see_it_404()
    {
        var t = CertificateGuards.Table;
        var c = Certificate();
        // AUD-04/BAT-09: the receiving city prints the PDF (identity numbers in full); the province above does not
        t.Actions(c, City).ShouldBe([CertificateGuards.Revoke, CertificateGuards.DownloadPdf]);
        t.Actions(c, Province).ShouldBe([CertificateGuards.Revoke]);
        t.Check(CertificateGuards.DownloadPdf, c, Province).Detail.ShouldBe(CertificateGuards.OnlyFullPersonalData);
        t.Check(CertificateGuards.Reissue, c, City).Detail.ShouldBe("只有发证的评价机构可以补发证书（CRT-05 谁发证、谁负责）。");
        t.Check(CertificateGuards.RequestCorrection, c, Province).Status.ShouldBe(403);
        foreach (var caller in new[] { Inspector, Auditor, AuthoritySystem })
            t.Check(CertificateGuards.Revoke, c, caller).Detail.ShouldBe("只有发证的评价机构或主管部门审核人员可以撤销证书（CRT-05）。");
        t.Actions(c, Inspector).ShouldBeEmpty();
        t.Actions(c, Auditor).ShouldBe([CertificateGuards.DownloadPdf]);
        t.Actions(c, AuthoritySystem).ShouldBe([CertificateGuards.DownloadPdf]);
        foreach (var caller in new[] { OtherCity, OtherOrganization, Expert })
        {
            t.Check(CertificateGuards.Revoke, c, caller).Status.ShouldBe(404);
            t.Check(CertificateGuards.Revoke, c, caller).Detail.ShouldBe("证书不存在或您无权查看。");
            t.Actions(c, caller).ShouldBeEmpty();
        }
        t.Check(CertificateGuards.Revoke, null, Own).Status.ShouldBe(404);
    }

    private static CertificateCorrectionFacts Correction(CertificateCorrectionStatus status = CertificateCorrectionStatus.Open,
        CertificateStatus certificate = CertificateStatus.Valid)
    {
        var id = Guid.NewGuid();
        var holder = new CertificateHolder("张三", 1, "340202199001011234", "某公司");
        return new(
            new CertificateCorrectionRow(id, Guid.NewGuid(), status, holder, holder with { Name = "张叁" }, "姓名有误", Now, "机构", null, null, null, null),
            Certificate(certificate, id));
    }

    [Fact]
    public void CRT_05_the_receiving_reviewer_approves_or_rejects_an_open_correction_and_only_rejects_on_a_revoked_certificate()
    {
        var t = CertificateCorrectionGuards.Table;
        t.Actions(Correction(), City).ShouldBe([CertificateCorrectionGuards.Approve, CertificateCorrectionGuards.Reject]);
        // AUD-04/BAT-09: the province above sees the request masked, so it does not decide on data it cannot compare
        t.Actions(Correction(), Province).ShouldBeEmpty();
        t.Check(CertificateCorrectionGuards.Approve, Correction(), Province).Status.ShouldBe(403);
        t.Actions(Correction(certificate: CertificateStatus.Revoked), City).ShouldBe([CertificateCorrectionGuards.Reject]);
        t.Actions(Correction(CertificateCorrectionStatus.Approved), City).ShouldBeEmpty();
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Approve, Correction(), City).Status.ShouldBeNull();
    }

    [Fact]
    public void CRT_05_the_organization_that_asked_never_decides_its_correction_and_is_told_why()
    {
        var c = Correction();
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Approve, c, Own).Detail.ShouldBe("评价机构不能审批本机构的更正申请，须由主管部门审核人员审批。");
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Reject, c, OwnSystem).Status.ShouldBe(403);
        foreach (var caller in new[] { Inspector, Auditor, AuthoritySystem })
            CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Reject, c, caller).Detail.ShouldBe("只有受理该批次的主管部门审核人员可以审批更正申请（须比对完整的持证人信息）。");
        foreach (var caller in new[] { OtherCity, OtherOrganization, Expert })
            CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Approve, c, caller).Detail.ShouldBe("更正申请不存在或您无权查看。");
        CertificateCorrectionGuards.Check(CertificateCorrectionGuards.Approve, null, City).Status.ShouldBe(404);
        foreach (var caller in new[] { Inspector, Auditor, OtherCity })
            CertificateCorrectionGuards.Table.Actions(c, caller).ShouldBeEmpty();
        foreach (var caller in new[] { Own, OwnSystem })
            CertificateCorrectionGuards.Table.Actions(c, caller).ShouldBe([CertificateCorrectionGuards.Withdraw]);
    }

    [Fact]
    public void CRT_05_only_the_organization_that_asked_withdraws_its_pending_correction()
    {
        var t = CertificateCorrectionGuards.Table;
        t.Check(CertificateCorrectionGuards.Withdraw, Correction(), Own).Status.ShouldBeNull();
        t.Check(CertificateCorrectionGuards.Withdraw, Correction(), OwnSystem).Status.ShouldBeNull();
        foreach (var caller in new[] { City, Province, Inspector, Auditor })
            t.Check(CertificateCorrectionGuards.Withdraw, Correction(), caller).Detail.ShouldBe("只有提出申请的评价机构可以撤回更正申请。");
        foreach (var caller in new[] { OtherOrganization, OtherCity, Expert })
            t.Check(CertificateCorrectionGuards.Withdraw, Correction(), caller).Status.ShouldBe(404);
        foreach (var decided in new[] { CertificateCorrectionStatus.Approved, CertificateCorrectionStatus.Rejected, CertificateCorrectionStatus.Withdrawn })
            t.Actions(Correction(decided), Own).ShouldBeEmpty();
    }

    private static IssuanceOfBatch Issuance(IssuanceStatus? status, int done = 0) => new(
        new AcceptedBatch { Id = Guid.NewGuid(), OrganizationId = Org, AreaCode = "340200", Jurisdiction = "anhui" },
        status is { } s ? new BatchIssuance { Status = s, Done = done, Total = 5 } : null);

    [Fact]
    public void CRT_02_the_batchs_pdfs_and_table_are_offered_once_certificates_exist_to_those_who_see_identity_numbers()
    {
        var t = IssuanceGuards.Table;
        string[] downloads = [IssuanceGuards.DownloadPdfs, IssuanceGuards.DownloadTable];
        foreach (var caller in new[] { Own, OwnSystem, City, Auditor, AuthoritySystem })
        {
            t.Actions(Issuance(IssuanceStatus.Completed, 5), caller).ShouldBe(downloads);
            t.Actions(Issuance(IssuanceStatus.Running), caller).ShouldBeEmpty();
        }
        // AUD-04/BAT-09: the province above the receiving city sees the issuance, masked: no exports with identity numbers
        t.Actions(Issuance(IssuanceStatus.Completed, 5), Province).ShouldBeEmpty();
        t.Actions(Issuance(IssuanceStatus.Halted, 2), City).ShouldBe([IssuanceGuards.Resume, .. downloads]);
        t.Actions(Issuance(IssuanceStatus.Halted, 2), Auditor).ShouldBe(downloads);
        t.Actions(Issuance(IssuanceStatus.Completed, 5), Inspector).ShouldBeEmpty();
        t.Check(IssuanceGuards.DownloadPdfs, Issuance(IssuanceStatus.Completed, 5), Inspector).Detail
            .ShouldBe(CertificateGuards.OnlyFullPersonalData);
        t.Check(IssuanceGuards.DownloadTable, Issuance(IssuanceStatus.Completed, 5), Inspector).Detail
            .ShouldBe("该表含持证人身份证件号码，仅发证机构、受理该批次的主管部门和审计人员可以下载（BAT-09、AUD-04）。");
        t.Check(IssuanceGuards.DownloadTable, Issuance(IssuanceStatus.Completed, 5), OtherCity).Status.ShouldBe(404);
    }

    [Fact]
    public void CRT_02_a_halted_issuance_is_resumed_by_its_organization_or_a_reviewer_or_system_of_an_authority_over_it()
    {
        var t = IssuanceGuards.Table;
        foreach (var caller in new[] { Own, OwnSystem, City, Province, AuthoritySystem })
        {
            t.Actions(Issuance(IssuanceStatus.Halted), caller).ShouldBe([IssuanceGuards.Resume]);
            t.Actions(Issuance(IssuanceStatus.Running), caller).ShouldBeEmpty();
            t.Actions(Issuance(IssuanceStatus.Completed), caller).ShouldBeEmpty();
            t.Actions(Issuance(null), caller).ShouldBeEmpty();
        }
        foreach (var caller in new[] { Inspector, Auditor })
            t.Check(IssuanceGuards.Resume, Issuance(IssuanceStatus.Halted), caller).Detail.ShouldBe("只有发证的评价机构或主管部门审核人员可以恢复发证（CRT-05）。");
        foreach (var caller in new[] { OtherCity, OtherOrganization, Expert })
            t.Check(IssuanceGuards.Resume, Issuance(IssuanceStatus.Halted), caller).Detail.ShouldBe("证书核发不存在或您无权查看。");
    }

    private static RangeHolder Holder(string area) => new(Org, "评价机构", area, GuardCallers.Catalog.PolicyForArea(area));

    [Fact]
    public void CRT_01_AH_only_the_provincial_center_allocates_ranges_and_where_serials_are_counted_no_one_gets_the_button()
    {
        var anhui = Holder("340200");
        RangeGuards.Table.Actions(anhui, Province).ShouldBe([RangeGuards.Allocate]);
        RangeGuards.Table.Actions(anhui, As(Roles.ApiClient, "340000")).ShouldBe([RangeGuards.Allocate]);
        foreach (var caller in new[] { City, Own, OwnSystem, Inspector, Auditor, As(Roles.Inspector, "340000") })
        {
            RangeGuards.Check(anhui, caller).Detail.ShouldBe("证书编号号段由安徽省职业技能鉴定指导中心统一分配（CRT-01）。");
            RangeGuards.Table.Actions(anhui, caller).ShouldBeEmpty();
        }
        foreach (var caller in new[] { OtherCity, OtherOrganization, Expert }) RangeGuards.Check(anhui, caller).Status.ShouldBe(404);
        RangeGuards.Check(null, Province).Detail.ShouldBe("评价机构不存在或您无权查看。");
        // Guangxi counts serials itself: the decider answers 422 (CRT-01), so the guard lets the reviewer through and shows nothing
        var guangxi = Holder("450100");
        var nanning = As(Roles.Reviewer, "450100");
        RangeGuards.Check(guangxi, nanning).Status.ShouldBeNull();
        RangeGuards.Table.Actions(guangxi, nanning).ShouldBeEmpty();
    }
}
