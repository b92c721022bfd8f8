using System.Text;
using NodaTime;
using QRCoder;
using SkiaSharp;

namespace Assessment.Certificates.Documents;

public sealed partial class CertificatePdf
{
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
        var issuerLines = Wrap(body, print.OrganizationName, width);
        var dateBaseline = Math.Max(webTop - 22 * Mm, y + issuerLines.Count * body.LineHeight + body.LineHeight);
        var issuerBaseline = dateBaseline - issuerLines.Count * body.LineHeight;
        var issuerTop = issuerBaseline - body.Ascent;
        foreach (var line in issuerLines)
        {
            body.Draw(canvas, line.Text, LeftPage.Right, issuerBaseline, SKTextAlign.Right);
            issuerBaseline += body.LineHeight;
        }
        var date = ChineseDate(print.IssuedOn);
        body.Draw(canvas, date, LeftPage.Right, dateBaseline, SKTextAlign.Right);
        // the seal is stamped over the issuer's name and the date, centred on the date ("骑年盖月")
        if (print.Seal is { Length: > 0 } seal)
            DrawSeal(canvas, print, seal, LeftPage.Right - body.Measure(date) / 2, (issuerTop + dateBaseline) / 2);

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
        DrawPhoto(canvas, print, photoBox);

        var qrBox = SKRect.Create(RightPage.Right - 30 * Mm, photoBox.Bottom - 30 * Mm, 30 * Mm, 30 * Mm);
        DrawQr(canvas, print.QrContent, qrBox);
        if (Uri.TryCreate(print.VerificationUrl, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
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

    /// <summary>The seal at <see cref="SealSize"/> (its longer side), centred on (<paramref name="x"/>, <paramref name="y"/>).</summary>
    private static void DrawSeal(SKCanvas canvas, CertificatePrint print, byte[] seal, float x, float y)
    {
        using var image = SKImage.FromEncodedData(seal)
            ?? throw new ArgumentException($"证书 {print.Number} 的印章图片无法解码。 The seal of certificate {print.Number} cannot be decoded.",
                nameof(print));
        var scale = SealSize / Math.Max(image.Width, image.Height);
        var box = SKRect.Create(x - image.Width * scale / 2, y - image.Height * scale / 2, image.Width * scale, image.Height * scale);
        canvas.DrawImage(image, box, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    private static void DrawPhoto(SKCanvas canvas, CertificatePrint print, SKRect box)
    {
        using var white = new SKPaint { Style = SKPaintStyle.Fill, Color = SKColors.White };
        canvas.DrawRect(box, white);
        if (print.Photo is { Length: > 0 } bytes)
        {
            using var image = SKImage.FromEncodedData(bytes)
                ?? throw new ArgumentException(
                    $"证书 {print.Number} 的照片无法解码。 The photo of certificate {print.Number} cannot be decoded.", nameof(print));
            // fit inside the box, centred, keeping the proportions (the white box shows around an off-size photo)
            var scale = Math.Min(box.Width / image.Width, box.Height / image.Height);
            var fitted = SKRect.Create(box.MidX - image.Width * scale / 2, box.MidY - image.Height * scale / 2,
                image.Width * scale, image.Height * scale);
            canvas.DrawImage(image, fitted, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
            return;
        }
        // an empty box stays empty: a faint frame where a photo is pasted on paper
        using var frame = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 0.75f, Color = Faint, IsAntialias = true };
        canvas.DrawRect(box, frame);
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
}
