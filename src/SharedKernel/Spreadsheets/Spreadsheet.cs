using System.Data;
using MiniExcelLibs;

namespace Assessment.SharedKernel.Spreadsheets;

/// <summary>
/// Every spreadsheet the product writes goes through here: headers always present (also with no rows), rows streamed
/// from a lazy sequence (never materialized), and text that a spreadsheet program would run as a formula
/// (starting with =, +, -, @, tab or carriage return — CSV/formula injection) neutralised with a leading apostrophe.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Neutralize(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static object? Cell(object? value) => value is string text ? Neutralize(text) : value;

    /// <summary>Writes one sheet: <paramref name="headers"/> then one row per element of <paramref name="rows"/>.</summary>
    public static async Task WriteAsync(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        using var enumerator = rows.GetEnumerator();
        if (!enumerator.MoveNext())
        {
            using var empty = new DataTable(sheetName);
            foreach (var header in headers) empty.Columns.Add(header, typeof(string));
            await stream.SaveAsAsync(empty, sheetName: sheetName, cancellationToken: cancellationToken);
            return;
        }
        await stream.SaveAsAsync(Rows(headers, enumerator), sheetName: sheetName, cancellationToken: cancellationToken);
    }

    private static IEnumerable<IDictionary<string, object?>> Rows(IReadOnlyList<string> headers, IEnumerator<object?[]> positioned)
    {
        do
        {
            var values = positioned.Current;
            if (values.Length != headers.Count) throw new ArgumentException($"A row has {values.Length} cells for {headers.Count} headers.");
            var row = new Dictionary<string, object?>(headers.Count);
            for (var i = 0; i < headers.Count; i++) row[headers[i]] = Cell(values[i]);
            yield return row;
        } while (positioned.MoveNext());
    }
}
