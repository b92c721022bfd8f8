using Assessment.SharedKernel.Policies;

namespace Assessment.SharedKernel.Spreadsheets;

/// <summary>
/// 附件5 职业技能等级认定合格人员证书信息表 (BAT-09), worded exactly as the seed: the Batches module writes it with the results
/// report (证书编号 and 发证日期 still empty), the Certificates module once the numbers are issued.
/// </summary>
public static class CertificateInformationTable
{
    public const string SheetName = "合格人员证书信息表";

    public static readonly IReadOnlyList<string> Columns =
        ["姓名", "证件类型", "证件号码", "所在单位", "职业名称", "工种名称", "职业技能等级", "证书编号", "发证日期", "评价机构", "发证机构", "考生所在地市"];

    public static string FileName(string batchTitle) => $"附件5 职业技能等级认定合格人员证书信息表（{batchTitle}）.xlsx";

    /// <summary>发证机构: the evaluation organization itself where the policy says so, otherwise the body the policy names.</summary>
    public static string Issuer(CertificatePolicy policy, string organizationName) =>
        policy.IssuedBy == "评价机构" ? organizationName : policy.IssuedBy;
}
