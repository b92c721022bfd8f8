using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Marten;
using SkiaSharp;

namespace Assessment.Batches.Candidates;

/// <summary>The stored bytes of one candidate photo (CRT-03): the normalized JPEG, kept in the database beside the batch's events.</summary>
public sealed class CandidatePhotoFile
{
    public Guid Id { get; set; }
    public Guid BatchId { get; set; }
    public Guid CandidateId { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>A 2-inch photo (二寸照片, 35 mm × 49 mm, white background) as the certificate prints it (CRT-03).</summary>
public static class CandidatePhotoImages
{
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>35 mm × 49 mm at 300 dpi.</summary>
    public const int Width = 413, Height = 579;

    /// <summary>Smallest and largest accepted source dimensions: large enough to print sharply, small enough to decode safely.</summary>
    public const int MinWidth = 140, MinHeight = 190, MaxSide = 6000;

    /// <summary>
    /// At most 16 megapixels (a 4608 × 3456 camera picture), whatever the file's size: a few kilobytes can declare 6000 × 6000,
    /// which would be 144 MB of pixels per decode.
    /// </summary>
    public const long MaxPixels = 16_000_000;

    /// <summary>A PNG is decoded whole (Skia cannot reduce it while decoding), so it is held to fewer pixels: 16 MB of RGBA.</summary>
    public const long MaxPngPixels = 4_000_000;

    /// <summary>The pixel limit for this file: <see cref="MaxPngPixels"/> for a PNG, else <see cref="MaxPixels"/>.</summary>
    public static long PixelLimit(byte[] content) => FileSniffer.Sniff(content) == FileSniffer.Png ? MaxPngPixels : MaxPixels;

    /// <summary>
    /// The header's pixel size without decoding the pixels (a decompression bomb is refused before it is expanded), or
    /// null when the content cannot be read as an image at all.
    /// </summary>
    public static (int Width, int Height)? Dimensions(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>
    /// The photo as printed: the EXIF orientation applied, transparency flattened onto white (白底), the centre cropped to
    /// 35:49 and scaled to <see cref="Width"/> × <see cref="Height"/>, encoded as JPEG. Null when the pixels do not decode
    /// or are more than <see cref="PixelLimit"/>. The source is decoded already reduced (<see cref="DecodeReduced"/>).
    /// </summary>
    public static byte[]? Normalize(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > PixelLimit(content)) return null;
        using var decoded = DecodeReduced(codec);
        if (decoded is null) return null;
        using var source = Orient(decoded, codec.EncodedOrigin);

        // the largest 35:49 rectangle in the middle of the source
        float sw = source.Width, sh = source.Height;
        var crop = sw / sh > (float)Width / Height
            ? SKRect.Create((sw - sh * Width / Height) / 2, 0, sh * Width / Height, sh)
            : SKRect.Create(0, (sh - sw * Height / Width) / 2, sw, sw * Height / Width);
        using var target = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, crop, SKRect.Create(0, 0, Width, Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var result = SKImage.FromBitmap(target);
        using var jpeg = result.Encode(SKEncodedImageFormat.Jpeg, 88);
        return jpeg?.ToArray();
    }

    /// <summary>
    /// The pixels reduced by the codec while decoding (a JPEG by DCT scaling to 1/8 … 8/8) as far as the short side stays at
    /// least <see cref="Height"/>; a format that cannot be reduced is decoded whole, within its <see cref="PixelLimit"/>.
    /// </summary>
    internal static SKBitmap? DecodeReduced(SKCodec codec)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var factor = Math.Max(1, Math.Min(info.Width, info.Height) / Height);
        var scaled = codec.GetScaledDimensions(1f / factor);
        if (factor > 1 && scaled.Width > 0 && scaled.Height > 0 && scaled.Width < info.Width) info = info.WithSize(scaled.Width, scaled.Height);
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) is SKCodecResult.Success or SKCodecResult.IncompleteInput) return bitmap;
        bitmap.Dispose();
        return null;
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return bitmap.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.RotateDegrees(-90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftBottom: canvas.RotateDegrees(-90); break;
        }
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return rotated;
    }
}

/// <summary>
/// The Batches module's answer to <see cref="ICandidatePhotos"/>: the normalized JPEG of each photo id a certificate
/// references (ids unknown here are simply absent — the certificate then prints its placeholder).
/// </summary>
public sealed class StoredCandidatePhotos : ICandidatePhotos
{
    public async Task<IReadOnlyDictionary<Guid, byte[]>> LoadAsync(IQuerySession session, IReadOnlyCollection<Guid> photoIds,
        CancellationToken ct = default)
    {
        if (photoIds.Count == 0) return new Dictionary<Guid, byte[]>();
        var files = await session.LoadManyAsync<CandidatePhotoFile>(ct, photoIds.Distinct());
        return files.ToDictionary(f => f.Id, f => f.Content);
    }
}
