using System.Text;
using NodaTime;
using QRCoder;
using SkiaSharp;

namespace Assessment.Certificates.Documents;

/// <summary>
/// Prints vocational skill level certificates as PDF (CRT-03, after [AH] 附件6 职业技能等级证书参考样式): A4 landscape, a
/// 269 mm × 188 mm border of 2.25 pt; the left page carries the title (30 pt), the statement, the issuer with its seal
/// and the date (16 pt) and the query web address (14 pt); the right page the 2-inch photo, a 30 mm × 30 mm QR code and
/// the basic information (16 pt). Everything is drawn in the Kai face of <see cref="CertificateFonts"/>, embedded.
/// Thread-safe: register it as a singleton next to the fonts.
/// </summary>
public sealed partial class CertificatePdf(CertificateFonts fonts)
{
    /// <summary>The PDF's Creator entry.</summary>
    public const string Creator = "职业技能等级认定服务平台";

    /// <summary>The title printed on the certificate and the start of the PDF's Title entry.</summary>
    public const string Title = "职业技能等级证书";

    /// <summary>Printed for a missing work type (CRT-03 note 3: 工种名称如无，请填写“——”).</summary>
    public const string NoWorkType = "——";

    private const float Mm = 72f / 25.4f;
    private const float PageWidth = 297 * Mm;   // 841.89 pt
    private const float PageHeight = 210 * Mm;  // 595.28 pt
    private const float TitleSize = 30;
    private const float BodySize = 16;
    private const float WebSize = 14;
    private const float MinInfoSize = 12;
    private const float SealSize = 40 * Mm;     // an organization seal is about 40 mm across
    private const float Outer = 10 * Mm;        // between the border and the text
    private const float Inner = 6 * Mm;         // between the fold (the middle) and the text
    private const int Chunk = 50;               // certificates sharing one embedded font subset

    private static readonly SKRect Border = SKRect.Create((297 - 269) / 2f * Mm, (210 - 188) / 2f * Mm, 269 * Mm, 188 * Mm);
    private static readonly SKRect LeftPage = new(Border.Left + Outer, Border.Top, Border.MidX - Inner, Border.Bottom);
    private static readonly SKRect RightPage = new(Border.MidX + Inner, Border.Top, Border.Right - Outer, Border.Bottom);
    private static readonly SKColor Ink = new(0x1a, 0x1a, 0x1a);
    private static readonly SKColor Faint = new(0x99, 0x99, 0x99);

    private readonly CertificateFonts fonts = fonts ?? throw new ArgumentNullException(nameof(fonts));

    /// <summary>Writes one certificate as a one-page PDF to <paramref name="output"/> (left open).</summary>
    public void Render(CertificatePrint print, Stream output)
    {
        ArgumentNullException.ThrowIfNull(print);
        ArgumentNullException.ThrowIfNull(output);
        using var document = Open(output, $"{Title} {print.Number}", print.OrganizationName);
        Write(document, [print]);
    }

    /// <summary>
    /// Writes the certificates as one PDF, a page each, to <paramref name="output"/> (left open). The sequence is read
    /// once and never held whole: at most one chunk of 50 certificates (one embedded font subset) is in memory at a time.
    /// </summary>
    /// <exception cref="ArgumentException">The sequence is empty or holds a null.</exception>
    public void Render(IEnumerable<CertificatePrint> prints, Stream output)
    {
        ArgumentNullException.ThrowIfNull(prints);
        ArgumentNullException.ThrowIfNull(output);
        using var e = prints.GetEnumerator();
        if (!e.MoveNext())
            throw new ArgumentException("没有要打印的证书。 There is no certificate to print.", nameof(prints));
        var first = e.Current ?? throw NullPrint(nameof(prints));
        // the metadata goes first: peek at a second certificate to know whether the title names one or several
        var second = e.MoveNext() ? e.Current ?? throw NullPrint(nameof(prints)) : null;
        var title = second is null ? $"{Title} {first.Number}" : $"{Title} {first.Number} 等";
        using var document = Open(output, title, second is null ? first.OrganizationName : null);
        Write(document, Rest(first, second, e));
    }

    private static IEnumerable<CertificatePrint> Rest(CertificatePrint first, CertificatePrint? second, IEnumerator<CertificatePrint> e)
    {
        yield return first;
        if (second is null)
            yield break;
        yield return second;
        while (e.MoveNext())
            yield return e.Current ?? throw NullPrint("prints");
    }

    private static ArgumentException NullPrint(string parameter) =>
        new("证书列表中有空项。 The certificates hold a null.", parameter);

    private static SKDocument Open(Stream output, string title, string? author)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = title;
        metadata.Subject = Title;
        metadata.Author = author;
        metadata.Creator = Creator;
        metadata.RasterDpi = 300;
        return SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("无法创建 PDF 文档。 SkiaSharp could not create the PDF document.");
    }

    /// <summary>
    /// Writes the pages in chunks of <see cref="Chunk"/>: each chunk is first laid out on a canvas that draws nothing to
    /// learn which characters it prints, then drawn with a subset of the Kai face holding just those glyphs, which Skia
    /// embeds (it would otherwise embed the whole 15 MB font).
    /// </summary>
    private void Write(SKDocument document, IEnumerable<CertificatePrint> prints)
    {
        var subsets = new List<SKTypeface>();
        try
        {
            foreach (var chunk in prints.Chunk(Chunk))
            {
                var used = new HashSet<int>();
                using (var nowhere = new SKNoDrawCanvas((int)Math.Ceiling(PageWidth), (int)Math.Ceiling(PageHeight)))
                    foreach (var print in chunk)
                        DrawPage(nowhere, print, new Glyphs(fonts, fonts.Kai, used));
                var subset = fonts.Subset(used);
                if (subset is not null)
                    subsets.Add(subset);
                var glyphs = new Glyphs(fonts, subset ?? fonts.Kai, null);
                foreach (var print in chunk)
                {
                    var canvas = document.BeginPage(PageWidth, PageHeight);
                    DrawPage(canvas, print, glyphs);
                    document.EndPage();
                }
            }
            document.Close();
        }
        catch
        {
            document.Abort();
            throw;
        }
        finally
        {
            foreach (var subset in subsets)
                subset.Dispose();
        }
    }

    private static void DrawPage(SKCanvas canvas, CertificatePrint print, Glyphs glyphs)
    {
        using (var border = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2.25f, Color = Ink, IsAntialias = true })
            canvas.DrawRect(Border, border);
        DrawLeftPage(canvas, print, glyphs);
        DrawRightPage(canvas, print, glyphs);
        if (print.RevokedOn is { } revokedOn)
            DrawRevoked(canvas, revokedOn, glyphs);
    }

    /// <summary>A revoked certificate's paper must not pass for a valid one: 已撤销 and the date, large, across both pages.</summary>
    private static void DrawRevoked(SKCanvas canvas, LocalDate revokedOn, Glyphs glyphs)
    {
        var red = new SKColor(0xc4, 0x1d, 0x1d, 0xb0);
        canvas.Save();
        canvas.RotateDegrees(-18, Border.MidX, Border.MidY);
        new Face(glyphs, 96).Draw(canvas, "已撤销", Border.MidX, Border.MidY, SKTextAlign.Center, red);
        new Face(glyphs, 28).Draw(canvas, $"撤销日期：{ChineseDate(revokedOn)}", Border.MidX, Border.MidY + 40, SKTextAlign.Center, red);
        canvas.Restore();
    }
}
