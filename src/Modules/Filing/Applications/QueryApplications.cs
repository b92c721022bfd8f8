using Assessment.SharedKernel;
using System.Security.Claims;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Applications;

public sealed record ApplicationPage(IReadOnlyList<FilingApplication> Items, long Total, int Page, int PageSize);

public static class QueryApplicationsEndpoint
{
    /// <summary>One application: its organization, or reviewers whose jurisdiction covers the organization.</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/applications/{id}", OperationId = "getFilingApplication")]
    [ProducesResponseType<FilingApplication>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal principal, IQuerySession session, AccessControl access)
    {
        var application = await session.LoadAsync<FilingApplication>(id);
        return application is null || !ApplicationAccess.CanSee(application, CurrentUser.From(principal), access)
            ? Results.Problem(Problems.NotFound("备案申请"))
            : Results.Ok(application);
    }

    /// <summary>The applications the caller may see; reviewers get their queue (submitted ones) first, overdue first.</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/applications", OperationId = "listFilingApplications")]
    public static async Task<ApplicationPage> List(ClaimsPrincipal principal, IQuerySession session, AccessControl access,
        ApplicationStatus? status, int? page, int? pageSize)
    {
        var user = CurrentUser.From(principal);
        var (p, size) = Paging.From(page, pageSize);
        IQueryable<FilingApplication> query = session.Query<FilingApplication>();
        if (user.OrganizationId is { } own) query = query.Where(a => a.OrganizationId == own);
        else if (user.Role == SharedKernel.Events.Roles.Expert) query = query.Where(a => a.Experts.Any(e => e.UserId == user.Id));
        else
        {
            if (access.VisibleAreas(user) is { } areas) query = query.Where(a => areas.Contains(a.AreaCode));
            query = query.Where(a => a.Status != ApplicationStatus.Draft);
        }
        if (status is { } s) query = query.Where(a => a.Status == s);
        var result = await query.OrderBy(a => a.AcceptanceDeadline).ThenByDescending(a => a.DraftedAt).ToPagedListAsync(p, size);
        return new ApplicationPage(result.ToList(), result.TotalItemCount, p, size);
    }
}
