using Assessment.SharedKernel.Problems;
using Marten.Pagination;

namespace Assessment.SharedKernel;

/// <summary>
/// Page number and size of a list request: pages from 1 to <see cref="MaxPage"/>, sizes from 1 to 100, 20 by default.
/// A page below 1 or a size outside 1–100 is taken as the nearest bound; a page beyond <see cref="MaxPage"/> is a 400 naming
/// <c>page</c>, so that the offset ((page − 1) × size) never overflows and no list is asked to skip millions of rows.
/// </summary>
public readonly record struct Paging(int Page, int Size)
{
    public const int MaxPage = 10_000;

    public static Paging From(int? page, int? pageSize)
    {
        if (page > MaxPage) throw new InvalidValueException("page", "invalid-parameter", $"页码不能大于 {MaxPage}。");
        return new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100));
    }

    /// <summary>One page of <paramref name="query"/>, each item shown as <paramref name="view"/> says.</summary>
    public async Task<Paged<TView>> Of<T, TView>(IQueryable<T> query, Func<T, TView> view, CancellationToken ct = default)
    {
        var items = await query.ToPagedListAsync(Page, Size, ct);
        return new Paged<TView>(items.Select(view).ToList(), items.TotalItemCount, Page, Size);
    }
}

/// <summary>The one shape of every list answer: the items of one page, the total, and which page it is.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
