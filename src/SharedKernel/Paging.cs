namespace Assessment.SharedKernel;

/// <summary>Page number and size of a list request: pages from 1, sizes from 1 to 100, 20 by default.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public static Paging From(int? page, int? pageSize) => new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100));
}
