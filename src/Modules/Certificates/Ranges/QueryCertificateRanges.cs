using Assessment.Certificates.Issuance;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Assessment.Certificates.Ranges;

public static class QueryCertificateRangesEndpoint
{
    /// <summary>
    /// CRT-01 [AH]: allocated certificate number ranges with their use, per organization, year and level — an organization its own,
    /// authorities those of organizations registered in their area. Filter by organization, year and level to find the version an
    /// allocation sends (none listed: 0).
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-ranges", OperationId = "listCertificateRanges", Summary = "查询证书编号号段")]
    public static Task<Paged<CertificateSerialRanges>> Get(AccessContext caller, IQuerySession session, PolicyCatalog catalog,
        Guid? organizationId, int? year, int? level, int? page, int? pageSize)
    {
        var (user, access) = (caller.User, caller.Access);
        var query = session.Query<CertificateSerialSequence>().Where(s => s.AreaCode != null);
        if (user.Role == Roles.Expert) query = query.Where(s => s.Id == Guid.Empty);
        else if (user.OrganizationId is { } own) query = query.Where(s => s.OrganizationId == own);
        else if (access.VisibleAreas(user) is { } areas) query = query.Where(s => areas.Contains(s.AreaCode!));
        if (organizationId is { } org) query = query.Where(s => s.OrganizationId == org);
        if (year is { } y) query = query.Where(s => s.Year == y);
        if (level is { } l) query = query.Where(s => s.Level == l);
        return Paging.From(page, pageSize).Of(query.OrderBy(s => s.OrganizationName).ThenByDescending(s => s.Year).ThenBy(s => s.Level),
            s => CertificateRangeViews.Of(s, caller, catalog));
    }
}
