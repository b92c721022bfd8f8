using Assessment.Filing.Filings;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Assessment.SharedKernel.Spreadsheets;
using Wolverine.Http;

namespace Assessment.Filing.Directory;


/// <summary>Directory filters: name, region (an area code and everything below it), occupation, level and status.</summary>
public sealed record DirectoryFilter(string? Name, string? Area, string? Occupation, int? Level, FilingStatus? Status, string? Jurisdiction)
{
    public IQueryable<DirectoryEntry> Apply(IQueryable<DirectoryEntry> query, PolicyCatalog catalog)
    {
        if (!string.IsNullOrWhiteSpace(Name)) { var n = Name.Trim(); query = query.Where(e => e.Name.Contains(n) || e.FilingNumber.Contains(n)); }
        if (!string.IsNullOrWhiteSpace(Area))
        {
            var areas = catalog.IsKnownArea(Area) ? catalog.AreasWithin(Area) : [Area];
            query = query.Where(e => areas.Contains(e.AreaCode));
        }
        if (!string.IsNullOrWhiteSpace(Occupation)) { var o = Occupation.Trim(); query = query.Where(e => e.OccupationText.Contains(o)); }
        if (Level is { } level) query = query.Where(e => e.Levels.Contains(level));
        if (Status is { } status) query = query.Where(e => e.Status == status);
        if (!string.IsNullOrWhiteSpace(Jurisdiction)) query = query.Where(e => e.Jurisdiction == Jurisdiction);
        return query.OrderBy(e => e.FilingNumber);
    }
}

/// <summary>The public directory of filed organizations (FIL-19): anyone may search, read and export it.</summary>
public static class QueryDirectoryEndpoint
{
    /// <summary>Search the public directory of filed evaluation organizations (FIL-19).</summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicRead)]
    [WolverineGet("/api/directory", OperationId = "searchDirectory", Summary = "查询评价机构目录")]
    [ProducesResponseType<Paged<DirectoryEntry>>(200)]
    public static async Task<IResult> Search(IQuerySession session, PolicyCatalog catalog, HttpContext http, string? name, string? area,
        string? occupation, int? level, FilingStatus? status, string? jurisdiction, int? page, int? pageSize)
    {
        var filter = new DirectoryFilter(name, area, occupation, level, status, jurisdiction);
        var found = await Paging.From(page, pageSize).Of(filter.Apply(session.Query<DirectoryEntry>(), catalog), e => e);
        return PublicCache.Json(http, found, PublicCache.DirectoryMaxAge);
    }

    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicRead)]
    [WolverineGet("/api/directory/{filingId}", OperationId = "getDirectoryEntry", Summary = "查看目录中的评价机构")]
    [ProducesResponseType<DirectoryEntry>(200)]
    public static async Task<IResult> Get(Guid filingId, IQuerySession session, HttpContext http) =>
        await session.LoadAsync<DirectoryEntry>(filingId) is { } entry
            ? PublicCache.Json(http, entry, PublicCache.DirectoryMaxAge)
            : Results.Problem(Problems.NotFound("备案机构"));

    /// <summary>The search result (up to 10,000 rows) as an .xlsx workbook.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicRead)]
    [WolverineGet("/api/directory/export", OperationId = "exportDirectory", Summary = "导出评价机构目录（xlsx）")]
    [ProducesResponseType<FileContentResult>(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public static async Task<IResult> Export(IQuerySession session, PolicyCatalog catalog, string? name, string? area, string? occupation,
        int? level, FilingStatus? status, string? jurisdiction)
    {
        var filter = new DirectoryFilter(name, area, occupation, level, status, jurisdiction);
        var entries = await filter.Apply(session.Query<DirectoryEntry>(), catalog).Take(10_000).ToListAsync();
        using var stream = new MemoryStream();
        await Spreadsheet.WriteAsync(stream, "评价机构目录", ExportHeaders, entries.Select(e => new object?[]
        {
            e.FilingNumber, e.Name, e.CreditCode, catalog.AreaName(e.AreaCode), e.Address, e.ContactName, e.ContactPhone, e.ContactEmail,
            $"{e.ValidFrom:yyyy-MM-dd}至{e.ValidUntil:yyyy-MM-dd}", DirectoryEntry.Describe(e.Occupations),
            string.Join("；", e.Sites.Select(s => $"{s.Name}（{s.Address}）")), StatusName(e.Status),
        }));
        return Results.File(stream.ToArray(), Spreadsheet.ContentType, "评价机构目录.xlsx");
    }

    private static readonly string[] ExportHeaders =
        ["备案号", "机构名称", "统一社会信用代码", "所在地区", "地址", "联系人", "联系电话", "电子邮箱", "备案有效期", "职业（工种）及等级", "评价站点", "状态"];

    public static string StatusName(FilingStatus status) => status switch
    {
        FilingStatus.Active => "有效",
        FilingStatus.Suspended => "暂停",
        FilingStatus.Cancelled => "注销",
        _ => "过期",
    };
}
