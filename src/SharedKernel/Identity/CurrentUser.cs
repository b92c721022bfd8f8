using System.Security.Claims;
using Assessment.SharedKernel.Events;

namespace Assessment.SharedKernel.Identity;

public static class AssessmentClaims
{
    public const string Authority = "assessment:authority";
    public const string Organization = "assessment:organization";
    public const string DisplayName = "assessment:display_name";
    public const string Scope = "assessment:scope";
    public const string Stamp = "assessment:stamp";
}

/// <summary>The signed-in caller as the domain sees it: role plus the authority or organization it is bound to.</summary>
public sealed record CurrentUser(
    Guid Id, string UserName, string DisplayName, string Role, string? AuthorityCode, Guid? OrganizationId, IReadOnlyList<string> Scopes)
{
    public bool IsAuthenticated => Id != Guid.Empty;

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return new CurrentUser(Guid.Empty, "public", "公众", Roles.Public, null, null, []);
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id);
        Guid? org = Guid.TryParse(principal.FindFirstValue(AssessmentClaims.Organization), out var o) ? o : null;
        return new CurrentUser(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            principal.FindFirstValue(AssessmentClaims.DisplayName) ?? "",
            principal.FindFirstValue(ClaimTypes.Role) ?? Roles.Public,
            principal.FindFirstValue(AssessmentClaims.Authority),
            org,
            principal.FindAll(AssessmentClaims.Scope).Select(c => c.Value).ToList());
    }

    public Actor ToActor() => new(Id, UserName, Role, AuthorityCode, OrganizationId, DisplayName);

    public bool Is(string role) => Role == role;
    public bool HasScope(string scope) => Role != Roles.ApiClient || Scopes.Contains(scope);
}
