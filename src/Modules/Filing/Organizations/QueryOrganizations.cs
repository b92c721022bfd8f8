using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using System.Security.Claims;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Organizations;


public static class QueryOrganizationsEndpoint
{
    /// <summary>One organization; 404 when it does not exist or lies outside the caller's jurisdiction or ownership.</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/organizations/{organizationId}", OperationId = "getOrganization", Summary = "查看评价机构")]
    [ProducesResponseType<OrganizationView>(200)]
    public static async Task<IResult> Get(Guid organizationId, AccessContext caller, IQuerySession session)
    {
        var org = await session.LoadAsync<Organization>(organizationId);
        var hidden = OrganizationGuards.Table.Visible(org, caller);
        return ReferenceEquals(hidden, WolverineContinue.NoProblems) ? Results.Ok(OrganizationView.Of(org!, caller)) : Results.Problem(hidden);
    }

    /// <summary>The organizations the caller may see, newest first.</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/organizations", OperationId = "listOrganizations", Summary = "查询评价机构")]
    public static Task<Paged<Organization>> List(ClaimsPrincipal principal, IQuerySession session, AccessControl access,
        string? name, int? page, int? pageSize)
    {
        var user = CurrentUser.From(principal);
        IQueryable<Organization> query = session.Query<Organization>();
        if (user.OrganizationId is { } own) query = query.Where(o => o.Id == own);
        else if (access.VisibleAreas(user) is { } areas) query = query.Where(o => areas.Contains(o.AreaCode));
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(o => o.Name.Contains(name));
        return Paging.From(page, pageSize).Of(query.OrderByDescending(o => o.RegisteredAt), o => o);
    }
}
