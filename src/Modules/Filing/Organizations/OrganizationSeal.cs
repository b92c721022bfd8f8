using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Marten;
using NodaTime;
using SkiaSharp;

namespace Assessment.Filing.Organizations;

/// <summary>CRT-03: the organization uploaded the seal image certificates print from <paramref name="UploadedOn"/> on.</summary>
public sealed record OrganizationSealUploaded(Guid OrganizationId, Guid SealId, string Sha256, int Width, int Height, LocalDate UploadedOn,
    Instant UploadedAt, Actor By);

/// <summary>The stored bytes of one seal image: a trimmed PNG with its transparency. Kept after a newer one, for earlier prints.</summary>
public sealed class OrganizationSealFile
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Sha256 { get; set; } = "";
    public Instant UploadedAt { get; set; }
    /// <summary>The upload's day in China (days since 0001-01-01), what a print's date is compared with.</summary>
    public int UploadedDay { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>What a seal image must be (CRT-03 seal; [AH] 附件6 note 2: name and seal as filed) and how it is stored.</summary>
public static class SealImages
{
    public const long MaxBytes = 1024 * 1024;
    public const int MinSide = 150, MaxSide = 3000;

    /// <summary>A PNG is decoded whole: at most 4 megapixels (16 MB of RGBA) whatever its file size.</summary>
    public const long MaxPixels = 4_000_000;

    /// <summary>The stored image's longer side: 40 mm printed at about 380 dpi.</summary>
    public const int StoredSide = 600;

    /// <summary>
    /// The picture judged as a printed seal: the Chinese reason it cannot be one (for the 422), or the seal trimmed to its visible
    /// pixels and scaled to at most <see cref="StoredSide"/>, as PNG with its transparency.
    /// </summary>
    public static SealImage Judge(byte[] content)
    {
        if (FileSniffer.Sniff(content) != FileSniffer.Png) return SealImage.Refused("印章图片须为PNG格式（透明背景）。");
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null) return SealImage.Refused("印章图片无法读取，请重新导出PNG。");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < MinSide || height < MinSide) return SealImage.Refused($"印章图片过小，长宽均应不少于{MinSide}像素。");
        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
            return SealImage.Refused($"印章图片过大，长宽均应不超过{MaxSide}像素且不超过{MaxPixels / 1_000_000}百万像素。");
        using var bitmap = SKBitmap.Decode(codec, new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (bitmap is null) return SealImage.Refused("印章图片无法解码，请重新导出PNG。");
        var pixels = bitmap.Pixels;
        var (transparent, solid) = (0L, 0L);
        var (left, top, right, bottom) = (width, height, -1, -1);
        for (var i = 0; i < pixels.Length; i++)
        {
            var alpha = pixels[i].Alpha;
            if (alpha < 16)
            {
                transparent++;
                continue;
            }
            if (alpha > 128) solid++;
            var (x, y) = (i % width, i / width);
            (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
        }
        // an opaque background would print as a white square over the organization's name and date
        if (transparent < pixels.Length / 10) return SealImage.Refused("印章图片须为透明背景的PNG：背景不透明会遮住机构名称和日期。");
        if (solid < pixels.Length / 100) return SealImage.Refused("印章图片几乎是空白的，请上传清晰的印章图样。");
        var visible = SKRectI.Create(left, top, right - left + 1, bottom - top + 1);
        var scale = Math.Min(1f, (float)StoredSide / Math.Max(visible.Width, visible.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(visible.Width * scale)), Math.Max(1, (int)(visible.Height * scale)),
            SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.Transparent);
        using var image = SKImage.FromBitmap(bitmap);
        surface.Canvas.DrawImage(image, visible, SKRect.Create(info.Width, info.Height),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return new SealImage(null, png.ToArray(), info.Width, info.Height);
    }
}

/// <summary>A judged seal picture: <see cref="Refusal"/> in Chinese, or the <see cref="Png"/> to store and print.</summary>
public sealed record SealImage(string? Refusal, byte[] Png, int Width, int Height)
{
    public static SealImage Refused(string why) => new(why, [], 0, 0);
}

/// <summary>The Filing module's answer to <see cref="IOrganizationSeals"/>.</summary>
public sealed class StoredOrganizationSeals : IOrganizationSeals
{
    public async Task<byte[]?> AsOfAsync(IQuerySession session, Guid organizationId, LocalDate printedOn, CancellationToken ct = default)
    {
        var day = printedOn.ToDateOnly().DayNumber;
        // ids are version-7 uuids: the later upload of the same day sorts last
        var seal = await session.Query<OrganizationSealFile>()
            .Where(f => f.OrganizationId == organizationId && f.UploadedDay <= day)
            .OrderByDescending(f => f.UploadedDay).ThenByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        return seal?.Content;
    }
}
