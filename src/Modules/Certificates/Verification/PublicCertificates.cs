using System.Collections.Concurrent;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Values;
using Marten;
using NodaTime;

namespace Assessment.Certificates.Verification;

/// <summary>
/// Superseded: a QR link of a paper printed before the current one (补发, 更正) — the certificate stands, that paper does not.
/// </summary>
public enum VerificationResultKind { Valid, Revoked, NotFound, Superseded }

/// <summary>
/// A certificate as anyone may see it (CRT-04): the holder's name masked, never an identity number; which print is current
/// (1 as issued; 2, 3 … after 补发 or 更正, dated <see cref="PrintedOn"/>).
/// </summary>
public sealed record PublicCertificate(string Number, string HolderName, string Occupation, string WorkType, int Level, string LevelName,
    LocalDate IssuedOn,
    string OrganizationName, string FilingNumber, string FilingStatus, CertificateStatus Status, LocalDate? RevokedOn, int PrintNumber,
    PrintKind PrintKind,
    LocalDate? PrintedOn);

public sealed record VerificationAnswer(VerificationResultKind Result, PublicCertificate? Certificate);

/// <summary>Builds public answers; the issuer's filing status is read through the Filing contract and kept a minute.</summary>
public sealed class PublicCertificates(IOrganizationFilings filings, IDocumentStore store, IClock clock)
{
    private readonly ConcurrentDictionary<Guid, (string Status, Instant Until)> _filingStatus = new();

    public async Task<VerificationAnswer> AnswerAsync(CertificateRow? row, CancellationToken ct)
    {
        if (row is null) return new VerificationAnswer(VerificationResultKind.NotFound, null);
        return new VerificationAnswer(row.Status == CertificateStatus.Revoked ? VerificationResultKind.Revoked : VerificationResultKind.Valid,
            new PublicCertificate(row.Number, Masking.Name(row.HolderName), row.Occupation, row.WorkType ?? CertificateViews.NoWorkType, row.Level,
                SkillLevel.FromNumber(row.Level).FullName, row.IssuedOn, row.OrganizationName, row.FilingNumber,
                await FilingStatusAsync(row.OrganizationId, row.FilingId, ct), row.Status, row.RevokedOn, row.PrintNumber, row.PrintKind,
                row.PrintedOn));
    }

    /// <summary>The claims a credential and a QR payload carry.</summary>
    public static CertificateClaims Claims(CertificateRow row) => new(row.Number, row.HolderName, row.Occupation, row.WorkType, row.Level,
        SkillLevel.FromNumber(row.Level).FullName, row.IssuedOn, row.OrganizationName, row.FilingNumber, row.Id, row.StatusIndex, row.PrintNumber);

    /// <summary>The verifiable credential (vc+jwt) of the print <paramref name="row"/> shows, signed now; callers sign once per print.</summary>
    public static string Credential(CertificateRow row, SigningKey key, CertificatesOptions options) =>
        CredentialIssuer.IssueVcJwt(Claims(row), key, CredentialUrls.Issuer(options), CredentialUrls.StatusList(options, row.StatusIndex));

    /// <summary>The print <paramref name="row"/> shows with its credential and QR payload, signed now: once per print.</summary>
    public static CertificateRow Signed(CertificateRow row, SigningKey key, CertificatesOptions options) =>
        row with { Credential = Credential(row, key, options), QrPayload = CredentialIssuer.IssueQrPayload(Claims(row), key) };

    public static string VerificationLink(CertificatesOptions options, CertificateRow row)
        => $"{options.PublicBaseUrl.TrimEnd('/')}/verify/{row.Token}";

    private async Task<string> FilingStatusAsync(Guid organizationId, Guid filingId, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (_filingStatus.TryGetValue(filingId, out var cached) && cached.Until > now) return cached.Status;
        await using var session = store.QuerySession();
        var filing = (await filings.OfOrganizationAsync(session, organizationId, ct)).FirstOrDefault(f => f.FilingId == filingId);
        var status = filing?.Status switch
        {
            FilingState.Active => "备案有效",
            FilingState.Suspended => "备案暂停",
            FilingState.Cancelled => "备案已注销",
            FilingState.Expired => "备案已过期",
            _ => "未找到备案",
        };
        _filingStatus[filingId] = (status, now + Duration.FromMinutes(1));
        return status;
    }
}
