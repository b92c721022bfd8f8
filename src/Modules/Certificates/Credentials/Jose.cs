using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assessment.Certificates.Credentials;

/// <summary>Why a compact JWS was not accepted.</summary>
public enum VerificationFailure
{
    /// <summary>Not three canonical base64url segments, or a header or payload that is not a JSON object.</summary>
    BadFormat,
    /// <summary>An alg other than ES256 (including "none"), or a crit header this verifier does not understand.</summary>
    UnsupportedAlgorithm,
    /// <summary>No kid, or a kid none of the given keys has.</summary>
    UnknownKey,
    /// <summary>The signature does not match the header and payload under the key.</summary>
    BadSignature,
}

/// <summary>The outcome of <see cref="CredentialIssuer.VerifyAsync"/>: the protected header and payload, or why the token was refused.</summary>
public sealed class VerificationResult
{
    private VerificationResult(JsonObject? header, JsonObject? payload, VerificationFailure? failure)
    {
        Header = header;
        Payload = payload;
        Failure = failure;
    }

    [MemberNotNullWhen(true, nameof(Header), nameof(Payload))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsValid => Failure is null;

    /// <summary>The protected header (alg, kid, typ …) of a valid token.</summary>
    public JsonObject? Header { get; }

    /// <summary>The signed payload of a valid token.</summary>
    public JsonObject? Payload { get; }

    public VerificationFailure? Failure { get; }

    internal static VerificationResult Valid(JsonObject header, JsonObject payload) => new(header, payload, null);
    internal static VerificationResult Invalid(VerificationFailure failure) => new(null, null, failure);

    public override string ToString() => IsValid ? "valid" : Failure.Value.ToString();
}

/// <summary>
/// RFC 7515 compact JWS with ES256 only, signed and checked by Microsoft.IdentityModel.JsonWebTokens. The payload is written
/// verbatim (the string overload of <see cref="JsonWebTokenHandler.CreateToken(string, SigningCredentials, IDictionary{string, object})"/>):
/// no iat, nbf or exp is added — a credential's time is its own validFrom, and a print's signing time is in its event.
/// Header order is the library's: alg, kid, then the given members (typ, cty); without a typ the library writes "JWT".
/// </summary>
internal static class Jose
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    /// <summary>Non-ASCII text (names, occupations) is written as UTF-8, not \u escapes, which keeps tokens short.</summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static string Sign(JsonObject payload, SigningKey key, IDictionary<string, object>? header = null) =>
        header is null ? Handler.CreateToken(ToJson(payload), key.Credentials) : Handler.CreateToken(ToJson(payload), key.Credentials, header);

    /// <summary>
    /// Refuses before the library sees it what the library would accept leniently: a segment that is not canonical base64url (an
    /// altered unused trailing bit would otherwise decode to the same signature), an alg that is not exactly ES256, a crit header.
    /// The library then finds the key by kid (never trying the others) and checks the signature; lifetime, issuer and audience
    /// are the credential's business, not the JWT's.
    /// </summary>
    public static async Task<VerificationResult> VerifyAsync(string? compactJws, IReadOnlyList<VerificationKey>? keys)
    {
        if (string.IsNullOrEmpty(compactJws)) return VerificationResult.Invalid(VerificationFailure.BadFormat);
        var parts = compactJws.Split('.');
        if (parts.Length != 3) return VerificationResult.Invalid(VerificationFailure.BadFormat);
        if (!TryParseObject(parts[0], out var header) || !TryParseObject(parts[1], out var payload) || !Base64UrlText.TryDecode(parts[2], out _))
            return VerificationResult.Invalid(VerificationFailure.BadFormat);
        if (TextMember(header, "alg") != Algorithm || header.ContainsKey("crit"))
            return VerificationResult.Invalid(VerificationFailure.UnsupportedAlgorithm);
        var kid = TextMember(header, "kid");
        var key = kid is null ? null : keys?.FirstOrDefault(k => k is not null && string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null) return VerificationResult.Invalid(VerificationFailure.UnknownKey);

        var result = await Handler.ValidateTokenAsync(compactJws, new TokenValidationParameters
        {
            IssuerSigningKey = key.SecurityKey, TryAllIssuerSigningKeys = false, ValidAlgorithms = [Algorithm], RequireSignedTokens = true,
            ValidateIssuer = false, ValidateAudience = false, ValidateLifetime = false, RequireExpirationTime = false,
            ValidateIssuerSigningKey = false,
        });
        if (result.IsValid) return VerificationResult.Valid(header, payload);
        return VerificationResult.Invalid(result.Exception switch
        {
            SecurityTokenMalformedException => VerificationFailure.BadFormat,
            SecurityTokenInvalidAlgorithmException => VerificationFailure.UnsupportedAlgorithm,
            SecurityTokenSignatureKeyNotFoundException => VerificationFailure.UnknownKey,
            _ => VerificationFailure.BadSignature,
        });
    }

    public static string ToJson(JsonNode node) => node.ToJsonString(Compact);

    private static bool TryParseObject(string segment, [NotNullWhen(true)] out JsonObject? json)
    {
        json = null;
        if (!Base64UrlText.TryDecode(segment, out var bytes)) return false;
        try
        {
            json = JsonNode.Parse(bytes, documentOptions: Strict) as JsonObject;
            if (json is null) return false;
            ReadAll(json);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            json = null;
            return false;
        }
    }

    /// <summary>
    /// Reads every name and string once, so text that parses but does not transcode (an escaped lone surrogate) is refused here
    /// rather than throwing later in the caller's hands.
    /// </summary>
    private static void ReadAll(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json)
                {
                    _ = name.Length;
                    ReadAll(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array) ReadAll(item);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }

    /// <summary>A string member, or null when absent, not a string, or not valid UTF-16 once unescaped (a lone surrogate).</summary>
    internal static string? TextMember(JsonObject json, string name)
    {
        try
        {
            return json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>Strict base64url (RFC 4648 §5) as JOSE uses it: the URL-safe alphabet only, no padding, no whitespace, canonical.</summary>
internal static class Base64UrlText
{
    public static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length % 4 == 1) return false;
        foreach (var c in text)
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_')) return false;
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != OperationStatus.Done
            || consumed != text.Length) return false;
        var decoded = buffer.AsSpan(0, written).ToArray();
        // unused trailing bits must be zero, so one byte string has exactly one spelling
        if (!string.Equals(Base64Url.EncodeToString(decoded), text, StringComparison.Ordinal)) return false;
        bytes = decoded;
        return true;
    }
}
