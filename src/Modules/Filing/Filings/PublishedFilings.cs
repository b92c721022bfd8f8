using Assessment.Filing.Organizations;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Marten;

namespace Assessment.Filing.Filings;

/// <summary>The Filing module's answer to <see cref="IOrganizationFilings"/>, read from the filing snapshots.</summary>
public sealed class PublishedFilings : IOrganizationFilings
{
    public async Task<IReadOnlyList<OrganizationFiling>> OfOrganizationAsync(IQuerySession session, Guid organizationId,
        CancellationToken ct = default)
    {
        var organization = await session.LoadAsync<Organization>(organizationId, ct);
        if (organization is null) return [];
        var filings = await session.Query<FilingRecord>().Where(f => f.OrganizationId == organizationId)
            .OrderByDescending(f => f.GrantedAt).ToListAsync(ct);
        return filings.Select(f => new OrganizationFiling(f.Id, f.OrganizationId, f.OrganizationName, organization.AreaCode, f.FilingNumber,
            f.Jurisdiction, f.Scope, f.AreaCode, f.GrantingAuthority, Enum.Parse<FilingState>(f.Status.ToString()), f.GrantedAt.Date(),
            f.ValidFrom, f.ValidUntil,
            f.Occupations.Select(o => new FiledOccupationScope(o.Key, o.Name, o.Code, o.HighestLevel, o.LowestLevel)).ToList(),
            f.ApplicationId)).ToList();
    }
}
