using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Certificates.Registry;

/// <summary>
/// A certificate as its issuer and the authorities see it; personal data masked in lists, in full where the one rule allows it
/// when one certificate is opened. The current print
/// (<see cref="PrintNumber"/>, 1 as issued) and the open correction request, if any, come next; last where it came from — the
/// organization, the filing and, on one certificate opened, the application that granted the filing — for the links of its page.
/// </summary>
public sealed record CertificateItem(Guid Id, string Number, string HolderName, string DocumentTypeName, string DocumentNumber, string Employer,
    string Occupation, string? OccupationCode, string WorkType, int Level, string LevelName, LocalDate IssuedOn, string OrganizationName,
    string FilingNumber, Guid BatchId, string BatchTitle, CertificateStatus Status, LocalDate? RevokedOn, string? RevokedReason,
    bool PersonalDataMasked, int Version, IReadOnlyList<string> Actions, int PrintNumber, PrintKind PrintKind, LocalDate? PrintedOn,
    Guid? OpenCorrectionId, int DocumentType, Guid OrganizationId, Guid FilingId, Guid? ApplicationId = null);

/// <summary>After a change: the certificate and its new version (no personal data).</summary>
public sealed record CertificateChange(Guid Id, int Version);

public static class CertificateViews
{
    /// <summary>CRT-03: an empty work type prints "——".</summary>
    public const string NoWorkType = "——";

    /// <summary>The certificate with the operations the caller may take now (<see cref="CertificateGuards"/>).</summary>
    public static CertificateItem Item(CertificateRow c, AccessContext caller, PersonalDataView view)
    {
        var full = view == PersonalDataView.Full;
        return new CertificateItem(c.Id, c.Number, full ? c.HolderName : Masking.Name(c.HolderName),
            IdentityDocumentTypes.Names[(IdentityDocumentType)c.DocumentType], full ? c.DocumentNumber : Masking.Document(c.DocumentNumber),
            c.Employer,
            c.Occupation, c.OccupationCode, c.WorkType ?? NoWorkType, c.Level, SkillLevel.FromNumber(c.Level).FullName, c.IssuedOn,
            c.OrganizationName,
            c.FilingNumber, c.BatchId, c.BatchTitle, c.Status, c.RevokedOn, c.RevokedReason, !full, c.Version,
            CertificateGuards.Table.Actions(c, caller),
            c.PrintNumber, c.PrintKind, c.PrintedOn, c.OpenCorrectionId, c.DocumentType, c.OrganizationId, c.FilingId);
    }
}
