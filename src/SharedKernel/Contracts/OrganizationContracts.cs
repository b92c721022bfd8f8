namespace Assessment.SharedKernel.Contracts;

/// <summary>
/// The registered names of organizations, published by the Filing module for other modules and the host (an account
/// bound to an organization is shown with the organization's name, not its id).
/// </summary>
public interface IOrganizationNames
{
    /// <summary>The names of those of <paramref name="ids"/> that are registered.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default);
}
