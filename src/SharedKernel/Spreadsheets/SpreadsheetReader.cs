using System.Globalization;
using MiniExcelLibs;

namespace Assessment.SharedKernel.Spreadsheets;

public enum SpreadsheetFormat { Xlsx, Csv }

/// <summary>A data row of an uploaded sheet: its row number as the spreadsheet shows it (header = 1) and its cells as text by header.</summary>
public sealed record SheetRow(int Row, IReadOnlyDictionary<string, string> Cells)
{
    public string? Cell(string header) => Cells.GetValueOrDefault(header);
}

/// <summary>
/// An uploaded sheet read into plain rows (blank rows left out, numbers kept), with every header of the header row
/// (trimmed); or why not: <see cref="Refused"/> (beyond a limit, 413) or <see cref="Fault"/> (not a usable file, in words
/// for the person who uploaded it).
/// </summary>
public sealed record SheetRead(IReadOnlyList<SheetRow> Rows, IReadOnlyList<string> Headers, SpreadsheetLimitException? Refused = null,
    string? Fault = null)
{
    public const string NoRows = "文件中没有数据行。";

    public bool Usable => Refused is null && Fault is null;

    public static SheetRead Faulty(string fault) => new([], [], null, fault);
}

/// <summary>
/// The one way uploaded spreadsheets are read: the file is first checked without being held expanded (the zip's central
/// directory, then every part decompressed through a counter — a zip can lie about its sizes — with the sheet XML scanned for
/// cell lengths, columns and rows; a CSV scanned likewise), and only then parsed by MiniExcel, all within a time budget.
/// Only the wanted columns are kept, by trimmed header (any case).
/// </summary>
public static class SpreadsheetReader
{
    /// <summary>
    /// An upload by its file name: .xlsx (and .csv where <paramref name="csv"/>), with every column in <paramref name="required"/>
    /// and at least one data row — otherwise a <see cref="SheetRead.Fault"/>.
    /// </summary>
    public static SheetRead ReadUpload(UploadedContent file, IReadOnlyCollection<string> wanted, IReadOnlyCollection<string>? required = null,
        bool csv = false, SpreadsheetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        SpreadsheetFormat? format = Path.GetExtension(file.FileName).ToLowerInvariant() switch
        {
            ".xlsx" => SpreadsheetFormat.Xlsx,
            ".csv" when csv => SpreadsheetFormat.Csv,
            _ => null,
        };
        if (format is null) return SheetRead.Faulty(csv ? "仅支持 .xlsx 或 .csv 文件。" : "仅支持 Excel（.xlsx）文件，请使用下载的模板。");
        using var content = new MemoryStream(file.Content, writable: false);
        var read = Read(content, format.Value, wanted, limits, cancellationToken);
        if (read.Fault is not null)
            return SheetRead.Faulty(csv ? "文件无法读取，请确认是有效的 Excel（.xlsx）或 CSV（UTF-8）文件。" : "文件无法读取，请确认是有效的 Excel（.xlsx）文件。");
        if (read.Refused is not null) return read;
        var missing = (required ?? []).Where(c => !read.Headers.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (read.Headers.Count > 0 && missing.Count > 0) return SheetRead.Faulty($"缺少列：{string.Join("、", missing)}。请使用下载的模板。");
        return read.Rows.Count == 0 ? SheetRead.Faulty(SheetRead.NoRows) with { Headers = read.Headers } : read;
    }

    /// <summary>The rows of <paramref name="content"/> (all columns when <paramref name="columns"/> is null).</summary>
    public static SheetRead Read(Stream content, SpreadsheetFormat format, IReadOnlyCollection<string>? columns, SpreadsheetLimits? limits = null,
        CancellationToken cancellationToken = default)
    {
        limits ??= SpreadsheetLimits.Default;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // the timer fires on the thread pool, which a loaded machine may not run in time: the rows check the clock themselves too
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (limits.TimeBudget <= TimeSpan.Zero) budget.Cancel();
        else budget.CancelAfter(limits.TimeBudget);
        var wanted = columns is null ? null : new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        try
        {
            if (format == SpreadsheetFormat.Xlsx) SpreadsheetScan.Xlsx(content, limits, budget.Token);
            else SpreadsheetScan.Csv(content, limits, budget.Token);
            content.Position = 0;
            var rows = new List<SheetRow>();
            List<string>? headers = null;
            var excelType = format == SpreadsheetFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV;
            var number = 1;
            foreach (IDictionary<string, object?> raw in content.Query(useHeaderRow: true, excelType: excelType))
            {
                budget.Token.ThrowIfCancellationRequested();
                if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > limits.TimeBudget) throw new OperationCanceledException();
                if (++number > limits.MaxRows + 1) throw new SpreadsheetLimitException($"文件超过{limits.MaxRows}行。");
                headers ??= raw.Keys.Select(k => k.Trim()).ToList();
                var cells = new Dictionary<string, string>(wanted?.Count ?? raw.Count);
                foreach (var (key, value) in raw)
                {
                    var header = key.Trim();
                    if (wanted is null || wanted.Contains(header)) cells.TryAdd(header, Text(value));
                }
                if (cells.Values.Any(v => v.Length > 0)) rows.Add(new SheetRow(number, cells));
            }
            return new SheetRead(rows, headers ?? []);
        }
        catch (SpreadsheetLimitException e)
        {
            return new SheetRead([], [], e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SheetRead([], [], new SpreadsheetLimitException($"文件处理超过{limits.TimeBudget.TotalSeconds:0.###}秒。"));
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException
                                       or FormatException or ArgumentException or System.Xml.XmlException or KeyNotFoundException
                                       or IndexOutOfRangeException or NullReferenceException)
        {
            // MiniExcel and the zip reader throw a variety of types for broken input; any of them means "not a file we read"
            return SheetRead.Faulty("unreadable");
        }
    }

    /// <summary>A cell as text: numbers without a trailing ".0", dates as yyyy-MM-dd, text trimmed.</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
