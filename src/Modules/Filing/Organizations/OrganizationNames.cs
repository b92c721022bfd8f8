using Assessment.SharedKernel.Contracts;
using Marten;

namespace Assessment.Filing.Organizations;

/// <summary>The Filing module's answer to <see cref="IOrganizationNames"/>.</summary>
public sealed class RegisteredOrganizationNames(IDocumentStore store) : IOrganizationNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        await using var session = store.QuerySession();
        var wanted = ids.Distinct().ToArray();
        var found = await session.Query<Organization>().Where(o => wanted.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return found.ToDictionary(o => o.Id, o => o.Name);
    }
}
