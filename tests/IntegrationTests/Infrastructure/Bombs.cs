using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>Small files that expand enormously, built in the test (nothing large is committed).</summary>
public static class Bombs
{
    /// <summary>A small valid image whose header (JPEG SOF, PNG IHDR with its CRC) is patched to declare width × height.</summary>
    public static byte[] Image(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(200, 260);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.LightGray);
        using var image = SKImage.FromBitmap(bitmap);
        var bytes = image.Encode(format, 90).ToArray();
        if (format == SKEncodedImageFormat.Png)
        {
            Big(bytes, 16, width, 4);
            Big(bytes, 20, height, 4);
            Big(bytes, 29, (int)Crc32(bytes.AsSpan(12, 17)), 4);
            return bytes;
        }
        for (var i = 2; i + 9 < bytes.Length; i += 2 + (bytes[i + 2] << 8 | bytes[i + 3]))
        {
            if (bytes[i] != 0xFF) throw new InvalidOperationException("Not a JPEG segment.");
            if (bytes[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            Big(bytes, i + 5, height, 2);
            Big(bytes, i + 7, width, 2);
            return bytes;
        }
        throw new InvalidOperationException("No SOF segment.");
    }

    /// <summary>A real photo of <paramref name="width"/> × <paramref name="height"/> (flat colours, so the file stays small).</summary>
    public static byte[] Photo(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.LightGray);
            using var paint = new SKPaint { Color = SKColors.SteelBlue };
            canvas.DrawCircle(width / 2f, height / 3f, width / 4f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 80).ToArray();
    }

    /// <summary>An .xlsx whose first sheet's header row is <paramref name="headers"/>, followed by what <paramref name="body"/> writes.</summary>
    public static byte[] Xlsx(IReadOnlyList<string> headers, Action<TextWriter> body, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="考生" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", level).Open(), new UTF8Encoding(false), 1 << 16);
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">""");
            foreach (var header in headers) sheet.Write($"<c t=\"inlineStr\"><is><t>{header}</t></is></c>");
            sheet.Write("</row>");
            body(sheet);
            sheet.Write("</sheetData></worksheet>");
        }
        return buffer.ToArray();
    }

    /// <summary>One data row whose first cell holds <paramref name="megabytes"/> MB of the same letter (0: 100,000 letters).</summary>
    public static Action<TextWriter> HugeCell(int megabytes) => sheet =>
    {
        sheet.Write("<row r=\"2\"><c t=\"inlineStr\"><is><t>");
        var chunk = new string('a', megabytes == 0 ? 100_000 : 1 << 20);
        for (var i = 0; i < Math.Max(1, megabytes); i++) sheet.Write(chunk);
        sheet.Write("</t></is></c></row>");
    };

    /// <summary><paramref name="rows"/> data rows of <paramref name="columns"/> numeric cells each.</summary>
    public static Action<TextWriter> Wide(int rows, int columns) => sheet =>
    {
        var cells = string.Concat(Enumerable.Repeat("<c><v>1</v></c>", columns));
        for (var r = 2; r < rows + 2; r++) sheet.Write($"<row r=\"{r}\">{cells}</row>");
    };

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static void Big(byte[] bytes, int at, int value, int length)
    {
        for (var i = 0; i < length; i++) bytes[at + i] = (byte)(value >> (8 * (length - 1 - i)));
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

/// <summary>
/// The process's peak resident memory above what it held when started (after a full collection), sampled from
/// /proc/self/status every 2 ms on a background thread: the API runs in this process, so this is what an upload costs it.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly long baseline;
    private readonly Thread sampler;
    private long peak;
    private volatile bool stopped;

    public PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        baseline = peak = Rss();
        sampler = new Thread(() =>
        {
            while (!stopped)
            {
                peak = Math.Max(peak, Rss());
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        sampler.Start();
    }

    /// <summary>Stops sampling; the peak growth in MiB.</summary>
    public double GrowthMiB()
    {
        stopped = true;
        sampler.Join();
        peak = Math.Max(peak, Rss());
        return (peak - baseline) / 1024.0 / 1024;
    }

    public void Dispose() => stopped = true;

    private static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return 0;
    }
}
