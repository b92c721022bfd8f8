using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Values;

namespace Assessment.Certificates.Registry;

/// <summary>
/// The certificates' personal-data rule and the lists' filter; who may see and act on a certificate is
/// <see cref="CertificateGuards"/>.
/// </summary>
public static class CertificateAccess
{
    public const string OrganizationRoles = Roles.Organization + "," + Roles.ApiClient;

    /// <summary>
    /// Whose data a certificate holds, for the one personal-data rule (<see cref="PersonalDataRule"/>): the issuing organization, and
    /// the authority that accepted its batch (the certificate's area is the batch's receiving authority).
    /// </summary>
    public static PersonalDataHolder Holder(this CertificateRow c) => new(c.OrganizationId, c.AreaCode);

    /// <summary>The person a certificate names, for the read log.</summary>
    public static ConsultedPerson Person(this CertificateRow c) => new(c.DocumentType, c.DocumentNumber, Masking.Name(c.HolderName));

    /// <summary>One certificate as a read-log scope.</summary>
    public static ReadScope Scope(this CertificateRow c) => new("certificate", c.Id, c.BatchId, $"证书{c.Number}", c.Person(), 1);

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
