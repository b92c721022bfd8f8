using System.Security.Cryptography;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Catalog;

/// <summary>
/// A row the import refused, with the reason (1-based row number as in the spreadsheet, header = row 1; 0 = the file itself),
/// the column (<c>file</c>, <c>header</c> or the column's name) and the rule.
/// </summary>
public sealed record CatalogRowError(int Row, string Field, string Message, string RuleId = "FIL-01");

/// <summary>
/// FIL-01: an administrator's catalog file (.xlsx or CSV with the columns 职业编码, 职业名称, 类别 — 技能类/准入类 — and optionally
/// 大类, each under any of its usual names) becomes the catalog's entries, all or nothing. Pure: the sheet's rows in, the event out.
/// </summary>
public static class CatalogDecider
{
    public static readonly string[] CodeHeaders = ["职业编码", "编码", "职业(工种)编码", "职业（工种）编码", "code"];
    public static readonly string[] NameHeaders = ["职业名称", "职业(工种)名称", "职业（工种）名称", "工种名称", "名称", "name"];
    public static readonly string[] TypeHeaders = ["类别", "类型", "职业类别", "type"];
    public static readonly string[] GroupHeaders = ["大类", "分组", "所属大类", "group"];

    /// <summary>Every header the import reads.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. CodeHeaders, .. NameHeaders, .. TypeHeaders, .. GroupHeaders];

    /// <summary>The import, or a 422 (FIL-01) listing every faulty row under <c>rows</c>.</summary>
    public static OccupationCatalogImported Import(SheetRead sheet, UploadedContent file, Instant now, Actor by)
    {
        var name = file.BareName;
        var (entries, errors) = Entries(sheet, $"管理员导入：{name}");
        if (errors.Count > 0)
            throw new BusinessRuleException(new RuleViolation("FIL-01", "catalog.rows-invalid", $"职业目录有{errors.Count}处错误，未导入任何数据；请修改后重新导入。"),
                errors.Cast<object>().ToList());
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        return new OccupationCatalogImported(ImportedOccupationCatalog.StreamId, name, sha, entries, now, by);
    }

    /// <summary>Every row's entry or error; a file that could not be read is one error on row 0.</summary>
    public static (IReadOnlyList<CatalogOccupation> Entries, IReadOnlyList<CatalogRowError> Errors) Entries(SheetRead sheet, string source)
    {
        if (sheet.Fault is { } fault) return ([], [new CatalogRowError(0, "file", fault)]);
        string? Column(string[] names) => sheet.Headers.FirstOrDefault(h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
        var (codeColumn, nameColumn, typeColumn, groupColumn) = (Column(CodeHeaders), Column(NameHeaders), Column(TypeHeaders), Column(GroupHeaders));
        var missing = new List<CatalogRowError>();
        if (nameColumn is null) missing.Add(new(1, "header", "缺少“职业名称”列。"));
        if (typeColumn is null) missing.Add(new(1, "header", "缺少“类别”列（技能类/准入类）。"));
        if (missing.Count > 0) return ([], missing);

        var entries = new List<CatalogOccupation>();
        var errors = new List<CatalogRowError>();
        var seenCodes = new Dictionary<string, int>();
        foreach (var sheetRow in sheet.Rows)
        {
            var row = sheetRow.Row;
            string Text(string? column) => column is null ? "" : sheetRow.Cell(column)?.Trim() ?? "";
            var (name, codeText, typeText) = (Text(nameColumn), Text(codeColumn), Text(typeColumn));
            if (name.Length == 0 && codeText.Length == 0 && typeText.Length == 0) continue; // only a group: a blank line
            var rowErrors = errors.Count;
            if (name.Length is 0 or > 100) errors.Add(new(row, "职业名称", "职业名称不能为空且不超过100字。"));
            string? code = null;
            if (codeText.Length > 0)
            {
                if (!OccupationCode.TryParse(codeText, out var parsed)) errors.Add(new(row, "职业编码", $"职业编码“{codeText}”格式不正确，应形如4-12-01-01。"));
                else if (seenCodes.TryGetValue(parsed.Value, out var first)) errors.Add(new(row, "职业编码", $"职业编码{parsed.Value}与第{first}行重复。"));
                else { code = parsed.Value; seenCodes[code] = row; }
            }
            OccupationType? kind = typeText switch
            {
                "技能类" or "水平评价类" or "技能人员职业资格（水平评价类）" or "Skill" or "skill" => OccupationType.Skill,
                "准入类" or "Access" or "access" => OccupationType.Access,
                _ => null,
            };
            if (kind is null) errors.Add(new(row, "类别", $"类别“{typeText}”无效，应为“技能类”或“准入类”。"));
            if (errors.Count == rowErrors) entries.Add(new CatalogOccupation(name, code, Text(groupColumn), kind!.Value, source));
        }
        return (entries, errors);
    }
}
