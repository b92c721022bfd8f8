using System.Globalization;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.SharedKernel.Spreadsheets;

/// <summary>
/// 附件5 职业技能等级认定合格人员证书信息表 (BAT-09), worded exactly as the seed: one table, one row shape and one row order whichever
/// module writes it — the Batches module with the results report (证书编号 and 发证日期 empty until issued, then the registry's rows),
/// the Certificates module once the numbers are issued.
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

    /// <summary>
    /// The one row order, the order certificate numbers are given in (CRT-01 "in order"): by level from 一级 down, then as the batch
    /// listed the candidates. Sorting issued numbers gives the same order.
    /// </summary>
    public static IReadOnlyList<T> InIssueOrder<T>(IEnumerable<T> listed, Func<T, int> level) =>
        listed.Select((c, i) => (c, i)).OrderBy(x => level(x.c)).ThenBy(x => x.i).Select(x => x.c).ToList();

    /// <summary>A row; <paramref name="number"/> and <paramref name="issuedOn"/> are empty until the certificate is issued.</summary>
    public static object?[] Row(string name, int documentType, string documentNumber, string employer, string occupation, string? workType,
        int level, string? number, LocalDate? issuedOn, string organization, string issuer, string city) =>
    [
        name, documentType.ToString(CultureInfo.InvariantCulture), documentNumber, employer, occupation, workType ?? "",
        SkillLevel.FromNumber(level).FullName, number ?? "", issuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        organization, issuer, city,
    ];

    /// <summary>The row of an issued certificate, as the registry holds it.</summary>
    public static object?[] Row(IssuedCertificateLine c, string issuer) =>
        Row(c.HolderName, c.DocumentType, c.DocumentNumber, c.Employer, c.Occupation, c.WorkType, c.Level, c.Number, c.IssuedOn, c.OrganizationName,
            issuer, c.CityName);
}
