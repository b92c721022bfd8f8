using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.SharedKernel.Spreadsheets;

/// <summary>
/// What an uploaded spreadsheet may expand to before it is parsed. An .xlsx is a zip: a few hundred kilobytes can hold a
/// 200 MB cell or a sheet of 10,000 × 2,000 cells, so sizes, ratios, cell lengths, columns, rows and time are all bounded.
/// </summary>
public sealed record SpreadsheetLimits
{
    public static readonly SpreadsheetLimits Default = new();

    /// <summary>Uncompressed bytes of one zip part (a 50,000-row template sheet is about 16 MB).</summary>
    public long MaxPartBytes { get; init; } = 40L * 1024 * 1024;

    /// <summary>Uncompressed bytes of all parts together.</summary>
    public long MaxTotalBytes { get; init; } = 80L * 1024 * 1024;

    /// <summary>Uncompressed : compressed, for parts larger than <see cref="RatioFreeBytes"/> (spreadsheet XML compresses about 10–30×).</summary>
    public int MaxRatio { get; init; } = 100;

    public long RatioFreeBytes { get; init; } = 1024 * 1024;

    public int MaxParts { get; init; } = 500;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Columns a sheet may use; only the template's columns are kept.</summary>
    public int MaxColumns { get; init; } = 64;

    public int MaxRows { get; init; } = 50_000;

    public int MaxSharedStrings { get; init; } = 1_000_000;

    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>The 413 for a spreadsheet beyond a limit: the detail names the limit.</summary>
public sealed class SpreadsheetLimitException(string detail) : Exception(detail)
{
    public const string Code = "spreadsheet-too-large";

    public ProblemDetails Problem() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge, Type = Problems.Problems.TypeBase + Code, Title = "表格超出处理上限",
        Detail = Message + "请删除多余的内容，或按模板分批导入。", Extensions = { ["code"] = Code },
    };
}
