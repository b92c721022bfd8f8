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
public sealed class CertificatePdf(CertificateFonts fonts)
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

    // ---- left page: title, statement, issuer and date, web address ----

    private static void DrawLeftPage(SKCanvas canvas, CertificatePrint print, Glyphs glyphs)
    {
        var title = new Face(glyphs, TitleSize);
        title.Draw(canvas, Title, LeftPage.MidX, Border.Top + 40 * Mm, SKTextAlign.Center);

        var body = new Face(glyphs, BodySize);
        var width = LeftPage.Width;
        var statement = $"本证书由{print.OrganizationName}颁发，表明持证人通过本机构组织的职业技能等级认定，具备该职业（工种）相应技能等级水平。";
        var y = Border.Top + 62 * Mm;
        foreach (var line in Wrap(body, statement, width, firstIndent: 2 * BodySize))
        {
            body.Draw(canvas, line.Text, LeftPage.Left + line.Indent, y, SKTextAlign.Left);
            y += body.LineHeight;
        }

        // the issuer and the date sit low on the page, right-aligned; the seal is stamped over the issuer's name
        var web = new Face(glyphs, WebSize);
        var webLines = Wrap(web, "证书查询网址：" + print.WebAddress, width);
        var webTop = Border.Bottom - 14 * Mm - (webLines.Count - 1) * web.LineHeight;
        // the seal mark follows the name on its last line, or takes a line of its own
        var issuerLines = Wrap(body, print.OrganizationName, width);
        const string seal = "（印章）";
        if (body.Measure(issuerLines[^1].Text + seal) <= width)
            issuerLines[^1] = issuerLines[^1] with { Text = issuerLines[^1].Text + seal };
        else
            issuerLines.Add(new Line(seal, 0));
        var dateBaseline = Math.Max(webTop - 22 * Mm, y + issuerLines.Count * body.LineHeight + body.LineHeight);
        var issuerBaseline = dateBaseline - issuerLines.Count * body.LineHeight;
        foreach (var line in issuerLines)
        {
            body.Draw(canvas, line.Text, LeftPage.Right, issuerBaseline, SKTextAlign.Right);
            issuerBaseline += body.LineHeight;
        }
        body.Draw(canvas, ChineseDate(print.IssuedOn), LeftPage.Right, dateBaseline, SKTextAlign.Right);

        var webBaseline = Math.Max(webTop, dateBaseline + 2 * body.LineHeight);
        foreach (var line in webLines)
        {
            web.Draw(canvas, line.Text, LeftPage.Left, webBaseline, SKTextAlign.Left);
            webBaseline += web.LineHeight;
        }
    }

    // ---- right page: photo, QR code, basic information ----

    private static void DrawRightPage(SKCanvas canvas, CertificatePrint print, Glyphs glyphs)
    {
        var photoBox = SKRect.Create(RightPage.Left, Border.Top + 14 * Mm, 35 * Mm, 49 * Mm);
        DrawPhoto(canvas, print, photoBox, glyphs);

        var qrBox = SKRect.Create(RightPage.Right - 30 * Mm, photoBox.Bottom - 30 * Mm, 30 * Mm, 30 * Mm);
        DrawQr(canvas, print.QrContent, qrBox);
        if (Uri.TryCreate(print.VerificationUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            canvas.DrawUrlAnnotation(qrBox, url.AbsoluteUri)?.Dispose();

        List<(string Label, string Value)> rows =
        [
            ("姓名", print.HolderName),
            ("证件类型", print.DocumentTypeName),
            ("证件号码", print.DocumentNumber),
            ("职业名称", print.Occupation),
            ("工种", string.IsNullOrWhiteSpace(print.WorkType) ? NoWorkType : print.WorkType),
            ("职业技能等级", print.LevelName),
            ("证书编号", print.Number),
            ("发证日期", ChineseDate(print.IssuedOn)),
            ("评价机构", print.OrganizationName),
        ];
        // a re-print says so under the same number (补发/更正 and the date), leaving the rest of 附件6 as it is
        if (print.Reprint is { } mark)
            rows.Add((mark.Label, ChineseDate(mark.On)));
        var top = photoBox.Bottom + 10 * Mm;
        var bottom = Border.Bottom - 12 * Mm;
        // 16 pt as CRT-03 asks; only names too long for the page step the size down, never below 12 pt
        for (var size = BodySize; ; size--)
        {
            var face = new Face(glyphs, size);
            var labelWidth = rows.Max(r => face.Measure(r.Label + "：")) + size / 4;
            var laidOut = rows.Select(r => (r.Label, Lines: Wrap(face, r.Value, RightPage.Width - labelWidth))).ToList();
            var rowGap = face.LineHeight * 0.25f;
            var height = laidOut.Sum(r => r.Lines.Count * face.LineHeight) + (rows.Count - 1) * rowGap;
            if (height > bottom - top && size > MinInfoSize)
                continue;
            var y = top + face.Ascent;
            foreach (var (label, lines) in laidOut)
            {
                face.Draw(canvas, label + "：", RightPage.Left, y, SKTextAlign.Left);
                foreach (var line in lines)
                {
                    face.Draw(canvas, line.Text, RightPage.Left + labelWidth, y, SKTextAlign.Left);
                    y += face.LineHeight;
                }
                y += rowGap;
            }
            return;
        }
    }

    private static void DrawPhoto(SKCanvas canvas, CertificatePrint print, SKRect box, Glyphs glyphs)
    {
        using var white = new SKPaint { Style = SKPaintStyle.Fill, Color = SKColors.White };
        canvas.DrawRect(box, white);
        if (print.Photo is { Length: > 0 } bytes)
        {
            using var image = SKImage.FromEncodedData(bytes)
                ?? throw new ArgumentException($"证书 {print.Number} 的照片无法解码。 The photo of certificate {print.Number} cannot be decoded.", nameof(print));
            // fit inside the box, centred, keeping the proportions (the white box shows around an off-size photo)
            var scale = Math.Min(box.Width / image.Width, box.Height / image.Height);
            var fitted = SKRect.Create(box.MidX - image.Width * scale / 2, box.MidY - image.Height * scale / 2, image.Width * scale, image.Height * scale);
            canvas.DrawImage(image, fitted, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            return;
        }
        using var frame = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 0.75f, Color = Faint, IsAntialias = true };
        canvas.DrawRect(box, frame);
        var face = new Face(glyphs, BodySize);
        face.Draw(canvas, "照片", box.MidX, box.MidY + face.Ascent / 2 - face.Descent / 2, SKTextAlign.Center, Faint);
    }

    /// <summary>Draws the QR code as vector rectangles, quiet zone included, filling <paramref name="box"/>.</summary>
    private static void DrawQr(SKCanvas canvas, string content, SKRect box)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var cell = box.Width / matrix.Count;
        using var white = new SKPaint { Style = SKPaintStyle.Fill, Color = SKColors.White };
        using var black = new SKPaint { Style = SKPaintStyle.Fill, Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(box, white);
        for (var row = 0; row < matrix.Count; row++)
        {
            var modules = matrix[row];
            for (var col = 0; col < modules.Length; col++)
            {
                if (!modules[col])
                    continue;
                var start = col;
                while (col + 1 < modules.Length && modules[col + 1])
                    col++;
                canvas.DrawRect(SKRect.Create(box.Left + start * cell, box.Top + row * cell, (col - start + 1) * cell, cell), black);
            }
        }
    }

    private static string ChineseDate(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日";

    // ---- text: measuring, wrapping and drawing with per-character fallback faces ----

    private readonly record struct Line(string Text, float Indent);

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: between any two Chinese
    /// characters, at spaces, inside Latin words only when a word is longer than a line; closing punctuation never
    /// starts a line and opening punctuation never ends one.
    /// </summary>
    private static List<Line> Wrap(Face face, string text, float width, float firstIndent = 0)
    {
        var lines = new List<Line>();
        var current = new StringBuilder();
        var indent = firstIndent;
        void Flush()
        {
            lines.Add(new Line(current.ToString().TrimEnd(), indent));
            current.Clear();
            indent = 0;
        }
        foreach (var unit in Units(text))
        {
            if (current.Length == 0 && unit == " ")
                continue;
            if (face.Measure(current + unit) <= width - indent)
            {
                current.Append(unit);
                continue;
            }
            if (current.Length > 0)
                Flush();
            var piece = unit.TrimStart();
            // a unit wider than a whole line (a long URL or number) is cut wherever it has to be
            while (piece.Length > 0 && face.Measure(piece) > width - indent)
            {
                var fit = face.Fit(piece, width - indent);
                if (fit == 0)
                    fit = Rune.GetRuneAt(piece, 0).Utf16SequenceLength;
                current.Append(piece[..fit]);
                Flush();
                piece = piece[fit..];
            }
            current.Append(piece);
        }
        if (current.Length > 0 || lines.Count == 0)
            Flush();
        return lines;
    }

    private const string NoLineStart = "，。、；：！？）》」』】〕”’·…—,.;:!?)]}%";
    private const string NoLineEnd = "（《「『【〔“‘([{";

    /// <summary>Splits text into unbreakable units: a Chinese character, a space, or a run of other non-space characters.</summary>
    private static List<string> Units(string text)
    {
        var units = new List<string>();
        var word = new StringBuilder();
        var glueNext = false;
        void Add(string unit)
        {
            if (units.Count > 0 && (glueNext || NoLineStart.Contains(unit[0])) && unit != " ")
                units[^1] += unit;
            else
                units.Add(unit);
            glueNext = NoLineEnd.Contains(unit[^1]);
        }
        void FlushWord()
        {
            if (word.Length > 0)
                Add(word.ToString());
            word.Clear();
        }
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (Rune.IsWhiteSpace(rune))
            {
                FlushWord();
                Add(" ");
            }
            else if (rune.Value < 0x2E80 && !NoLineEnd.Contains(s) && !NoLineStart.Contains(s))
                word.Append(s); // Latin letters, digits and their punctuation stay together
            else
            {
                FlushWord();
                Add(s);
            }
        }
        FlushWord();
        return units;
    }

    /// <summary>
    /// Which face draws a character: the Kai face given (the whole font, or a document's subset of it) when the font
    /// has the glyph, else a fallback face. The layout pass passes <c>used</c> to note the Kai characters.
    /// </summary>
    private sealed class Glyphs(CertificateFonts fonts, SKTypeface kai, HashSet<int>? used)
    {
        public SKTypeface Kai => kai;

        public SKTypeface For(int codePoint)
        {
            var face = fonts.For(codePoint);
            if (!ReferenceEquals(face, fonts.Kai))
                return face;
            used?.Add(codePoint);
            return kai;
        }
    }

    /// <summary>One size of the Kai face, falling back per character to another installed face when Kai lacks a glyph.</summary>
    private sealed class Face(Glyphs glyphs, float size)
    {
        private readonly SKFontMetrics metrics = Metrics(glyphs.Kai, size);

        public float LineHeight => metrics.Descent - metrics.Ascent + metrics.Leading;
        public float Ascent => -metrics.Ascent;
        public float Descent => metrics.Descent;

        private static SKFontMetrics Metrics(SKTypeface face, float size)
        {
            using var font = Font(face, size);
            font.GetFontMetrics(out var metrics);
            return metrics;
        }

        private static SKFont Font(SKTypeface face, float size) =>
            new(face, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Edging = SKFontEdging.Antialias };

        /// <summary>Consecutive characters drawn with the same face.</summary>
        private IEnumerable<(SKTypeface Face, string Text)> Runs(string text)
        {
            var run = new StringBuilder();
            SKTypeface? runFace = null;
            foreach (var rune in text.EnumerateRunes())
            {
                var face = glyphs.For(rune.Value);
                if (runFace is not null && !ReferenceEquals(face, runFace))
                {
                    yield return (runFace, run.ToString());
                    run.Clear();
                }
                runFace = face;
                run.Append(rune.ToString());
            }
            if (runFace is not null)
                yield return (runFace, run.ToString());
        }

        public float Measure(string text)
        {
            var width = 0f;
            foreach (var (face, part) in Runs(text))
            {
                using var font = Font(face, size);
                width += font.MeasureText(part);
            }
            return width;
        }

        /// <summary>How many UTF-16 chars of <paramref name="text"/> fit in <paramref name="width"/>.</summary>
        public int Fit(string text, float width)
        {
            var count = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                if (Measure(text[..(count + rune.Utf16SequenceLength)]) > width)
                    break;
                count += rune.Utf16SequenceLength;
            }
            return count;
        }

        public void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKColor? color = null)
        {
            var width = Measure(text);
            x = align switch
            {
                SKTextAlign.Center => x - width / 2,
                SKTextAlign.Right => x - width,
                _ => x,
            };
            using var paint = new SKPaint { Color = color ?? Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
            foreach (var (face, part) in Runs(text))
            {
                using var font = Font(face, size);
                canvas.DrawText(part, x, baseline, SKTextAlign.Left, font, paint);
                x += font.MeasureText(part);
            }
        }
    }
}
