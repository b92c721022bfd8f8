using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.SharedKernel;

/// <summary>
/// What an uploaded zip of files (photos) may hold: a few kilobytes can declare gigabytes, so the entry count, each entry's
/// declared size and its compression ratio are judged from the central directory before anything is expanded.
/// </summary>
public sealed record ZipLimits(int MaxEntries, long MaxEntryBytes, int MaxRatio = 100, long RatioFreeBytes = 1024 * 1024);

/// <summary>One file of an uploaded zip: its bare name, declared size, and its bytes only when within the entry limit.</summary>
public sealed record ZipEntryContent(string Name, long Length, byte[]? Content);

/// <summary>
/// Uploaded zips, read with bounded memory: <see cref="Check"/> refuses an archive beyond <see cref="ZipLimits"/> (413) or unreadable
/// (400) — every entry within the limit decompressed once through a counter that stops at its declared size (a zip can lie) —
/// and <see cref="Entries"/> then yields the files one at a time, an entry over the limit without its bytes.
/// </summary>
public static class ZipUploads
{
    public const string TooLargeCode = "archive-too-large";

    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8);

    /// <summary>Null when the archive may be read; otherwise the 413 naming the limit or the 400 for a broken archive.</summary>
    public static ProblemDetails? Check(byte[] zip, ZipLimits limits, CancellationToken ct = default)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            var files = archive.Entries.Where(IsFile).ToList();
            if (files.Count > limits.MaxEntries) return TooMany(files.Count, limits.MaxEntries);
            foreach (var entry in files.Where(e => e.Length > limits.RatioFreeBytes && e.Length > e.CompressedLength * limits.MaxRatio))
                return TooLarge($"压缩包中的“{entry.Name}”压缩比超过{limits.MaxRatio}:1，不是正常的照片文件。");
            foreach (var entry in files.Where(e => e.Length <= limits.MaxEntryBytes))
            {
                ct.ThrowIfCancellationRequested();
                if (Read(entry) is null) return TooLarge($"压缩包中的“{entry.Name}”解压后超过其声明的大小。");
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return Problems.Problems.Validation("file", "压缩包已损坏或不是zip格式。");
        }
    }

    /// <summary>The archive's files in order (folders and operating-system litter such as __MACOSX skipped), read one at a time.</summary>
    public static IEnumerable<ZipEntryContent> Entries(byte[] zip, ZipLimits limits)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        foreach (var entry in archive.Entries.Where(IsFile))
            yield return new ZipEntryContent(entry.Name, entry.Length, entry.Length <= limits.MaxEntryBytes ? Read(entry) : null);
    }

    /// <summary>The names of the archive's files (from the central directory, nothing expanded).</summary>
    public static IReadOnlyList<string> Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        return archive.Entries.Where(IsFile).Select(e => e.Name).ToList();
    }

    private static bool IsFile(ZipArchiveEntry e) =>
        e.Name.Length > 0 && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !e.Name.StartsWith('.');

    /// <summary>The entry's bytes, or null when it expands beyond its declared size.</summary>
    private static byte[]? Read(ZipArchiveEntry entry)
    {
        var content = new byte[entry.Length];
        using var stream = entry.Open();
        var read = 0;
        while (read < content.Length && stream.Read(content, read, content.Length - read) is var n and > 0) read += n;
        if (read < content.Length) throw new InvalidDataException("The entry ended before its declared size.");
        Span<byte> probe = stackalloc byte[1];
        return stream.Read(probe) == 0 ? content : null;
    }

    /// <summary>The 413 for more files than one upload takes (several files sent at once, or a zip's).</summary>
    public static ProblemDetails TooMany(int count, int max) => TooLarge($"一次上传了{count}个文件，一次最多{max}个，请分批上传。");

    private static ProblemDetails TooLarge(string detail) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge, Type = Problems.Problems.TypeBase + TooLargeCode, Title = "压缩包超出处理上限",
        Detail = detail, Extensions = { ["code"] = TooLargeCode },
    };
}
