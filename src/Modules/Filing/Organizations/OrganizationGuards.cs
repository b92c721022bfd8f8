using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Organizations;

/// <summary>
/// Who may see and act on an organization: anyone whose area holds it, the organization itself (its users and API clients);
/// only the organization itself keeps its contact details current.
/// </summary>
public static class OrganizationGuards
{
    public const string Register = "registerOrganization";
    public const string ChangeContact = "changeOrganizationContact";
    public const string UploadSeal = "uploadOrganizationSeal";

    public static readonly GuardTable<Organization> Table = new GuardTable<Organization>("机构", (o, c) => c.Access.CanSee(c.User, o.Scope()))
        .Creation(Register, c => c.User.OrganizationId is not null && c.User.Role == Roles.Organization, "只有绑定评价机构的机构用户可以登记机构信息。")
        .Operation(ChangeContact, (o, c) => c.User.OrganizationId == o.Id, "只有机构本身可以修改联系信息。")
        .Operation(UploadSeal, (o, c) => c.User.OrganizationId == o.Id, "只有机构本身可以上传印章图片。");
}

/// <summary>An organization as its reader sees it, with the operations the caller may take now (from <see cref="OrganizationGuards"/>).</summary>
public sealed record OrganizationView(
    Guid Id, long Version, string Name, string CreditCode, OrganizationNature Nature, OrganizationCategory Category, string AreaCode,
    string Address, string LegalRepresentative, string ContactName, string ContactPhone, string ContactEmail, Instant RegisteredAt,
    Guid? SealId, Instant? SealUploadedAt, IReadOnlyList<string> Actions)
{
    public static OrganizationView Of(Organization o, AccessContext caller) => new(
        o.Id, o.Version, o.Name, o.CreditCode, o.Nature, o.Category, o.AreaCode, o.Address, o.LegalRepresentative, o.ContactName,
        o.ContactPhone, o.ContactEmail, o.RegisteredAt, o.SealId, o.SealUploadedAt, OrganizationGuards.Table.Actions(o, caller));
}
