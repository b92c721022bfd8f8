using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Certificates;

/// <summary>The pure decisions on an issued certificate: revocation, 补发 (re-issue) and 更正 (correction of holder data).</summary>
public class CertificateDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 17, 0); // 2026-11-24 01:00 in China
    private static readonly Actor Organization = new(Guid.NewGuid(), "wuhu.org", Roles.Organization, null, Guid.NewGuid(), "张伟");
    private static readonly Actor Reviewer = new(Guid.NewGuid(), "wuhu.reviewer", Roles.Reviewer, "340200", null, "江芜");

    private static CertificateRow Row(CertificateStatus status = CertificateStatus.Valid, int printNumber = 1, Guid? openCorrection = null) =>
        new(Guid.NewGuid(), "Y000034020001264000001", Guid.NewGuid(), "芜湖奇瑞职业技能评价中心", Guid.NewGuid(), "Y000034020001", "anhui", "340200",
            Guid.NewGuid(), "2026年第一批", Guid.NewGuid(), "张小三", 201, "34020219900101001X", "芜湖家政公司", "育婴员", "4-10-01-02", null, 4,
            new LocalDate(2026, 11, 2), Instant.FromUtc(2026, 11, 2, 2, 0), "token-of-print-1", 17, status,
            status == CertificateStatus.Revoked ? new LocalDate(2026, 11, 20) : null, status == CertificateStatus.Revoked ? "舞弊" : null, 3,
            printNumber, printNumber == 1 ? PrintKind.Original : PrintKind.Reissue, printNumber == 1 ? null : new LocalDate(2026, 11, 10), openCorrection);

    private static CertificateHolder Proposed => new("张晓三", 201, "34020219900101001X", "芜湖家政公司");

    private static CertificateCorrectionRow Open(CertificateRow row, Guid id, CertificateCorrectionStatus status = CertificateCorrectionStatus.Open) =>
        new(id, row.Id, status, CertificateHolder.Of(row), Proposed, "姓名录入错误", Now, "张伟", null, null, null, null);

    private static RuleViolation Broken(Action decide) => Should.Throw<BusinessRuleException>(decide).Violations.Single();

    [Fact]
    public void CRT_01_a_reissue_keeps_the_number_and_takes_the_next_print_dated_in_china()
    {
        var row = Row(printNumber: 2);
        var reissued = CertificateDecider.Reissue(row, "  遗失 ", Now, Organization);
        (reissued.CertificateId, reissued.Number, reissued.PrintNumber, reissued.Reason).ShouldBe((row.Id, row.Number, 3, "遗失"));
        reissued.PrintedOn.ShouldBe(new LocalDate(2026, 11, 24));
        reissued.By.ShouldBe(Organization);
    }

    [Fact]
    public void CRT_05_a_revoked_certificate_is_never_reissued()
    {
        var v = Broken(() => CertificateDecider.Reissue(Row(CertificateStatus.Revoked), "遗失", Now, Organization));
        (v.RuleId, v.Code).ShouldBe(("CRT-05", "certificate.reissue-revoked"));
        v.Message.ShouldContain("2026-11-20");
    }

    [Fact]
    public void CRT_05_a_correction_request_records_the_old_and_the_proposed_holder_data()
    {
        var row = Row();
        var id = Guid.NewGuid();
        var requested = CertificateDecider.RequestCorrection(row, Proposed, " 姓名录入错误 ", id, Now, Organization);
        requested.CorrectionId.ShouldBe(id);
        requested.Previous.ShouldBe(new CertificateHolder("张小三", 201, "34020219900101001X", "芜湖家政公司"));
        requested.Proposed.ShouldBe(Proposed);
        requested.Reason.ShouldBe("姓名录入错误");
        requested.Previous.ChangedIn(requested.Proposed).ShouldBe(["holderName"]);
    }

    [Fact]
    public void CRT_05_a_correction_needs_a_valid_certificate_no_other_open_request_and_a_change()
    {
        Broken(() => CertificateDecider.RequestCorrection(Row(CertificateStatus.Revoked), Proposed, "x", Guid.NewGuid(), Now, Organization))
            .Code.ShouldBe("certificate.correction-revoked");
        Broken(() => CertificateDecider.RequestCorrection(Row(openCorrection: Guid.NewGuid()), Proposed, "x", Guid.NewGuid(), Now, Organization))
            .Code.ShouldBe("certificate.correction-already-open");
        var row = Row();
        Broken(() => CertificateDecider.RequestCorrection(row, CertificateHolder.Of(row), "x", Guid.NewGuid(), Now, Organization))
            .Code.ShouldBe("certificate.correction-unchanged");
    }

    [Fact]
    public void CRT_05_an_approval_sets_the_proposed_data_and_prints_again()
    {
        var id = Guid.NewGuid();
        var row = Row(printNumber: 2, openCorrection: id);
        var approved = CertificateDecider.ApproveCorrection(row, Open(row, id), " 同意 ", Now, Reviewer);
        (approved.CorrectionId, approved.PrintNumber, approved.PrintedOn, approved.Reason).ShouldBe((id, 3, new LocalDate(2026, 11, 24), "同意"));
        approved.Previous.Name.ShouldBe("张小三");
        approved.Corrected.ShouldBe(Proposed);
        approved.By.ShouldBe(Reviewer);
    }

    [Fact]
    public void CRT_05_only_an_open_request_is_decided_and_a_revoked_certificate_is_not_corrected_but_its_request_may_be_rejected()
    {
        var id = Guid.NewGuid();
        var row = Row(openCorrection: id);
        Broken(() => CertificateDecider.ApproveCorrection(row, Open(row, id, CertificateCorrectionStatus.Rejected), "同意", Now, Reviewer))
            .Code.ShouldBe("certificate.correction-closed");
        Broken(() => CertificateDecider.RejectCorrection(Row(), Open(row, id), "驳回", Now, Reviewer)) // no longer the certificate's open request
            .Code.ShouldBe("certificate.correction-closed");
        var revoked = Row(CertificateStatus.Revoked, openCorrection: id);
        Broken(() => CertificateDecider.ApproveCorrection(revoked, Open(revoked, id), "同意", Now, Reviewer)).Code.ShouldBe("certificate.correction-revoked");
        var rejected = CertificateDecider.RejectCorrection(revoked, Open(revoked, id), " 证书已撤销 ", Now, Reviewer);
        (rejected.CorrectionId, rejected.Reason, rejected.By).ShouldBe((id, "证书已撤销", Reviewer));
    }

    [Fact]
    public void CRT_05_a_pending_request_is_withdrawn_by_its_organization_and_a_withdrawn_one_is_no_longer_decided()
    {
        var id = Guid.NewGuid();
        var row = Row(openCorrection: id);
        var withdrawn = CertificateDecider.WithdrawCorrection(row, Open(row, id), Now, Organization);
        (withdrawn.CertificateId, withdrawn.CorrectionId, withdrawn.Number, withdrawn.By).ShouldBe((row.Id, id, row.Number, Organization));
        var closed = Row();
        var rule = Broken(() => CertificateDecider.ApproveCorrection(closed, Open(closed, id, CertificateCorrectionStatus.Withdrawn), "同意", Now, Reviewer));
        (rule.RuleId, rule.Code, rule.Message).ShouldBe(("CRT-05", "certificate.correction-closed", "该更正申请已由评价机构撤回。"));
        Broken(() => CertificateDecider.WithdrawCorrection(closed, Open(closed, id, CertificateCorrectionStatus.Rejected), Now, Organization))
            .Code.ShouldBe("certificate.correction-closed");
    }

    [Fact]
    public void CRT_05_revoking_twice_is_refused()
    {
        var row = Row(CertificateStatus.Revoked);
        Broken(() => CertificateDecider.Revoke(row, "再次撤销", Now, Reviewer)).Code.ShouldBe("certificate.already-revoked");
        CertificateDecider.Revoke(Row(), " 舞弊 ", Now, Reviewer).Reason.ShouldBe("舞弊");
    }
}
