using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Assessment.Certificates.Credentials;

/// <summary>
/// An ECDSA P-256 key that signs credentials (ES256). Its <see cref="Kid"/> is the RFC 7638 JWK thumbprint of the public
/// key, so a verifier can pick the key from a published key set without any registry of names. Signing goes through
/// Microsoft.IdentityModel (<see cref="Credentials"/>: an <see cref="ECDsaSecurityKey"/> with the kid, ES256).
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa _key;

    private SigningKey(ECDsa key)
    {
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        PublicKey = VerificationKey.FromCoordinates(parameters.Q.X!, parameters.Q.Y!);
        Credentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = PublicKey.Kid }, SecurityAlgorithms.EcdsaSha256);
    }

    /// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url without padding) of the public key.</summary>
    public string Kid => PublicKey.Kid;

    /// <summary>The public part, for verifying what this key signed.</summary>
    public VerificationKey PublicKey { get; }

    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Loads an unencrypted PKCS#8 private key; anything but a P-256 EC key is refused with an <see cref="ArgumentException"/>.</summary>
    public static SigningKey FromPkcs8(byte[] pkcs8)
    {
        ArgumentNullException.ThrowIfNull(pkcs8);
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(pkcs8, out var read);
            if (read != pkcs8.Length) throw new ArgumentException("Trailing bytes after the PKCS#8 key.", nameof(pkcs8));
            if (!IsP256(key.ExportParameters(includePrivateParameters: false).Curve))
                throw new ArgumentException("The key is not on the P-256 curve.", nameof(pkcs8));
            return new SigningKey(key);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new ArgumentException("Not a PKCS#8 EC private key.", nameof(pkcs8), e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public byte[] ExportPkcs8() => _key.ExportPkcs8PrivateKey();

    /// <summary>The public key as a JWK: kty, crv, x, y, kid, alg ES256, use sig.</summary>
    public JsonObject PublicJwk() => PublicKey.ToJwk();

    /// <summary>ES256 with this key (the library writes the signature as JWS wants it, IEEE P1363 r||s, 64 bytes).</summary>
    internal SigningCredentials Credentials { get; }

    public void Dispose() => _key.Dispose();

    internal static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == "1.2.840.10045.3.1.7" || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256");
}

/// <summary>The public part of a <see cref="SigningKey"/>: what a verifier holds.</summary>
public sealed class VerificationKey
{
    private const int CoordinateLength = 32;
    private readonly byte[] _x;
    private readonly byte[] _y;
    private readonly JsonWebKey _jwk;

    private VerificationKey(byte[] x, byte[] y)
    {
        _x = x;
        _y = y;
        using var ecdsa = CreateEcdsa();
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ecdsa));
        Kid = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        jwk.Kid = Kid;
        jwk.Alg = SecurityAlgorithms.EcdsaSha256;
        jwk.Use = JsonWebKeyUseNames.Sig;
        _jwk = jwk;
        SecurityKey = new ECDsaSecurityKey(CreateEcdsa()) { KeyId = Kid };
    }

    /// <summary>RFC 7638 JWK thumbprint (SHA-256, base64url without padding).</summary>
    public string Kid { get; }

    /// <summary>The x coordinate, base64url (32 bytes).</summary>
    public string X => _jwk.X;

    /// <summary>The y coordinate, base64url (32 bytes).</summary>
    public string Y => _jwk.Y;

    /// <summary>The key as Microsoft.IdentityModel verifies with it.</summary>
    internal SecurityKey SecurityKey { get; }

    /// <summary>
    /// Reads a public EC P-256 JWK (kty EC, crv P-256, x, y). A kid, if present, must be the key's thumbprint; an alg, if present,
    /// must be ES256. Anything else is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    public static VerificationKey FromJwk(JsonObject jwk)
    {
        ArgumentNullException.ThrowIfNull(jwk);
        if (Jose.TextMember(jwk, "kty") != "EC" || Jose.TextMember(jwk, "crv") != "P-256")
            throw new ArgumentException("Only EC P-256 keys are supported.", nameof(jwk));
        var x = Coordinate(Jose.TextMember(jwk, "x"));
        var y = Coordinate(Jose.TextMember(jwk, "y"));
        if (x is null || y is null) throw new ArgumentException("x and y must be 32-byte base64url coordinates.", nameof(jwk));
        if (jwk.ContainsKey("alg") && Jose.TextMember(jwk, "alg") != "ES256") throw new ArgumentException("alg must be ES256.", nameof(jwk));
        VerificationKey key;
        try
        {
            key = FromCoordinates(x, y); // refuses a point that is not on the curve
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The point is not on the P-256 curve.", nameof(jwk), e);
        }
        if (jwk.ContainsKey("kid") && Jose.TextMember(jwk, "kid") != key.Kid)
            throw new ArgumentException("kid is not the key's RFC 7638 thumbprint.", nameof(jwk));
        return key;
    }

    /// <summary>kty, crv, x, y, kid, alg ES256, use sig: the library's JWK of the key, in this order.</summary>
    public JsonObject ToJwk() => new()
    {
        ["kty"] = _jwk.Kty, ["crv"] = _jwk.Crv, ["x"] = _jwk.X, ["y"] = _jwk.Y, ["kid"] = _jwk.Kid, ["alg"] = _jwk.Alg, ["use"] = _jwk.Use,
    };

    internal static VerificationKey FromCoordinates(byte[] x, byte[] y) => new(LeftPad(x), LeftPad(y));

    private ECDsa CreateEcdsa() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = (byte[])_x.Clone(), Y = (byte[])_y.Clone() },
    });

    private static byte[]? Coordinate(string? text) =>
        text is not null && Base64UrlText.TryDecode(text, out var bytes) && bytes.Length == CoordinateLength ? bytes : null;

    private static byte[] LeftPad(byte[] coordinate)
    {
        if (coordinate.Length == CoordinateLength) return (byte[])coordinate.Clone();
        if (coordinate.Length > CoordinateLength) throw new ArgumentException("A P-256 coordinate has at most 32 bytes.");
        var padded = new byte[CoordinateLength];
        coordinate.CopyTo(padded, CoordinateLength - coordinate.Length);
        return padded;
    }
}
