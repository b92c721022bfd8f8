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

/// <summary>
/// An organization's seal image (印章) as the certificate prints it (CRT-03: the name and seal match the filing), published by
/// the Filing module: a PNG with a transparent background.
/// </summary>
public interface IOrganizationSeals
{
    /// <summary>
    /// The seal the organization had uploaded by the end of <paramref name="printedOn"/> (China time): a print shows the seal of
    /// its own date, so a later seal never changes how an earlier print is drawn. Null when it had none; read in the caller's session.
    /// </summary>
    Task<byte[]?> AsOfAsync(Marten.IQuerySession session, Guid organizationId, NodaTime.LocalDate printedOn, CancellationToken ct = default);
}
