using Assessment.Notices.Notices;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Notices.Reading;

/// <summary>A page of notices, with what the caller may start from the list (<see cref="NoticeGuards.Publish"/>).</summary>
public sealed record NoticeList(IReadOnlyList<PublicNotice> Items, long Total, int Page, int PageSize, IReadOnlyList<string> Actions);

public static class QueryNoticesEndpoint
{
    /// <summary>List public notices, newest first.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/notices", OperationId = "listNotices", Summary = "查询公示公告")]
    public static async Task<NoticeList> List(IQuerySession session, PolicyCatalog catalog, AccessContext caller, NoticeKind? kind,
        string? jurisdiction, NoticeStatus? status, string? q, int? page, int? pageSize)
    {
        IQueryable<Notice> query = session.Query<Notice>();
        if (kind is { } k) query = query.Where(n => n.Kind == k);
        if (!string.IsNullOrWhiteSpace(jurisdiction)) query = query.Where(n => n.Jurisdiction == jurisdiction);
        if (status is { } s) query = query.Where(n => n.Status == s);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(n => n.Subject.Contains(q));
        var found = await Paging.From(page, pageSize)
            .Of(query.OrderByDescending(n => n.PublishedAt), n => PublicNotice.From(n, catalog.AreaName(n.AreaCode), caller));
        return new NoticeList(found.Items, found.Total, found.Page, found.PageSize, NoticeGuards.Table.CreationActions(caller));
    }

    /// <summary>Get one public notice.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/notices/{noticeId}", OperationId = "getNotice", Summary = "查看公告")]
    [ProducesResponseType<PublicNotice>(200)]
    public static async Task<IResult> Get(Guid noticeId, IQuerySession session, PolicyCatalog catalog, AccessContext caller) =>
        await session.LoadAsync<Notice>(noticeId) is { } n
            ? Results.Ok(PublicNotice.From(n, catalog.AreaName(n.AreaCode), caller))
            : Results.Problem(Problems.NotFound<Notice>());
}
