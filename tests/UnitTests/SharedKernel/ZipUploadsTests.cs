using System.IO.Compression;
using System.Text;
using Assessment.SharedKernel;

namespace Assessment.UnitTests.SharedKernel;

/// <summary>Issue 18 item 11: a zip of photos is judged before it is expanded, then read one entry at a time.</summary>
public class ZipUploadsTests
{
    private static readonly ZipLimits Limits = new(3, 2 * 1024 * 1024);

    private static byte[] Zip(params (string Name, byte[] Content, CompressionLevel Level)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content, level) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }

    [Fact]
    public void issue_18_an_entry_that_understates_its_size_is_refused_without_being_expanded_beyond_it()
    {
        var bytes = Zip(("110101199003071234.jpg", Encoding.ASCII.GetBytes(new string(' ', 30 * 1024 * 1024)), CompressionLevel.SmallestSize));
        var central = bytes.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BitConverter.TryWriteBytes(bytes.AsSpan(22, 4), 1000).ShouldBeTrue();
        BitConverter.TryWriteBytes(bytes.AsSpan(central + 24, 4), 1000).ShouldBeTrue();

        var before = GC.GetAllocatedBytesForCurrentThread();
        // refused, or (the runtime's entry stream stops at the declared size) read as the 1000 bytes it declares, never more
        if (ZipUploads.Check(bytes, Limits) is { } refused) refused.Status.ShouldBeOneOf(400, 413);
        else ZipUploads.Entries(bytes, Limits).Single().Content!.Length.ShouldBe(1000);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(10 * 1024 * 1024);
    }

    [Fact]
    public void issue_18_too_many_files_or_an_absurd_ratio_is_413_naming_the_limit()
    {
        var many = Zip([.. Enumerable.Range(0, 4).Select(i => ($"{i}.jpg", new byte[] { 1 }, CompressionLevel.NoCompression))]);
        ZipUploads.Check(many, Limits)!.Detail.ShouldBe("一次上传了4个文件，一次最多3个，请分批上传。");
        var bomb = Zip(("炸弹.jpg", new byte[50 * 1024 * 1024], CompressionLevel.SmallestSize));
        var refused = ZipUploads.Check(bomb, Limits).ShouldNotBeNull();
        (refused.Status, refused.Extensions["code"]).ShouldBe((413, (object)"archive-too-large"));
        ZipUploads.Check("PK\u0003\u0004 broken"u8.ToArray(), Limits)!.Status.ShouldBe(400);
    }

    [Fact]
    public void issue_18_entries_come_one_at_a_time_an_oversized_one_unread_and_os_litter_skipped()
    {
        var zip = Zip(("照片/a.jpg", [1, 2, 3], CompressionLevel.NoCompression), ("__MACOSX/._a.jpg", [0], CompressionLevel.NoCompression),
            ("big.jpg", new byte[2 * 1024 * 1024 + 1], CompressionLevel.NoCompression));
        ZipUploads.Check(zip, Limits).ShouldBeNull();
        ZipUploads.Names(zip).ShouldBe(["a.jpg", "big.jpg"]);
        var entries = ZipUploads.Entries(zip, Limits).ToList();
        entries.Select(e => (e.Name, e.Length, e.Content?.Length)).ShouldBe([("a.jpg", 3L, (int?)3), ("big.jpg", 2L * 1024 * 1024 + 1, null)]);
    }
}
