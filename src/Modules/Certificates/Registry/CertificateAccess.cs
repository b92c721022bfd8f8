using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;

namespace Assessment.Certificates.Registry;

/// <summary>
/// The certificates' personal-data rule and the lists' filter; who may see and act on a certificate is
/// <see cref="CertificateGuards"/>.
/// </summary>
public static class CertificateAccess
{
    public const string OrganizationRoles = Roles.Organization + "," + Roles.ApiClient;

    /// <summary>Identity numbers in full: the issuing organization, the reviewers and systems of authorities over the batch, auditors.</summary>
    public static bool SeesPersonalData(CertificateRow c, CurrentUser user, AccessControl access) =>
        SeesPersonalData(c.AreaCode, c.OrganizationId, user, access);

    public static bool SeesPersonalData(string areaCode, Guid organizationId, CurrentUser user, AccessControl access) =>
        CertificateGuards.Sees(areaCode, organizationId, user, access) && (user.Role == Roles.Auditor || user.OrganizationId == organizationId
                                                          || user.Role is Roles.Reviewer or Roles.ApiClient && user.AuthorityCode is not null);

    /// <summary>
    /// The list filter for <paramref name="user"/>, as SQL over the registry ($-parameters appended to <paramref name="parameters"/>):
    /// <see cref="CertificateGuards.Sees"/> in SQL.
    /// </summary>
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
