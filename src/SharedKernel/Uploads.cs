namespace Assessment.SharedKernel;

/// <summary>
/// Marks an endpoint that takes a multipart/form-data upload of at most <see cref="MaxBytes"/>; every other API
/// request body must be JSON within the JSON limit (the request guard enforces both).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsUploadAttribute(long maxBytes, params string[] integerFields) : Attribute
{
    public long MaxBytes { get; } = maxBytes;

    /// <summary>The form's integer fields besides <c>file</c> (documented in OpenAPI).</summary>
    public IReadOnlyList<string> IntegerFields { get; } = integerFields;
}

/// <summary>An uploaded file as the client sent it: its declared name (untrusted), declared content type (if any) and bytes.</summary>
public sealed record UploadedContent(string FileName, string? ContentType, byte[] Content)
{
    /// <summary>The declared name without any path the client put in it.</summary>
    public string BareName => Path.GetFileName(FileName);
}

/// <summary>
/// An upload endpoint's multipart/form-data body, opened once: its text fields and its <c>file</c> (null when the request was
/// not multipart or had no file). Endpoints judge it in their <c>Validate</c>; nothing here decides.
/// </summary>
public sealed record UploadForm(bool IsMultipart, IReadOnlyDictionary<string, string> Fields, UploadedContent? File)
{
    public static readonly UploadForm NotMultipart = new(false, new Dictionary<string, string>(), null);

    /// <summary>Every part named <c>file</c>, in order (<see cref="File"/> is the first): a bulk upload sends several.</summary>
    public IReadOnlyList<UploadedContent> Files { get; init; } = File is null ? [] : [File];

    public string? Field(string name) => Fields.GetValueOrDefault(name);

    /// <summary>A non-negative integer field (digits only), or null.</summary>
    public long? Integer(string name) =>
        long.TryParse(Field(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : null;

    /// <summary>The 400 for a body that is not multipart/form-data.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails NotMultipartProblem() =>
        Problems.Problems.Validation("file", "请以 multipart/form-data 上传文件。");
}

/// <summary>The one way an upload endpoint opens its multipart/form-data body.</summary>
public static class UploadForms
{
    /// <summary>
    /// The form with its file's bytes, read once; <see cref="UploadForm.NotMultipart"/> for another content type; or
    /// <see cref="InvalidDataException"/> (a 400) when the body is malformed or ends early — the client's fault, never a 500.
    /// </summary>
    public static async Task<UploadForm> OpenAsync(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (!request.HasFormContentType) return UploadForm.NotMultipart;
        var aborted = request.HttpContext.RequestAborted;
        try
        {
            var form = await request.ReadFormAsync(aborted);
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            var files = new List<UploadedContent>();
            foreach (var file in form.Files.GetFiles("file"))
            {
                var content = new byte[file.Length];
                await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, aborted);
                files.Add(new UploadedContent(file.FileName ?? "", file.ContentType, content));
            }
            return new UploadForm(true, fields, files.FirstOrDefault()) { Files = files };
        }
        catch (IOException e) when (!aborted.IsCancellationRequested)
        {
            throw new InvalidDataException("The multipart body ended early.", e);
        }
    }
}

/// <summary>What a file's first bytes say it is; the declared name or type is not trusted.</summary>
public static class FileSniffer
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        return null;
    }

    /// <summary>The type the client claims, from the declared content type or else the file extension.</summary>
    public static string? Declared(string? contentType, string fileName)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is Pdf or Png or Jpeg) return type;
        if (type == "image/jpg") return Jpeg;
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => Pdf,
            ".png" => Png,
            ".jpg" or ".jpeg" => Jpeg,
            // a generic type (or none) claims nothing: the content decides
            _ => type is null or "" or "application/octet-stream" or "binary/octet-stream" ? null : type,
        };
    }
}

/// <summary>What an uploaded file must be before it is stored: well-formed for its sniffed type, under a safe name.</summary>
public static class UploadedFiles
{
    /// <summary>
    /// The content parses as the type its first bytes claim: a PDF opens and has a page (a file that merely starts with
    /// "%PDF" — an HTML page, say — does not); a PNG runs from its signature to IEND; a JPEG from SOI to EOI.
    /// </summary>
    public static bool IsWellFormed(byte[] content, string sniffedType) => sniffedType switch
    {
        FileSniffer.Pdf => PdfOpens(content),
        FileSniffer.Png => content.Length > 20 && content.AsSpan(12, 4).SequenceEqual("IHDR"u8) && content.AsSpan()[^8..^4].SequenceEqual("IEND"u8),
        FileSniffer.Jpeg => content.Length > 4 && content[^2] == 0xFF && content[^1] == 0xD9,
        _ => false,
    };

    private static bool PdfOpens(byte[] content)
    {
        try
        {
            using var document = UglyToad.PdfPig.PdfDocument.Open(content);
            return document.NumberOfPages > 0 && document.GetPage(1) is not null;
        }
        catch (Exception)
        {
            // PdfPig throws a variety of types for broken input; any of them means "not a PDF we accept"
            return false;
        }
    }

    /// <summary>
    /// A name safe to store and to send back in Content-Disposition: no path, no control, format or bidirectional
    /// characters (a right-to-left override can make "fdp.html" look like "lmth.pdf"), none of <c>"\/:;*?&lt;&gt;|</c>,
    /// at most 100 characters, and the extension of the type the content was sniffed as, whatever the name claimed.
    /// </summary>
    public static string SafeName(string declared, string sniffedType)
    {
        var name = declared.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new System.Text.StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control
                or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate
                or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.OtherNotAssigned
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator) continue;
            if (rune.IsAscii && "\"/:;*?<>|".Contains((char)rune.Value)) continue;
            kept.Append(rune.ToString());
        }
        var stem = kept.ToString().Trim();
        var dot = stem.LastIndexOf('.');
        if (dot >= 0) stem = stem[..dot];
        stem = stem.Trim().Trim('.').Trim();
        if (stem.Length > 100) stem = stem[..100];
        if (stem.Length == 0) stem = "文件";
        return stem + Extension(sniffedType);
    }

    public static string Extension(string sniffedType) => sniffedType switch
    {
        FileSniffer.Pdf => ".pdf",
        FileSniffer.Png => ".png",
        FileSniffer.Jpeg => ".jpg",
        _ => "",
    };
}
