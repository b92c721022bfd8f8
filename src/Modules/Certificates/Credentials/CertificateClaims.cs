using NodaTime;

namespace Assessment.Certificates.Credentials;

/// <summary>
/// What a verifiable certificate states (CRT-01 number, CRT-03 printed fields), independent of how it is stored.
/// <paramref name="StatusIndex"/> is the certificate's position in the issuer's revocation status list (CRT-04);
/// <paramref name="PrintNumber"/> which paper it is (2, 3 … after 补发 or 更正, under the same number).
/// </summary>
public sealed record CertificateClaims(string Number, string HolderName, string Occupation, string? WorkType, int Level, string LevelName,
    LocalDate IssuedOn, string IssuerName, string IssuerFilingNumber, Guid CertificateId, int StatusIndex, int PrintNumber = 1);
