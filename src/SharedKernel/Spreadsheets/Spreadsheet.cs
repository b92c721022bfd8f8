using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Assessment.SharedKernel.Spreadsheets;

/// <summary>One sheet of a workbook: its name, its header row (null for a form written as it is) and its rows.</summary>
public sealed record SheetContent(string Name, IReadOnlyList<string>? Headers, IEnumerable<object?[]> Rows);

/// <summary>
/// Every spreadsheet the product writes goes through here: headers always present (also with no rows), rows streamed from a
/// lazy sequence into the zip (never materialized), text as inline strings. Text that a spreadsheet program would run as a
/// formula (starting with =, +, -, @, tab or carriage return — CSV/formula injection) keeps its exact value but gets Excel's
/// quote-prefix style, so it shows as typed and stays text even when the cell is edited — no visible apostrophe.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The index in styles.xml's cellXfs of the text style with quotePrefix="1".</summary>
    public const int QuotePrefixStyle = 1;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Writes one sheet: <paramref name="headers"/> then one row per element of <paramref name="rows"/>.</summary>
    public static Task WriteAsync(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default) => WriteAsync(stream, [new SheetContent(sheetName, headers, rows)], cancellationToken);

    /// <summary>Writes one sheet of rows as they are, without a header row (a form such as 附件4).</summary>
    public static Task WriteRowsAsync(Stream stream, string sheetName, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(stream, [new SheetContent(sheetName, null, rows)], cancellationToken);

    /// <summary>Writes several sheets in order (the first one opens); each is written as <see cref="SheetContent"/> says.</summary>
    public static Task WriteAsync(Stream stream, IReadOnlyList<SheetContent> sheets, CancellationToken cancellationToken = default)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Package(zip, sheets.Select(s => Clean(s.Name)).ToList());
        for (var i = 0; i < sheets.Count; i++)
        {
            var rows = sheets[i].Headers is { } headers ? Prepend(headers, sheets[i].Rows) : sheets[i].Rows;
            WriteSheet(zip, $"xl/worksheets/sheet{i + 1}.xml", rows, sheets[i].Headers?.Count, cancellationToken);
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<object?[]> Prepend(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        yield return headers.Cast<object?>().ToArray();
        foreach (var row in rows) yield return row;
    }

    /// <summary>The parts around the sheets: content types, relationships, styles and the workbook listing the sheets by name.</summary>
    private static void Package(ZipArchive zip, IReadOnlyList<string> names)
    {
        var numbers = Enumerable.Range(1, names.Count).ToList();
        var sheetTypes = string.Concat(numbers.Select(n => $"""
            <Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            """));
        Part(zip, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            {sheetTypes}
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            </Types>
            """);
        Part(zip, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
              Target="xl/workbook.xml"/>
            </Relationships>
            """);
        var sheetLinks = string.Concat(numbers.Select(n => $"""
            <Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
              Target="worksheets/sheet{n}.xml"/>
            """));
        Part(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            {sheetLinks}
            <Relationship Id="rId{names.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
              Target="styles.xml"/>
            </Relationships>
            """);
        // cellXfs 0: general; 1 (QuotePrefixStyle): text with quotePrefix
        Part(zip, "xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/>
            <name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill>
            <patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>
            </borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2">
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/></cellXfs>
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """);
        using (var workbook = Xml(zip, "xl/workbook.xml"))
        {
            workbook.WriteStartElement("workbook", Main);
            workbook.WriteAttributeString("xmlns", "r", null, Relationships);
            workbook.WriteStartElement("sheets", Main);
            foreach (var n in numbers)
            {
                workbook.WriteStartElement("sheet", Main);
                workbook.WriteAttributeString("name", names[n - 1]);
                workbook.WriteAttributeString("sheetId", n.ToString(CultureInfo.InvariantCulture));
                workbook.WriteAttributeString("id", Relationships, $"rId{n}");
                workbook.WriteEndElement();
            }
            workbook.WriteEndElement();
            workbook.WriteEndElement();
        }
    }

    private static void WriteSheet(ZipArchive zip, string part, IEnumerable<object?[]> rows, int? width, CancellationToken cancellationToken)
    {
        using var sheet = Xml(zip, part);
        sheet.WriteStartElement("worksheet", Main);
        sheet.WriteStartElement("sheetData", Main);
        var number = 0;
        foreach (var values in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (width is { } w && values.Length != w) throw new ArgumentException($"A row has {values.Length} cells for {w} headers.");
            number++;
            sheet.WriteStartElement("row", Main);
            sheet.WriteAttributeString("r", number.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < values.Length; i++) Cell(sheet, ColumnName(i) + number.ToString(CultureInfo.InvariantCulture), values[i]);
            sheet.WriteEndElement();
        }
        sheet.WriteEndElement();
        sheet.WriteEndElement();
    }

    private static void Cell(XmlWriter sheet, string reference, object? value)
    {
        if (value is null) return;
        sheet.WriteStartElement("c", Main);
        sheet.WriteAttributeString("r", reference);
        switch (value)
        {
            case int or long or short or byte or decimal or uint or ulong or ushort or sbyte:
            case double d when double.IsFinite(d):
            case float f when float.IsFinite(f):
                sheet.WriteElementString("v", Main, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case bool b:
                sheet.WriteAttributeString("t", "b");
                sheet.WriteElementString("v", Main, b ? "1" : "0");
                break;
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                if (LooksLikeFormula(text)) sheet.WriteAttributeString("s", QuotePrefixStyle.ToString(CultureInfo.InvariantCulture));
                sheet.WriteAttributeString("t", "inlineStr");
                sheet.WriteStartElement("is", Main);
                sheet.WriteStartElement("t", Main);
                sheet.WriteAttributeString("xml", "space", null, "preserve");
                sheet.WriteString(Clean(text));
                sheet.WriteEndElement();
                sheet.WriteEndElement();
                break;
        }
        sheet.WriteEndElement();
    }

    /// <summary>A1-style column letters of a 0-based index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Characters XML cannot carry are written as OOXML's _xHHHH_ escapes.</summary>
    private static string Clean(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))) return text;
        var clean = new StringBuilder(text.Length);
        foreach (var c in text) clean.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c.ToString() : $"_x{(int)c:X4}_");
        return clean.ToString();
    }

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content.Trim());
    }

    private static XmlWriter Xml(ZipArchive zip, string name) => XmlWriter.Create(zip.CreateEntry(name, CompressionLevel.Fastest).Open(),
        new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize, CloseOutput = true });
}
