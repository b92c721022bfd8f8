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
    /// Signed once per print (issuance, 补发, 更正) and kept with the print; validFrom is the issue date (<see cref="ValidFrom"/>),
    /// whichever print it is. The credential's status entry points at bit <see cref="CertificateClaims.StatusIndex"/> of the
    /// revocation list at <paramref name="statusListUrl"/> (CRT-04): revocation never re-signs a credential.
    /// </summary>
    public static string IssueVcJwt(CertificateClaims c, SigningKey key, string issuerUrl, string statusListUrl)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(statusListUrl);
        ArgumentOutOfRangeException.ThrowIfNegative(c.StatusIndex);
        return Jose.Sign(Credential(c, issuerUrl, statusListUrl), key, VcHeader());
    }

    /// <summary>
    /// A certificate's validFrom: the start of its issue date (发证日期) in China time, as an instant in UTC
    /// (<see cref="Timestamp"/>; 2021-06-01 is 2021-05-31T16:00:00Z).
    /// </summary>
    public static Instant ValidFrom(LocalDate issuedOn) => issuedOn.AtStartOfDayInZone(SharedKernel.ChinaTime.Zone).ToInstant();

    /// <summary>The VC 2.0 JSON that <see cref="IssueVcJwt"/> signs.</summary>
    public static JsonObject Credential(CertificateClaims c, string issuerUrl, string statusListUrl)
    {
        var index = c.StatusIndex.ToString(CultureInfo.InvariantCulture);
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialsV2Context),
            ["id"] = "urn:uuid:" + c.CertificateId.ToString("D"),
            ["type"] = new JsonArray("VerifiableCredential", CertificateType),
            ["issuer"] = new JsonObject { ["id"] = issuerUrl, ["name"] = c.IssuerName, ["filingNumber"] = c.IssuerFilingNumber },
            ["validFrom"] = Timestamp(ValidFrom(c.IssuedOn)),
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
    /// A short compact JWS (header alg, kid and the library's typ JWT) for a certificate's QR code, checkable offline against the issuer's published
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
        return Jose.Sign(payload, key);
    }

    /// <summary>
    /// Checks a compact JWS made by this class (or <see cref="BitstringStatusList.IssueVcJwt"/>): three strict base64url segments,
    /// alg ES256 (anything else, "none" included, is refused), a kid among <paramref name="keys"/>, and the signature
    /// (Microsoft.IdentityModel's JsonWebTokenHandler). Never throws: garbage yields a failure. The caller still checks what the
    /// payload says (type, typ, status).
    /// </summary>
    public static Task<VerificationResult> VerifyAsync(string compactJws, IReadOnlyList<VerificationKey> keys) => Jose.VerifyAsync(compactJws, keys);

    /// <summary>typ and cty of a vc+jwt; the library writes alg (ES256) and kid (the key's thumbprint) before them.</summary>
    internal static Dictionary<string, object> VcHeader() => new() { ["typ"] = "vc+jwt", ["cty"] = "vc" };

    /// <summary>XML Schema dateTimeStamp in UTC, to the second (2021-06-01T02:00:00Z).</summary>
    internal static string Timestamp(Instant instant) => InstantPattern.General.Format(instant);

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
