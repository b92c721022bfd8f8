using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Assessment.SharedKernel.Spreadsheets;

/// <summary>Checks an upload against <see cref="SpreadsheetLimits"/> while holding at most a few kilobytes of it expanded.</summary>
internal static class SpreadsheetScan
{
    public static void Xlsx(Stream content, SpreadsheetLimits limits, CancellationToken ct)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > limits.MaxParts) throw new SpreadsheetLimitException($"文件包含超过{limits.MaxParts}个部件。");
        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > limits.MaxPartBytes)
                throw new SpreadsheetLimitException($"文件中的“{entry.FullName}”解压后{Mb(entry.Length)}，超过每部分{Mb(limits.MaxPartBytes)}的上限。");
            if (entry.Length > limits.RatioFreeBytes && entry.Length > entry.CompressedLength * limits.MaxRatio)
                throw new SpreadsheetLimitException($"文件中的“{entry.FullName}”压缩比超过{limits.MaxRatio}:1的上限。");
            declared += entry.Length;
        }
        if (declared > limits.MaxTotalBytes) throw new SpreadsheetLimitException($"文件解压后{Mb(declared)}，超过{Mb(limits.MaxTotalBytes)}的上限。");

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            ct.ThrowIfCancellationRequested();
            if (entry.FullName.EndsWith('/')) continue;
            using var stream = new BoundedStream(entry.Open(), Math.Min(entry.Length, limits.MaxPartBytes), entry.FullName, ct);
            var name = entry.FullName.ToLowerInvariant();
            if (name.StartsWith("xl/worksheets/", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal))
                Xml(stream, limits, sheet: true, ct);
            else if (name == "xl/sharedstrings.xml") Xml(stream, limits, sheet: false, ct);
            else stream.CopyTo(Stream.Null);
            total += stream.Count;
            if (total > limits.MaxTotalBytes) throw new SpreadsheetLimitException($"文件解压后超过{Mb(limits.MaxTotalBytes)}的上限。");
        }
    }

    /// <summary>Cell text lengths (read in chunks, never whole), and in a sheet its dimension, columns and rows.</summary>
    private static void Xml(Stream stream, SpreadsheetLimits limits, bool sheet, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = limits.MaxPartBytes, CloseInput = false,
        };
        using var xml = XmlReader.Create(stream, settings);
        var chunk = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            int rows = 0, column = 0, strings = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element)
                {
                    ct.ThrowIfCancellationRequested();
                    switch (xml.LocalName)
                    {
                        case "dimension" when sheet:
                            var end = xml.GetAttribute("ref")?.Split(':')[^1];
                            Cell(end, limits, out _, out _);
                            break;
                        case "row" when sheet:
                            column = 0;
                            if (++rows > limits.MaxRows + 1) throw new SpreadsheetLimitException($"文件超过{limits.MaxRows}行。");
                            if (int.TryParse(xml.GetAttribute("r"), out var r) && r > limits.MaxRows + 1)
                                throw new SpreadsheetLimitException($"文件超过{limits.MaxRows}行（第{r}行有内容）。");
                            break;
                        case "c" when sheet:
                            Cell(xml.GetAttribute("r"), limits, out var at, out _);
                            column = at > 0 ? at : column + 1;
                            if (column > limits.MaxColumns) throw new SpreadsheetLimitException($"文件超过{limits.MaxColumns}列，请只保留模板中的列。");
                            break;
                        case "si" when !sheet:
                            if (++strings > limits.MaxSharedStrings) throw new SpreadsheetLimitException($"文件包含超过{limits.MaxSharedStrings}个不同的文本。");
                            break;
                    }
                }
                else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    long length = 0;
                    int read;
                    while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        if ((length += read) > limits.MaxCellChars) throw new SpreadsheetLimitException($"有单元格超过{limits.MaxCellChars}个字符。");
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }
    }

    /// <summary>Checks a reference such as "BZ12" against the column and row limits; <paramref name="column"/> is 0 without one.</summary>
    private static void Cell(string? reference, SpreadsheetLimits limits, out int column, out int row)
    {
        column = row = 0;
        if (string.IsNullOrEmpty(reference)) return;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > limits.MaxColumns) throw new SpreadsheetLimitException($"文件超过{limits.MaxColumns}列，请只保留模板中的列。");
        }
        if (int.TryParse(reference.AsSpan(i), out row) && row > limits.MaxRows + 1)
            throw new SpreadsheetLimitException($"文件超过{limits.MaxRows}行（第{row}行有内容）。");
    }

    /// <summary>A CSV's fields, columns and records, counted as the parser will see them (quotes may span lines).</summary>
    public static void Csv(Stream content, SpreadsheetLimits limits, CancellationToken ct)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 8192, leaveOpen: true);
        var buffer = new char[8192];
        bool quoted = false;
        int field = 0, fields = 1, records = 0;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '"') quoted = !quoted;
                else if (!quoted && c == ',')
                {
                    field = 0;
                    if (++fields > limits.MaxColumns) throw new SpreadsheetLimitException($"文件超过{limits.MaxColumns}列，请只保留模板中的列。");
                    continue;
                }
                else if (!quoted && c == '\n')
                {
                    (field, fields) = (0, 1);
                    if (++records > limits.MaxRows + 1) throw new SpreadsheetLimitException($"文件超过{limits.MaxRows}行。");
                    continue;
                }
                if (++field > limits.MaxCellChars) throw new SpreadsheetLimitException($"有单元格超过{limits.MaxCellChars}个字符。");
            }
        }
    }

    private static string Mb(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024:0.#}MB" : $"{bytes / 1024.0:0.#}KB";

    /// <summary>An entry's decompressed bytes, counted: past <paramref name="limit"/> (its declared size at most) it is refused.</summary>
    private sealed class BoundedStream(Stream inner, long limit, string name, CancellationToken ct) : Stream
    {
        public long Count { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int read)
        {
            ct.ThrowIfCancellationRequested();
            Count += read;
            if (Count > limit) throw new SpreadsheetLimitException($"文件中的“{name}”解压后超过其声明的大小或{Mb(limit)}的上限。");
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
