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

    /// <summary>Adam7-interlaced PNGs are decoded whole (Skia cannot read them row by row), so they are held to fewer pixels.</summary>
    public const long MaxInterlacedPixels = 4_000_000;

    /// <summary>The pixel limit for this file: <see cref="MaxInterlacedPixels"/> for an interlaced PNG, else <see cref="MaxPixels"/>.</summary>
    public static long PixelLimit(ReadOnlySpan<byte> content) =>
        content.Length > 28 && FileSniffer.Sniff(content) == FileSniffer.Png && content[28] == 1 ? MaxInterlacedPixels : MaxPixels;

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
    /// The pixels reduced by a whole factor that keeps the short side at least <see cref="Height"/>: a JPEG by the codec's own
    /// DCT scaling, anything else row by row into a box average, so the full-size pixels are never held at once.
    /// </summary>
    internal static SKBitmap? DecodeReduced(SKCodec codec)
    {
        var full = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var factor = Math.Max(1, Math.Min(full.Width, full.Height) / Height);
        if (factor == 1) return Decode(codec, full);
        var scaled = codec.GetScaledDimensions(1f / factor);
        if (scaled.Width < full.Width && scaled.Width > 0 && scaled.Height > 0) return Decode(codec, full.WithSize(scaled.Width, scaled.Height));
        return codec.ScanlineOrder == SKCodecScanlineOrder.TopDown && codec.StartScanlineDecode(full) == SKCodecResult.Success
            ? BoxAverage(codec, full.Width, full.Height, factor)
            : null;
    }

    private static SKBitmap? Decode(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput) return bitmap;
        bitmap.Dispose();
        return null;
    }

    private static SKBitmap? BoxAverage(SKCodec codec, int width, int height, int factor)
    {
        var (outWidth, outHeight) = (width / factor, height / factor);
        var bitmap = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var line = new byte[width * 4];
        var sums = new int[outWidth * 4];
        var output = new byte[outWidth * 4];
        var pinned = System.Runtime.InteropServices.GCHandle.Alloc(line, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            for (var y = 0; y < outHeight * factor; y++)
            {
                if (codec.GetScanlines(pinned.AddrOfPinnedObject(), 1, line.Length) != 1) { bitmap.Dispose(); return null; }
                for (var x = 0; x < outWidth * factor * 4; x++) sums[x / (factor * 4) * 4 + x % 4] += line[x];
                if ((y + 1) % factor != 0) continue;
                for (var i = 0; i < sums.Length; i++) output[i] = (byte)(sums[i] / (factor * factor));
                System.Runtime.InteropServices.Marshal.Copy(output, 0, bitmap.GetPixels() + (y / factor) * bitmap.RowBytes, output.Length);
                Array.Clear(sums);
            }
        }
        finally
        {
            pinned.Free();
        }
        return bitmap;
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
    public async Task<IReadOnlyDictionary<Guid, byte[]>> LoadAsync(IQuerySession session, IReadOnlyCollection<Guid> photoIds, CancellationToken ct = default)
    {
        if (photoIds.Count == 0) return new Dictionary<Guid, byte[]>();
        var files = await session.LoadManyAsync<CandidatePhotoFile>(ct, photoIds.Distinct());
        return files.ToDictionary(f => f.Id, f => f.Content);
    }
}
