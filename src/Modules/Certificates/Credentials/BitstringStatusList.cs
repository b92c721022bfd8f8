using System.Buffers.Text;
using System.IO.Compression;
using System.Text.Json.Nodes;
using NodaTime;

namespace Assessment.Certificates.Credentials;

/// <summary>
/// W3C Bitstring Status List v1.0 for certificate revocation (CRT-04): one bit per issued certificate, set when revoked.
/// Bit 0 is the left-most (most significant) bit of the first byte. The list is GZIP-compressed and written as multibase
/// base64url ('u' prefix, no padding).
/// </summary>
public static class BitstringStatusList
{
    /// <summary>The specification's minimum of 131,072 entries (16 KB), which gives group privacy to the holders.</summary>
    public const int MinimumLength = 131_072;

    /// <summary>A decoded list larger than this (in bytes) is refused, so a small crafted string cannot expand without bound.</summary>
    public const int MaximumDecodedBytes = 16 * 1024 * 1024;

    private const char MultibaseBase64Url = 'u';

    /// <summary>The encodedList of a list of <paramref name="length"/> bits (a multiple of 8, at least 131,072) with the given bits set.</summary>
    public static string Encode(IEnumerable<int> revokedIndexes, int length = MinimumLength)
    {
        ArgumentNullException.ThrowIfNull(revokedIndexes);
        if (length < MinimumLength || length % 8 != 0 || length / 8 > MaximumDecodedBytes)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The list length must be a multiple of 8 from {MinimumLength} bits.");
        var bits = new byte[length / 8];
        foreach (var index in revokedIndexes)
        {
            if (index < 0 || index >= length)
                throw new ArgumentOutOfRangeException(nameof(revokedIndexes), index, $"A status index must be within 0..{length - 1}.");
            bits[index >> 3] |= (byte)(0x80 >> (index & 7));
        }
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            gzip.Write(bits);
        return MultibaseBase64Url + Base64Url.EncodeToString(compressed.ToArray());
    }

    /// <summary>The uncompressed bitstring of an encodedList; a <see cref="FormatException"/> for anything else.</summary>
    public static byte[] Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length < 2 || encoded[0] != MultibaseBase64Url || !Base64UrlText.TryDecode(encoded[1..], out var compressed))
            throw new FormatException("An encoded status list is 'u' followed by base64url.");
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var bits = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (bits.Length + read > MaximumDecodedBytes) throw new FormatException("The status list is too large.");
                bits.Write(buffer, 0, read);
            }
            return bits.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new FormatException("The status list is not GZIP data.", e);
        }
    }

    /// <summary>Whether bit <paramref name="index"/> is set (decodes the whole list; a verifier checking many indexes decodes once).</summary>
    public static bool IsSet(string encoded, int index) => IsSet(Decode(encoded), index);

    /// <summary>Whether bit <paramref name="index"/> of a decoded bitstring is set.</summary>
    public static bool IsSet(ReadOnlySpan<byte> bitstring, int index)
    {
        if (index < 0 || index >= bitstring.Length * 8)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {bitstring.Length * 8} entries.");
        return (bitstring[index >> 3] & (0x80 >> (index & 7))) != 0;
    }

    /// <summary>The BitstringStatusListCredential (VC 2.0) publishing <paramref name="encodedList"/> at <paramref name="listUrl"/>.</summary>
    public static JsonObject StatusListCredential(string encodedList, string listUrl, string issuerUrl, Instant validFrom)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(encodedList);
        ArgumentException.ThrowIfNullOrWhiteSpace(listUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerUrl);
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialIssuer.CredentialsV2Context),
            ["id"] = listUrl,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuerUrl,
            ["validFrom"] = CredentialIssuer.Timestamp(validFrom),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = listUrl + "#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = encodedList,
            },
        };
    }

    /// <summary>The status list credential as vc+jwt (header alg ES256, typ vc+jwt, cty vc, kid), like a certificate's.</summary>
    public static string IssueVcJwt(JsonObject statusListCredential, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(statusListCredential);
        ArgumentNullException.ThrowIfNull(key);
        return Jose.Sign(statusListCredential, key, CredentialIssuer.VcHeader());
    }
}
