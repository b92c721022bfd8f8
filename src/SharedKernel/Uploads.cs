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
