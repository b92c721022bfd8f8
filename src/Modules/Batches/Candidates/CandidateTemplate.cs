using System.Globalization;
using Assessment.SharedKernel.Spreadsheets;
using Assessment.SharedKernel.Values;

namespace Assessment.Batches.Candidates;

/// <summary>
/// The candidate import template (BAT-09): sheet 考生 with the columns and one example row, and sheet 填写说明 saying how to fill
/// each column and listing the identity document type codes by name. Only the first sheet is read back on import.
/// </summary>
public static class CandidateTemplate
{
    public const string FileName = "考生导入模板.xlsx";
    public const string CandidatesSheet = "考生";
    public const string GuideSheet = "填写说明";
    public static readonly IReadOnlyList<string> GuideHeaders = ["栏目", "代码", "填写说明"];
    public const string DocumentTypeItem = "证件类型代码";

    private static readonly object?[] Example = ["张三", "201", "11010519491231002X", "某某有限公司", "电工", "四级/中级工", "芜湖市", "13800000000"];

    /// <summary>How each column of <see cref="CandidateRows.Columns"/> is filled, in the same order.</summary>
    private static readonly (string Column, string Guide)[] Columns =
    [
        ("姓名", "必填，与身份证件一致，不超过50字。"),
        ("证件类型", "必填，填写下方“证件类型代码”中的代码（如201）或名称（如居民身份证）。"),
        ("证件号码", "必填；居民身份证为18位，校验位和出生日期须正确（末位x可小写）。"),
        ("所在单位", "必填，不超过100字。"),
        ("职业名称", "必填，须为本批次认定计划中的职业（工种）名称。"),
        ("职业技能等级", "必填，如“四级/中级工”，也可只填“四级”“中级工”或数字4；须为本批次计划的等级。"),
        ("考生所在地市", "必填，如“芜湖市”，不超过50字。"),
        ("联系电话", "选填，数字（可含-、+和空格），不超过20个字符。"),
    ];

    public static IReadOnlyList<SheetContent> Sheets() =>
    [
        new(CandidatesSheet, CandidateRows.Columns, [Example]),
        new(GuideSheet, GuideHeaders, Guide()),
    ];

    private static IEnumerable<object?[]> Guide()
    {
        foreach (var (column, guide) in Columns) yield return [column, null, guide];
        foreach (var (type, name) in IdentityDocumentTypes.Names)
            yield return [DocumentTypeItem, ((int)type).ToString(CultureInfo.InvariantCulture), name];
        yield return ["说明", null, "第一行为表头，请勿修改或删除；每名考生一行，从第二行起填写，示例行请替换为实际考生。本页仅供参考，导入时只读取“考生”页。"];
    }
}
