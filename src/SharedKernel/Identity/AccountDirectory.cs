namespace Assessment.SharedKernel.Identity;

/// <summary>The public face of an account, as modules may read it (e.g. to pick experts for an evaluation).</summary>
public sealed record AccountSummary(Guid Id, string UserName, string DisplayName, string Role, string? AuthorityCode, Guid? OrganizationId)
{
    public CurrentUser AsUser() => new(Id, UserName, DisplayName, Role, AuthorityCode, OrganizationId, []);
}

/// <summary>Read-only access to active accounts; the host implements it over its identity store.</summary>
public interface IAccountDirectory
{
    Task<IReadOnlyList<AccountSummary>> ActiveInRoleAsync(string role, CancellationToken ct = default);

    Task<AccountSummary?> FindActiveAsync(Guid id, CancellationToken ct = default);
}
