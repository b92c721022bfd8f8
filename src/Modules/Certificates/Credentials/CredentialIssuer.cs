using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace Assessment.Certificates.Credentials;

/// <summary>
/// Issues a certificate as a W3C Verifiable Credential 2.0 secured with JOSE (VC-JOSE-COSE, media type application/vc+jwt),
/// and as a short signed token for a QR code that can be checked offline; verifies both.
/// </summary>
public static class CredentialIssuer
{
    public const string CredentialsV2Context = "https://www.w3.org/ns/credentials/v2";
    public const string CertificateType = "VocationalSkillCertificate";

    /// <summary>Printed where a certificate has no work type (工种).</summary>
    public const string NoWorkType = "——";

    /// <summary>
    /// The certificate as a compact JWS whose payload is the VC 2.0 JSON itself; header alg ES256, typ vc+jwt, cty vc, kid.
    /// The credential's status entry points at bit <see cref="CertificateClaims.StatusIndex"/> of the revocation list at
    /// <paramref name="statusListUrl"/> (CRT-04).
    /// </summary>
    public static string IssueVcJwt(CertificateClaims c, SigningKey key, string issuerUrl, string statusListUrl, Instant issuedAt)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(statusListUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(c.StatusIndex);
        return CompactJws.Sign(VcHeader(key), Credential(c, issuerUrl, statusListUrl, issuedAt), key);
    }

    /// <summary>The VC 2.0 JSON that <see cref="IssueVcJwt"/> signs.</summary>
    public static JsonObject Credential(CertificateClaims c, string issuerUrl, string statusListUrl, Instant issuedAt)
    {
        var index = c.StatusIndex.ToString(CultureInfo.InvariantCulture);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialsV2Context),
            ["id"] = "urn:uuid:" + c.CertificateId.ToString("D"),
            ["type"] = new JsonArray("VerifiableCredential", CertificateType),
            ["issuer"] = new JsonObject { ["id"] = issuerUrl, ["name"] = c.IssuerName, ["filingNumber"] = c.IssuerFilingNumber },
            ["validFrom"] = Timestamp(issuedAt),
            ["credentialSubject"] = new JsonObject
            {
                ["name"] = c.HolderName,
                ["certificateNumber"] = c.Number,
                ["occupation"] = c.Occupation,
                ["workType"] = string.IsNullOrWhiteSpace(c.WorkType) ? NoWorkType : c.WorkType,
                ["level"] = c.Level,
                ["levelName"] = c.LevelName,
                ["issuedOn"] = Date(c.IssuedOn),
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = statusListUrl + "#" + index,
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = index,
                ["statusListCredential"] = statusListUrl,
            },
        };
        if (c.PrintNumber > 1) credential["credentialSubject"]!["printNumber"] = c.PrintNumber;
        return credential;
    }

    /// <summary>
    /// A short compact JWS (header alg and kid only) for a certificate's QR code, checkable offline against the issuer's published
    /// keys: {"n": number, "h": holder, "o": occupation, "w": work type (omitted when none), "l": level, "d": issued on,
    /// "i": issuer filing number, "s": status list index, "p": print number from the second print on}. No identity document number is included.
    /// </summary>
    public static string IssueQrPayload(CertificateClaims c, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(c.StatusIndex);
        var payload = new JsonObject { ["n"] = c.Number, ["h"] = c.HolderName, ["o"] = c.Occupation };
        if (!string.IsNullOrWhiteSpace(c.WorkType)) payload["w"] = c.WorkType;
        payload["l"] = c.Level;
        payload["d"] = Date(c.IssuedOn);
        payload["i"] = c.IssuerFilingNumber;
        payload["s"] = c.StatusIndex;
        if (c.PrintNumber > 1) payload["p"] = c.PrintNumber;
        return CompactJws.Sign(new JsonObject { ["alg"] = CompactJws.Algorithm, ["kid"] = key.Kid }, payload, key);
    }

    /// <summary>
    /// Checks a compact JWS made by this class (or <see cref="BitstringStatusList.IssueVcJwt"/>): three strict base64url segments,
    /// alg ES256 (anything else, "none" included, is refused), a kid among <paramref name="keys"/>, and the signature.
    /// Never throws: garbage yields a failure. The caller still checks what the payload says (type, typ, status).
    /// </summary>
    public static VerificationResult Verify(string compactJws, IReadOnlyList<VerificationKey> keys) => CompactJws.Verify(compactJws, keys);

    internal static JsonObject VcHeader(SigningKey key) => new()
    {
        ["alg"] = CompactJws.Algorithm, ["typ"] = "vc+jwt", ["cty"] = "vc", ["kid"] = key.Kid,
    };

    /// <summary>XML Schema dateTimeStamp in UTC, to the second (2021-06-01T02:00:00Z).</summary>
    internal static string Timestamp(Instant instant) => InstantPattern.General.Format(instant);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
