using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;

namespace Assessment.Certificates.Registry;

/// <summary>
/// Who may see and act on a certificate — the rule the lists apply too: the issuing organization its own; authorities those of
/// batches in their area and below; auditors and administrators all; experts none. Hidden means 404.
/// </summary>
public static class CertificateAccess
{
    public const string OrganizationRoles = Roles.Organization + "," + Roles.ApiClient;

    public static bool CanSee(CertificateRow c, CurrentUser user, AccessControl access) => CanSee(c.AreaCode, c.OrganizationId, user, access);

    /// <summary>The rule for anything of a batch's certificates (one certificate, an issuance, its PDFs and 附件5): by area and issuer.</summary>
    public static bool CanSee(string areaCode, Guid organizationId, CurrentUser user, AccessControl access) =>
        user.Role != Roles.Expert && access.CanSee(user, new ResourceScope(areaCode, organizationId));

    /// <summary>Identity numbers in full: the issuing organization, the reviewers and systems of authorities over the batch, auditors.</summary>
    public static bool SeesPersonalData(CertificateRow c, CurrentUser user, AccessControl access) =>
        SeesPersonalData(c.AreaCode, c.OrganizationId, user, access);

    public static bool SeesPersonalData(string areaCode, Guid organizationId, CurrentUser user, AccessControl access) =>
        CanSee(areaCode, organizationId, user, access) && (user.Role == Roles.Auditor || user.OrganizationId == organizationId
                                                          || user.Role is Roles.Reviewer or Roles.ApiClient && user.AuthorityCode is not null);

    /// <summary>CRT-05 谁发证、谁负责: the issuing organization revokes its certificates; so may a reviewer of an authority over the batch.</summary>
    public static bool MayRevoke(CertificateRow c, CurrentUser user, AccessControl access) =>
        CanSee(c, user, access) && (user.OrganizationId == c.OrganizationId || user.Role == Roles.Reviewer && access.CanDecideFor(user, c.AreaCode));

    /// <summary>CRT-05 谁发证、谁负责: only the issuing organization (its users and systems) re-issues a certificate or asks to correct it.</summary>
    public static bool IsIssuer(CertificateRow c, CurrentUser user) => user.OrganizationId is { } org && org == c.OrganizationId;

    /// <summary>Corrections of holder data are approved by a reviewer of an authority over the batch — never by the organization that asked.</summary>
    public static bool MayDecideCorrection(CertificateRow c, CurrentUser user, AccessControl access) =>
        CanSee(c, user, access) && user.Role == Roles.Reviewer && access.CanDecideFor(user, c.AreaCode);

    /// <summary>The list filter for <paramref name="user"/>, as SQL over the registry ($-parameters appended to <paramref name="parameters"/>).</summary>
    public static string Filter(CurrentUser user, AccessControl access, List<object> parameters)
    {
        if (user.Role == Roles.Expert) return "false";
        if (user.OrganizationId is { } org)
        {
            parameters.Add(org);
            return $"organization_id = ${parameters.Count}";
        }
        if (access.VisibleAreas(user) is not { } areas) return "true";
        parameters.Add(areas.ToArray());
        return $"area_code = any(${parameters.Count})";
    }
}
