using System.Globalization;
using System.Security.Claims;
using Assessment.SharedKernel.Identity;

namespace Assessment.Api.Identity;

public static class ClaimsFactory
{
    public static ClaimsPrincipal ForAccount(Account a, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, a.Id.ToString()),
            new(ClaimTypes.Name, a.UserName),
            new(ClaimTypes.Role, a.Role),
            new(AssessmentClaims.DisplayName, a.DisplayName),
            new(AssessmentClaims.Stamp, a.SecurityStamp.ToString(CultureInfo.InvariantCulture)),
        };
        if (a.AuthorityCode is not null) claims.Add(new Claim(AssessmentClaims.Authority, a.AuthorityCode));
        if (a.OrganizationId is not null) claims.Add(new Claim(AssessmentClaims.Organization, a.OrganizationId.Value.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal ForApiClient(ApiClient c, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, c.Id.ToString()),
            new(ClaimTypes.Name, "api:" + c.Name),
            new(ClaimTypes.Role, SharedKernel.Events.Roles.ApiClient),
            new(AssessmentClaims.DisplayName, c.Name),
        };
        if (c.AuthorityCode is not null) claims.Add(new Claim(AssessmentClaims.Authority, c.AuthorityCode));
        if (c.OrganizationId is not null) claims.Add(new Claim(AssessmentClaims.Organization, c.OrganizationId.Value.ToString()));
        claims.AddRange(c.Scopes.Select(s => new Claim(AssessmentClaims.Scope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
