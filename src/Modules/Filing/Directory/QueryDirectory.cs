using Assessment.Filing.Filings;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using Wolverine.Http;

namespace Assessment.Filing.Directory;

public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Items, long Total, int Page, int PageSize);

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
    [AllowAnonymous]
    [WolverineGet("/api/directory", OperationId = "searchDirectory")]
    public static async Task<DirectoryPage> Search(IQuerySession session, PolicyCatalog catalog, string? name, string? area, string? occupation,
        int? level, FilingStatus? status, string? jurisdiction, int? page, int? pageSize)
    {
        var (p, size) = Paging.From(page, pageSize);
        var filter = new DirectoryFilter(name, area, occupation, level, status, jurisdiction);
        var result = await filter.Apply(session.Query<DirectoryEntry>(), catalog).ToPagedListAsync(p, size);
        return new DirectoryPage(result.ToList(), result.TotalItemCount, p, size);
    }

    [AllowAnonymous]
    [WolverineGet("/api/directory/{id}", OperationId = "getDirectoryEntry")]
    [ProducesResponseType<DirectoryEntry>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<DirectoryEntry>(id) is { } entry ? Results.Ok(entry) : Results.Problem(Problems.NotFound("备案机构"));

    /// <summary>The search result (up to 10,000 rows) as an .xlsx workbook.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/directory/export", OperationId = "exportDirectory")]
    [ProducesResponseType<FileContentResult>(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public static async Task<IResult> Export(IQuerySession session, PolicyCatalog catalog, string? name, string? area, string? occupation,
        int? level, FilingStatus? status, string? jurisdiction)
    {
        var filter = new DirectoryFilter(name, area, occupation, level, status, jurisdiction);
        var entries = await filter.Apply(session.Query<DirectoryEntry>(), catalog).Take(10_000).ToListAsync();
        var rows = entries.Select(e => new Dictionary<string, object>
        {
            ["备案号"] = e.FilingNumber,
            ["机构名称"] = e.Name,
            ["统一社会信用代码"] = e.CreditCode,
            ["所在地区"] = AreaName(catalog, e.AreaCode),
            ["地址"] = e.Address,
            ["联系人"] = e.ContactName,
            ["联系电话"] = e.ContactPhone,
            ["电子邮箱"] = e.ContactEmail,
            ["备案有效期"] = $"{e.ValidFrom:yyyy-MM-dd}至{e.ValidUntil:yyyy-MM-dd}",
            ["职业（工种）及等级"] = DirectoryEntry.Describe(e.Occupations),
            ["评价站点"] = string.Join("；", e.Sites.Select(s => $"{s.Name}（{s.Address}）")),
            ["状态"] = StatusName(e.Status),
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Count > 0 ? rows : [EmptyRow()], sheetName: "评价机构目录");
        return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "评价机构目录.xlsx");
    }

    private static Dictionary<string, object> EmptyRow() => new() { ["备案号"] = "（无符合条件的机构）" };

    public static string AreaName(PolicyCatalog catalog, string areaCode) =>
        string.Join("", catalog.Ancestry(areaCode).Reverse().Where(a => a.Level != AuthorityLevels.National).Select(a => a.AreaName));

    public static string StatusName(FilingStatus status) => status switch
    {
        FilingStatus.Active => "有效",
        FilingStatus.Suspended => "暂停",
        FilingStatus.Cancelled => "注销",
        _ => "过期",
    };
}
