using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;

namespace Assessment.SharedKernel.Identity;

/// <summary>Where an object lives: the area (division code) it belongs to and the organization that owns it, if any.</summary>
public sealed record ResourceScope(string AreaCode, Guid? OrganizationId);

/// <summary>
/// The one object-level authorization rule: administrators and auditors see everything; authority-bound roles see
/// their own area and the areas below it; an organization (user or API client) sees only itself. Callers answer
/// 404 when this says no, so that a hidden object is indistinguishable from a missing one.
/// </summary>
public sealed class AccessControl(PolicyCatalog catalog)
{
    public bool CanSee(CurrentUser user, ResourceScope resource)
    {
        if (user.Role is Roles.Administrator or Roles.Auditor) return true;
        if (user.OrganizationId is { } org) return resource.OrganizationId == org;
        if (user.AuthorityCode is { } authority) return catalog.IsWithin(resource.AreaCode, authority);
        return false;
    }

    /// <summary>May the caller take decisions as an authority over this area (reviewer, inspector)?</summary>
    public bool CanDecideFor(CurrentUser user, string areaCode) =>
        user.Role is Roles.Reviewer or Roles.Inspector && user.AuthorityCode is { } a && catalog.IsWithin(areaCode, a);

    /// <summary>The areas a caller may list objects in; null = all.</summary>
    public IReadOnlyList<string>? VisibleAreas(CurrentUser user)
    {
        if (user.Role is Roles.Administrator or Roles.Auditor) return null;
        if (user.OrganizationId is not null) return null; // filtered by organization instead
        return user.AuthorityCode is { } a ? catalog.AreasWithin(a) : [];
    }
}
