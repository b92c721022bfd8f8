using System.IO.Compression;
using MiniExcelLibs;

namespace Assessment.SharedKernel.Spreadsheets;

public enum SpreadsheetFormat { Xlsx, Csv }

/// <summary>
/// The rows of an upload (header row = row 1, so <c>Rows[i]</c> is spreadsheet row i + 2, empty rows kept), each holding only
/// the wanted columns by trimmed header; or <see cref="Refused"/> (a limit, 413); or <see cref="Unreadable"/>.
/// </summary>
/// <remarks><see cref="Headers"/> are all the header row's trimmed names (empty when there are no data rows).</remarks>
public sealed record SpreadsheetRead(IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, IReadOnlyList<string> Headers,
    SpreadsheetLimitException? Refused, bool Unreadable)
{
    public static SpreadsheetRead Broken { get; } = new([], [], null, true);
}

/// <summary>
/// The one way uploaded spreadsheets are read: the file is first checked without being held expanded (the zip's central
/// directory, then every part decompressed through a counter — a zip can lie about its sizes — with the sheet XML scanned for
/// cell lengths, columns and rows; a CSV scanned likewise), and only then parsed by MiniExcel, all within a time budget.
/// </summary>
public static class SpreadsheetReader
{
    public static SpreadsheetRead Read(Stream content, SpreadsheetFormat format, IReadOnlyCollection<string>? columns,
        SpreadsheetLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= SpreadsheetLimits.Default;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limits.TimeBudget);
        var wanted = columns is null ? null : new HashSet<string>(columns, StringComparer.OrdinalIgnoreCase);
        try
        {
            if (format == SpreadsheetFormat.Xlsx) SpreadsheetScan.Xlsx(content, limits, budget.Token);
            else SpreadsheetScan.Csv(content, limits, budget.Token);
            content.Position = 0;
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            List<string>? headers = null;
            var excelType = format == SpreadsheetFormat.Xlsx ? ExcelType.XLSX : ExcelType.CSV;
            foreach (IDictionary<string, object?> raw in content.Query(useHeaderRow: true, excelType: excelType))
            {
                budget.Token.ThrowIfCancellationRequested();
                if (rows.Count >= limits.MaxRows) throw new SpreadsheetLimitException($"文件超过{limits.MaxRows}行。");
                headers ??= raw.Keys.Select(k => k.Trim()).ToList();
                var row = new Dictionary<string, object?>(wanted?.Count ?? raw.Count);
                foreach (var (key, value) in raw)
                {
                    var header = key.Trim();
                    if (wanted is null || wanted.Contains(header)) row.TryAdd(header, value);
                }
                rows.Add(row);
            }
            return new SpreadsheetRead(rows, headers ?? [], null, false);
        }
        catch (SpreadsheetLimitException e)
        {
            return new SpreadsheetRead([], [], e, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SpreadsheetRead([], [], new SpreadsheetLimitException($"文件处理超过{limits.TimeBudget.TotalSeconds:0.###}秒。"), false);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or NotSupportedException
                                       or FormatException or ArgumentException or System.Xml.XmlException or KeyNotFoundException
                                       or IndexOutOfRangeException or NullReferenceException)
        {
            // MiniExcel and the zip reader throw a variety of types for broken input; any of them means "not a file we read"
            return SpreadsheetRead.Broken;
        }
    }
}
