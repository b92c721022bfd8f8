using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;
using Assessment.TestSupport;
using SkiaSharp;

namespace Assessment.UnitTests.Filing;

/// <summary>CRT-03: the seal a certificate prints is a PNG with a transparent background, trimmed and bounded in size.</summary>
public class SealImagesTests
{
    [Fact]
    public void CRT_03_a_transparent_png_is_trimmed_to_the_seal_and_keeps_its_transparency()
    {
        var judged = SealImages.Judge(SealPictures.Seal(800, 600));

        judged.Refusal.ShouldBeNull();
        // the ring spans half the shorter side plus its stroke: the transparent margins are cut away
        judged.Width.ShouldBeInRange(330, 370);
        judged.Height.ShouldBeInRange(judged.Width - 2, judged.Width + 2);
        using var stored = SKBitmap.Decode(judged.Png);
        stored.GetPixel(0, 0).Alpha.ShouldBeLessThan((byte)16);
        stored.GetPixel(stored.Width / 2, stored.Height / 2).Red.ShouldBeGreaterThan((byte)200);
    }

    [Fact]
    public void CRT_03_a_large_seal_is_stored_at_most_600_px()
    {
        var judged = SealImages.Judge(SealPictures.Seal(1900, 1900));

        judged.Refusal.ShouldBeNull();
        Math.Max(judged.Width, judged.Height).ShouldBe(SealImages.StoredSide);
    }

    [Theory]
    [InlineData("opaque", "透明背景")]
    [InlineData("jpeg", "PNG")]
    [InlineData("small", "过小")]
    [InlineData("empty", "空白")]
    [InlineData("garbage", "PNG")]
    public void CRT_03_what_cannot_print_as_a_seal_is_refused_with_the_reason(string kind, string reason)
    {
        var content = kind switch
        {
            "opaque" => SealPictures.Seal(400, 400, opaque: true),
            "jpeg" => SealPictures.Seal(400, 400, format: SKEncodedImageFormat.Jpeg),
            "small" => SealPictures.Seal(100, 100),
            "empty" => EmptyPng(),
            _ => "not an image"u8.ToArray(),
        };

        SealImages.Judge(content).Refusal.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void CRT_03_the_decider_refuses_an_unusable_seal_with_the_rule_and_records_a_usable_one_with_actor_and_date()
    {
        var org = new Organization { Id = Guid.NewGuid(), Name = "芜湖奇瑞" };
        var by = new Actor(Guid.NewGuid(), "org.user", "organization", null, Guid.NewGuid());
        var now = Instant.FromUtc(2026, 12, 7, 17, 0); // 01:00 on 8 December in China

        var error = Should.Throw<BusinessRuleException>(() =>
            OrganizationDecider.Seal(org, SealImages.Judge(SealPictures.Seal(400, 400, opaque: true)), Guid.NewGuid(), now, by));
        error.Violations.ShouldHaveSingleItem().RuleId.ShouldBe("CRT-03");

        var (uploaded, png) = OrganizationDecider.Seal(org, SealImages.Judge(SealPictures.Seal(400, 400)), Guid.NewGuid(), now, by);
        uploaded.UploadedOn.ShouldBe(new LocalDate(2026, 12, 8));
        uploaded.By.ShouldBe(by);
        uploaded.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)));
        org.SealId.ShouldBeNull(); // the aggregate given is never changed
    }

    private static byte[] EmptyPng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(300, 300, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
