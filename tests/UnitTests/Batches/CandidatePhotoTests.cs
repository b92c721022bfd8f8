using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;
using SkiaSharp;

namespace Assessment.UnitTests.Batches;

/// <summary>CRT-03: what the decider accepts as a candidate's 2-inch photo, and what it makes of it.</summary>
public class CandidatePhotoTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 2, 0);
    private static readonly Guid CandidateId = Guid.NewGuid();

    private static Batch Batch(BatchStatus status = BatchStatus.Filed)
    {
        var batch = Assessment.Batches.Batches.Batch.Create(new BatchDrafted(Guid.NewGuid(), Guid.NewGuid(), "芜湖某培训中心", Guid.NewGuid(), "Y00003402000001",
            "anhui", "340200", "第一批", Now, Actor.System));
        batch.Apply(new CandidatesAdded(batch.Id, [new Candidate(CandidateId, "张三", 201, "11010519491231002X", "某公司", "育婴员", 4, null, "芜湖市")], null,
            Now, Actor.System));
        batch.Status = status;
        return batch;
    }

    public static byte[] Image(int width, int height, SKEncodedImageFormat format, SKColor background)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background);
            using var paint = new SKPaint { Color = SKColors.SteelBlue };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 4f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static string RefusedCode(Batch batch, UploadedPhoto photo, Guid? candidate = null) =>
        Should.Throw<BusinessRuleException>(() => CandidatesDecider.Photo(batch, candidate ?? CandidateId, photo, Guid.NewGuid(), Now, Actor.System))
            .Violations.ShouldHaveSingleItem().Code;

    [Fact]
    public void CRT_03_a_transparent_landscape_png_becomes_a_white_backed_413_by_579_jpeg_with_its_hash_in_the_event()
    {
        var png = Image(1200, 800, SKEncodedImageFormat.Png, SKColors.Transparent);
        var photoId = Guid.NewGuid();
        var (uploaded, jpeg) = CandidatesDecider.Photo(Batch(), CandidateId, new UploadedPhoto("照片.png", "image/png", png), photoId, Now, Actor.System);

        (uploaded.PhotoId, uploaded.CandidateId, uploaded.Width, uploaded.Height, uploaded.Bytes).ShouldBe((photoId, CandidateId, 413, 579, jpeg.Length));
        uploaded.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg)));
        uploaded.By.ShouldBe(Actor.System);
        using var decoded = SKBitmap.Decode(jpeg);
        (decoded.Width, decoded.Height).ShouldBe((413, 579));
        // 白底: the transparent corners come out white, the middle keeps the picture
        var corner = decoded.GetPixel(2, 2);
        new[] { corner.Red, corner.Green, corner.Blue }.ShouldAllBe(c => c >= 245);
        decoded.GetPixel(206, 289).Blue.ShouldBeGreaterThan(decoded.GetPixel(206, 289).Red);
        jpeg.Length.ShouldBeLessThan(100_000);
    }

    [Fact]
    public void CRT_03_content_decides_not_the_name_and_the_size_must_be_printable()
    {
        var jpeg = Image(600, 800, SKEncodedImageFormat.Jpeg, SKColors.White);
        RefusedCode(Batch(), new UploadedPhoto("照片.jpg", "image/jpeg", "<html></html>"u8.ToArray())).ShouldBe("batch.photo-not-image");
        RefusedCode(Batch(), new UploadedPhoto("照片.jpg", null, "%PDF-1.7"u8.ToArray())).ShouldBe("batch.photo-not-image");
        RefusedCode(Batch(), new UploadedPhoto("照片.png", "image/png", jpeg)).ShouldBe("batch.photo-content-mismatch");
        RefusedCode(Batch(), new UploadedPhoto("照片.jpg", "image/jpeg", jpeg[..(jpeg.Length / 2)])).ShouldBe("batch.photo-malformed");
        RefusedCode(Batch(), new UploadedPhoto("小.jpg", null, Image(100, 120, SKEncodedImageFormat.Jpeg, SKColors.White))).ShouldBe("batch.photo-dimensions");
        RefusedCode(Batch(), new UploadedPhoto("照片.jpg", null, jpeg), Guid.NewGuid()).ShouldBe("batch.candidate-unknown");
        RefusedCode(Batch(BatchStatus.Accepted), new UploadedPhoto("照片.jpg", null, jpeg)).ShouldBe("batch.photo-after-acceptance");
        // a generic or missing declared type claims nothing: the JPEG is accepted in any state before acceptance
        foreach (var status in new[] { BatchStatus.Draft, BatchStatus.Suspended, BatchStatus.Reported })
            CandidatesDecider.Photo(Batch(status), CandidateId, new UploadedPhoto("photo", null, jpeg), Guid.NewGuid(), Now, Actor.System).Jpeg.ShouldNotBeEmpty();
    }

    [Fact]
    public void CRT_03_the_photo_reference_travels_to_the_certificates_and_a_removed_candidate_loses_it()
    {
        var batch = Batch();
        var photoId = Guid.NewGuid();
        var roster = batch.Apply(new Roster([]).With(new CandidatesAdded(batch.Id,
                [new Candidate(CandidateId, "张三", 201, "11010519491231002X", "某公司", "育婴员", 4, null, "芜湖市")], null, Now, Actor.System)),
            new CandidatePhotoUploaded(batch.Id, CandidateId, photoId, "00", 413, 579, 1, null, Now, Actor.System));
        roster.PhotoOf(CandidateId).ShouldBe(photoId);
        batch.Any(CandidateMarks.Photographed).ShouldBeTrue();
        roster = batch.Apply(roster, new CandidateRemoved(batch.Id, CandidateId, Now, Actor.System));
        roster.Count.ShouldBe(0);
        batch.Any(CandidateMarks.Photographed).ShouldBeFalse();
    }
}
