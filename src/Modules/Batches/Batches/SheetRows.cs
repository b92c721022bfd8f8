using System.Globalization;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Batches.Batches;

/// <summary>A data row of an uploaded sheet: its row number as the spreadsheet shows it (header = 1) and its cells by header.</summary>
public sealed record SheetRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string? Cell(string header) => Cells.GetValueOrDefault(header);
}

/// <summary>
/// Reads an uploaded .xlsx by its header row through <see cref="SpreadsheetReader"/> (bounded before it is parsed; only the
/// template's columns are kept); a file that is not a readable .xlsx, lacks a column or exceeds a limit is refused as a whole.
/// </summary>
public static class SheetRows
{
    public const int MaxRows = 50_000;

    /// <summary>The rows, or the problem: 400 for a file that is not a usable .xlsx, 413 for one beyond a limit.</summary>
    public static (IReadOnlyList<SheetRow> Rows, ProblemDetails? Problem) Read(Stream content, string fileName, IReadOnlyList<string> requiredColumns,
        IReadOnlyCollection<string>? templateColumns = null, CancellationToken cancellationToken = default)
    {
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return ([], Refuse("仅支持 Excel（.xlsx）文件，请使用下载的模板。"));
        var read = SpreadsheetReader.Read(content, SpreadsheetFormat.Xlsx, templateColumns ?? requiredColumns,
            SpreadsheetLimits.Default with { MaxRows = MaxRows }, cancellationToken);
        if (read.Refused is { } refused) return ([], refused.Problem());
        if (read.Unreadable) return ([], Refuse("文件无法读取，请确认是有效的 Excel（.xlsx）文件。"));
        var missing = requiredColumns.Where(c => !read.Headers.Contains(c)).ToList();
        if (read.Headers.Count > 0 && missing.Count > 0) return ([], Refuse($"缺少列：{string.Join("、", missing)}。请使用下载的模板。"));
        var rows = new List<SheetRow>();
        for (var i = 0; i < read.Rows.Count; i++)
        {
            var cells = read.Rows[i].ToDictionary(c => c.Key, c => Text(c.Value));
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new SheetRow(i + 2, cells));
        }
        return rows.Count == 0 ? ([], Refuse("文件中没有数据行。")) : (rows, null);
    }

    private static ProblemDetails Refuse(string message) => Problems.Validation("file", message);

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
