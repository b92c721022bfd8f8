using System.Security.Claims;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Applications;

/// <summary>A page of applications, with what the caller may start from the list (<see cref="ApplicationGuards.Draft"/>).</summary>
public sealed record ApplicationList(IReadOnlyList<ApplicationSummary> Items, long Total, int Page, int PageSize, IReadOnlyList<string> Actions);

public static class QueryApplicationsEndpoint
{
    /// <summary>Get one filing application with its deadline, who must act and its history.</summary>
    /// <remarks>Seen by whoever the lists show it to (<see cref="ApplicationGuards"/>); 404 for anyone else.</remarks>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/applications/{applicationId}", OperationId = "getFilingApplication", Summary = "查看备案申请")]
    [ProducesResponseType<ApplicationView>(200)]
    public static async Task<IResult> Get(Guid applicationId, AccessContext caller, IQuerySession session, ApplicationViews views)
    {
        var application = await session.LoadAsync<FilingApplication>(applicationId);
        var hidden = ApplicationGuards.Table.Visible(application, caller);
        if (!ReferenceEquals(hidden, WolverineContinue.NoProblems)) return Results.Problem(hidden);
        return Results.Ok(views.For(application!, await session.LoadAsync<ApplicationDetails>(applicationId), caller));
    }

    /// <summary>List the filing applications the caller may see.</summary>
    /// <remarks>
    /// An organization sees its own, an expert those assigned to it, reviewers and systems those of their area once
    /// submitted. <c>awaitingMe=true</c> keeps what waits for the caller: the reviewer's authority must act, the expert
    /// has not scored, the organization must edit or produce pledged materials. Ordered by status in the order of the
    /// procedure; within a status, applications with FIL-09 preference flags (择优, shown with their names and bases in
    /// <c>preferenceFlags</c>) first — a flag, not a score — then the nearest deadline, then the newest.
    /// </remarks>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/applications", OperationId = "listFilingApplications", Summary = "查询备案申请")]
    public static async Task<ApplicationList> List(AccessContext caller, IQuerySession session, ApplicationViews views,
        ApplicationStatus? status, bool? awaitingMe, int? page, int? pageSize)
    {
        var (user, access) = (caller.User, caller.Access);
        IQueryable<FilingApplication> query = session.Query<FilingApplication>();
        if (user.OrganizationId is { } own) query = query.Where(a => a.OrganizationId == own);
        else if (user.Role == Roles.Expert) query = query.Where(a => a.Experts.Any(e => e.UserId == user.Id));
        else
        {
            if (access.VisibleAreas(user) is { } areas) query = query.Where(a => areas.Contains(a.AreaCode));
            query = query.Where(a => a.Status != ApplicationStatus.Draft);
        }
        if (status is { } s) query = query.Where(a => a.Status == s);
        if (awaitingMe == true) query = AwaitingCaller(query, user);
        var found = await Paging.From(page, pageSize)
            .Of(query.OrderBy(a => a.Stage).ThenByDescending(a => a.Preferred).ThenBy(a => a.AcceptanceDeadline).ThenByDescending(a => a.DraftedAt),
                a => views.Summary(a, user));
        return new ApplicationList(found.Items, found.Total, found.Page, found.PageSize, ApplicationGuards.Table.CreationActions(caller));
    }

    /// <summary>The query form of <see cref="ApplicationGuards.AwaitsCaller"/>.</summary>
    internal static IQueryable<FilingApplication> AwaitingCaller(IQueryable<FilingApplication> query, CurrentUser user)
    {
        switch (user.Role)
        {
            case Roles.Expert:
                var me = user.Id;
                return query.Where(a => a.Status == ApplicationStatus.UnderEvaluation && a.Experts.Any(e => e.UserId == me && !e.HasScored));
            case Roles.Reviewer when user.AuthorityCode is { } code:
                return query.Where(a =>
                    (a.Status == ApplicationStatus.Submitted && a.FirstReviewAuthority == code && !a.Forwarded)
                    || (a.Status == ApplicationStatus.Submitted && a.HandlingAuthority == code && (a.FirstReviewAuthority == null || a.Forwarded))
                    || ((a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.UnderEvaluation
                         || a.Status == ApplicationStatus.EvaluationPassed || a.Status == ApplicationStatus.InPublicity)
                        && a.HandlingAuthority == code));
            case Roles.Organization:
                return query.Where(a => a.Status == ApplicationStatus.Draft || a.Status == ApplicationStatus.Returned
                                        || (a.Status == ApplicationStatus.UnderEvaluation && a.Pledges.Any(p => !p.IsProduced)));
            default:
                return query.Where(a => false);
        }
    }
}
