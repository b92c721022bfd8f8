using SkiaSharp;

namespace Assessment.TestSupport;

/// <summary>Seal pictures for the unit and the integration tests (linked into both projects).</summary>
public static class SealPictures
{
    /// <summary>A red ring seal on a transparent <paramref name="width"/> × <paramref name="height"/> canvas (optionally opaque).</summary>
    public static byte[] Seal(int width, int height, bool opaque = false, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(opaque ? SKColors.White : SKColors.Transparent);
            using var ring = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Stroke, StrokeWidth = width / 12f, IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, ring);
            using var star = new SKPaint { Color = SKColors.Red, Style = SKPaintStyle.Fill };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 16f, star);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
