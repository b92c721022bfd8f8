using System.Globalization;
using MiniExcelLibs;

namespace Assessment.Batches.Batches;

/// <summary>A data row of an uploaded sheet: its row number as the spreadsheet shows it (header = 1) and its cells by header.</summary>
public sealed record SheetRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string? Cell(string header) => Cells.GetValueOrDefault(header);
}

/// <summary>Reads an uploaded .xlsx by its header row; a file that is not a readable .xlsx or lacks a column is refused as a whole.</summary>
public static class SheetRows
{
    public const int MaxRows = 50_000;

    public static (IReadOnlyList<SheetRow> Rows, string? Error) Read(Stream content, string fileName, IReadOnlyList<string> requiredColumns)
    {
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return ([], "仅支持 Excel（.xlsx）文件，请使用下载的模板。");
        var rows = new List<SheetRow>();
        try
        {
            var number = 1;
            foreach (IDictionary<string, object?> raw in content.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
            {
                number++;
                if (number > MaxRows + 1) return ([], $"文件超过{MaxRows}行，请分批导入。");
                var cells = raw.ToDictionary(c => c.Key.Trim(), c => Text(c.Value));
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new SheetRow(number, cells));
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or FormatException
                                       or ArgumentException or System.Xml.XmlException)
        {
            return ([], "文件无法读取，请确认是有效的 Excel（.xlsx）文件。");
        }
        if (rows.Count == 0) return ([], "文件中没有数据行。");
        var missing = requiredColumns.Where(c => !rows[0].Cells.ContainsKey(c)).ToList();
        return missing.Count > 0 ? ([], $"缺少列：{string.Join("、", missing)}。请使用下载的模板。") : (rows, null);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
