using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel;
using System.Security.Claims;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Notices.Notices;

/// <summary>What the public sees of an objection: never who lodged it or how to reach them.</summary>
public sealed record PublicObjection(Instant LodgedAt, ObjectionOutcome? Outcome, Instant? ResolvedAt);

public sealed record PublicNotice(
    Guid Id, long Version, NoticeKind Kind, string Subject, string Body, string AreaCode, string Jurisdiction,
    LocalDate WindowStart, LocalDate WindowEnd, int Length, string LengthUnit, Instant PublishedAt, NoticeStatus Status,
    string? WithdrawalReason, int ObjectionCount, int OpenObjections, IReadOnlyList<PublicObjection> Objections)
{
    public static PublicNotice From(Notice n) => new(n.Id, n.Version, n.Kind, n.Subject, n.Body, n.AreaCode, n.Jurisdiction,
        n.WindowStart, n.WindowEnd, n.Length, n.LengthUnit, n.PublishedAt, n.Status, n.WithdrawalReason, n.Objections.Count,
        n.OpenObjections, n.Objections.Select(o => new PublicObjection(o.LodgedAt, o.Outcome, o.ResolvedAt)).ToList());
}

public sealed record NoticePage(IReadOnlyList<PublicNotice> Items, long Total, int Page, int PageSize);

public static class QueryNoticesEndpoint
{
    /// <summary>Public list of notices, newest first.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/notices", OperationId = "listNotices")]
    public static async Task<NoticePage> List(IQuerySession session, NoticeKind? kind, string? jurisdiction, NoticeStatus? status,
        string? q, int? page, int? pageSize)
    {
        var (p, size) = Paging.From(page, pageSize);
        IQueryable<Notice> query = session.Query<Notice>();
        if (kind is { } k) query = query.Where(n => n.Kind == k);
        if (!string.IsNullOrWhiteSpace(jurisdiction)) query = query.Where(n => n.Jurisdiction == jurisdiction);
        if (status is { } s) query = query.Where(n => n.Status == s);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(n => n.Subject.Contains(q));
        var result = await query.OrderByDescending(n => n.PublishedAt).ToPagedListAsync(p, size);
        return new NoticePage(result.Select(PublicNotice.From).ToList(), result.TotalItemCount, p, size);
    }

    [AllowAnonymous]
    [WolverineGet("/api/notices/{noticeId}", OperationId = "getNotice")]
    [ProducesResponseType<PublicNotice>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid noticeId, IQuerySession session) =>
        await session.LoadAsync<Notice>(noticeId) is { } n ? Results.Ok(PublicNotice.From(n)) : Results.Problem(Problems.NotFound("公告"));

    /// <summary>
    /// Objections with the objectors' contact details: personal data, so only for the reviewers of the notice's area (and
    /// the areas above it), auditors, and third-party systems of such an authority holding the notices:objections scope.
    /// Everyone else gets 404, as if the notice had no such list.
    /// </summary>
    [Authorize(Policy = ScopePolicies.NoticeObjectionsRead)]
    [WolverineGet("/api/notices/{noticeId}/objections", OperationId = "listObjections")]
    [ProducesResponseType<List<Objection>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Objections(Guid noticeId, ClaimsPrincipal principal, IQuerySession session, AccessControl access)
    {
        var n = await session.LoadAsync<Notice>(noticeId);
        var user = CurrentUser.From(principal);
        return n is not null && MaySeeContacts(user, n, access) ? Results.Ok(n.Objections) : Results.Problem(Problems.NotFound("公告"));
    }

    public static bool MaySeeContacts(CurrentUser user, Notice notice, AccessControl access) => user.Role switch
    {
        Roles.Auditor => true,
        Roles.Reviewer => access.CanSee(user, notice.Scope()),
        Roles.ApiClient => user.AuthorityCode is not null && access.CanSee(user, notice.Scope()),
        _ => false,
    };
}
