using Assessment.SharedKernel.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Assessment.SharedKernel.Identity;

/// <summary>
/// <c>[Authorize(Policy = ScopePolicies.Prefix + "filing:read")]</c>: people pass on their role checks alone; a
/// third-party system (API key) must also hold the named scope.
/// </summary>
public static class ScopePolicies
{
    public const string Prefix = "scope:";
    public const string DirectoryRead = Prefix + "directory:read";
    public const string FilingRead = Prefix + "filing:read";
    public const string FilingWrite = Prefix + "filing:write";
    public const string CalendarRead = Prefix + "calendar:read";
    public const string BatchesRead = Prefix + "batches:read";
    public const string BatchesWrite = Prefix + "batches:write";
    public const string CertificatesRead = Prefix + "certificates:read";
    public const string CertificatesWrite = Prefix + "certificates:write";
    public const string CertificatesVerify = Prefix + "certificates:verify";
    public const string NoticeObjectionsRead = Prefix + "notices:objections";
}

public sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

public sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var user = CurrentUser.From(context.User);
        if (user.IsAuthenticated && (user.Role != Roles.ApiClient || user.Scopes.Contains(requirement.Scope))) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Builds "scope:*" policies on demand; every other policy name goes to the default provider.</summary>
public sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(ScopePolicies.Prefix, StringComparison.Ordinal)) return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(policyName[ScopePolicies.Prefix.Length..])).Build();
    }
}
