using System.Security.Cryptography;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Assessment.SharedKernel.Spreadsheets;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Filing.Catalog;

/// <summary>An administrator's catalog import (FIL-01): the whole file's entries, recorded with the file's SHA-256.</summary>
public sealed record OccupationCatalogImported(Guid CatalogId, string FileName, string Sha256, IReadOnlyList<CatalogOccupation> Entries,
    Instant ImportedAt, Actor By);

/// <summary>The imported catalog (one stream); the latest import replaces the previous one.</summary>
public sealed class ImportedOccupationCatalog
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public List<CatalogOccupation> Entries { get; set; } = [];
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public Instant ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";

    public static readonly Guid StreamId = StreamIds.FromName("occupation-catalog");

    public static ImportedOccupationCatalog Create(OccupationCatalogImported e) => new ImportedOccupationCatalog { Id = e.CatalogId }.With(e);

    public void Apply(OccupationCatalogImported e) => With(e);

    private ImportedOccupationCatalog With(OccupationCatalogImported e)
    {
        Entries = e.Entries.ToList();
        FileName = e.FileName;
        Sha256 = e.Sha256;
        ImportedAt = e.ImportedAt;
        ImportedBy = e.By.UserName;
        return this;
    }
}

/// <summary>A row the import refused, with the reason (1-based row number as in the spreadsheet, header = row 1).</summary>
public sealed record CatalogRowError(int Row, string Field, string Message);

public sealed record CatalogImportResult(int Imported, int Access, string FileName, string Sha256, Instant ImportedAt);

/// <summary>Reads .xlsx or CSV with the columns 职业编码, 职业名称, 类别 (技能类/准入类) and optionally 大类.</summary>
public static class CatalogFile
{
    private static readonly string[] CodeHeaders = ["职业编码", "编码", "职业(工种)编码", "职业（工种）编码", "code"];
    private static readonly string[] NameHeaders = ["职业名称", "职业(工种)名称", "职业（工种）名称", "工种名称", "名称", "name"];
    private static readonly string[] TypeHeaders = ["类别", "类型", "职业类别", "type"];
    private static readonly string[] GroupHeaders = ["大类", "分组", "所属大类", "group"];

    /// <summary>Every row's entry or error; <paramref name="refused"/> when the file is beyond a spreadsheet limit (413).</summary>
    public static (IReadOnlyList<CatalogOccupation> Entries, IReadOnlyList<CatalogRowError> Errors) Parse(Stream content, string fileName, string source,
        out SpreadsheetLimitException? refused, CancellationToken cancellationToken = default)
    {
        refused = null;
        SpreadsheetFormat? format = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => SpreadsheetFormat.Xlsx,
            ".csv" => SpreadsheetFormat.Csv,
            _ => null,
        };
        if (format is null) return ([], [new CatalogRowError(0, "file", "仅支持 .xlsx 或 .csv 文件。")]);
        var read = SpreadsheetReader.Read(content, format.Value, [.. CodeHeaders, .. NameHeaders, .. TypeHeaders, .. GroupHeaders],
            cancellationToken: cancellationToken);
        if (read.Refused is not null) { refused = read.Refused; return ([], []); }
        if (read.Unreadable) return ([], [new CatalogRowError(0, "file", "文件无法读取，请确认是有效的 Excel（.xlsx）或 CSV（UTF-8）文件。")]);
        var rows = read.Rows;
        if (rows.Count == 0) return ([], [new CatalogRowError(0, "file", "文件中没有数据行。")]);
        var headers = rows[0].Keys.ToList();
        string? Column(string[] names) => headers.FirstOrDefault(h => names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase));
        var codeColumn = Column(CodeHeaders);
        var nameColumn = Column(NameHeaders);
        var typeColumn = Column(TypeHeaders);
        var groupColumn = Column(GroupHeaders);
        var missing = new List<CatalogRowError>();
        if (nameColumn is null) missing.Add(new(1, "header", "缺少“职业名称”列。"));
        if (typeColumn is null) missing.Add(new(1, "header", "缺少“类别”列（技能类/准入类）。"));
        if (missing.Count > 0) return ([], missing);

        var entries = new List<CatalogOccupation>();
        var errors = new List<CatalogRowError>();
        var seenCodes = new Dictionary<string, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = i + 2;
            string Text(string? column) =>
                column is null ? "" : Convert.ToString(rows[i].GetValueOrDefault(column), System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
            var name = Text(nameColumn);
            var codeText = Text(codeColumn);
            var typeText = Text(typeColumn);
            if (name.Length == 0 && codeText.Length == 0 && typeText.Length == 0) continue; // blank line
            var rowErrors = errors.Count;
            if (name.Length is 0 or > 100) errors.Add(new(row, "职业名称", "职业名称不能为空且不超过100字。"));
            string? code = null;
            if (codeText.Length > 0)
            {
                if (!OccupationCode.TryParse(codeText, out var parsed)) errors.Add(new(row, "职业编码", $"职业编码“{codeText}”格式不正确，应形如4-12-01-01。"));
                else if (seenCodes.TryGetValue(parsed.Value, out var first)) errors.Add(new(row, "职业编码", $"职业编码{parsed.Value}与第{first}行重复。"));
                else { code = parsed.Value; seenCodes[code] = row; }
            }
            OccupationType? kind = typeText switch
            {
                "技能类" or "水平评价类" or "技能人员职业资格（水平评价类）" or "Skill" or "skill" => OccupationType.Skill,
                "准入类" or "Access" or "access" => OccupationType.Access,
                _ => null,
            };
            if (kind is null) errors.Add(new(row, "类别", $"类别“{typeText}”无效，应为“技能类”或“准入类”。"));
            if (errors.Count == rowErrors) entries.Add(new CatalogOccupation(name, code, Text(groupColumn), kind!.Value, source));
        }
        return (entries, errors);
    }
}

public static class ImportCatalogEndpoint
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Imports the occupation catalog from .xlsx or CSV (multipart, field <c>file</c>; <c>version</c> from
    /// GET /api/occupations/import once a catalog was imported). All or nothing: any faulty row answers 422 with every
    /// row's error (extension <c>rows</c>); otherwise the import replaces the previous one.
    /// </summary>
    [Authorize(Roles = Roles.Administrator)]
    [AcceptsUpload(MaxBytes, "version")]
    [WolverinePost("/api/occupations/import", OperationId = "importOccupationCatalog", Summary = "导入职业目录")]
    [ProducesResponseType<CatalogImportResult>(200)]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, OccupationCatalog catalog, UploadWork work, Instant now,
        Actor by)
    {
        if (!request.HasFormContentType) return Results.Problem(Problems.Validation("file", "请以 multipart/form-data 上传文件。"));
        var form = await UploadForms.ReadAsync(request);
        if (form.Files.GetFile("file") is not { } file || file.Length == 0) return Results.Problem(Problems.Validation("file", "请选择要导入的文件。"));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var name = Path.GetFileName(file.FileName);
        buffer.Position = 0;
        using var slot = await work.EnterAsync(request.HttpContext.RequestAborted);
        if (slot is null) return Results.Problem(UploadWork.Busy(request.HttpContext.Response));
        var (entries, errors) = CatalogFile.Parse(buffer, name, $"管理员导入：{name}", out var refused, request.HttpContext.RequestAborted);
        if (refused is not null) return Results.Problem(refused.Problem());
        if (errors.Count > 0)
        {
            var problem = Problems.BusinessRules([new RuleViolation("FIL-01", "catalog.rows-invalid",
                $"职业目录有{errors.Count}处错误，未导入任何数据；请修改后重新导入。")]);
            problem.Extensions["rows"] = errors;
            return Results.Problem(problem);
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        var imported = new OccupationCatalogImported(ImportedOccupationCatalog.StreamId, name, sha, entries, now, by);
        if (await session.Events.FetchStreamStateAsync(ImportedOccupationCatalog.StreamId) is null)
            session.Events.StartStream<ImportedOccupationCatalog>(ImportedOccupationCatalog.StreamId, imported);
        else
        {
            // replacing an imported catalog: the administrator names the version it saw (stale → 409)
            if (!long.TryParse(form["version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
                return Results.Problem(Problems.Validation("version", "已有导入的目录，请提供读取时的版本号（GET /api/occupations/import）。"));
            var stream = await session.Events.FetchForWriting<ImportedOccupationCatalog>(ImportedOccupationCatalog.StreamId, version);
            stream.AppendOne(imported);
        }
        await session.SaveChangesAsync();
        catalog.Overlay(entries);
        return Results.Ok(new CatalogImportResult(entries.Count, entries.Count(e => e.Type == OccupationType.Access), name, sha, now));
    }
}

public sealed record CatalogImportState(long Version, string? FileName, string? Sha256, Instant? ImportedAt, string? ImportedBy, int Entries);

public static class CatalogImportStateEndpoint
{
    /// <summary>The current import (version 0 = only the shipped catalog).</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverineGet("/api/occupations/import", OperationId = "getOccupationCatalogImport", Summary = "查看职业目录导入情况")]
    public static async Task<CatalogImportState> Get(IQuerySession session)
    {
        var current = await session.LoadAsync<ImportedOccupationCatalog>(ImportedOccupationCatalog.StreamId);
        return current is null
            ? new CatalogImportState(0, null, null, null, null, 0)
            : new CatalogImportState(current.Version, current.FileName, current.Sha256, current.ImportedAt, current.ImportedBy, current.Entries.Count);
    }
}

public static class CatalogTemplateEndpoint
{
    /// <summary>Download the catalog import template (.xlsx).</summary>
    /// <remarks>The columns the import reads, with the two kinds of entry filled in as examples; the administrator
    /// replaces the examples with the catalog to load.</remarks>
    [Authorize(Roles = Roles.Administrator)]
    [WolverineGet("/api/occupations/import/template", OperationId = "downloadOccupationCatalogTemplate", Summary = "下载职业目录导入模板")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Get()
    {
        using var stream = new MemoryStream();
        await Spreadsheet.WriteAsync(stream, "职业目录", ["职业编码", "职业名称", "类别", "大类"],
        [
            ["6-31-01-03", "电工", "技能类", "生产制造及有关人员"],
            ["", "特种作业人员", "准入类", "准入类技能人员职业资格"],
        ]);
        return Results.File(stream.ToArray(), Spreadsheet.ContentType, "职业目录导入模板.xlsx");
    }
}

/// <summary>Puts the last imported catalog over the shipped one at start-up.</summary>
public sealed class OccupationCatalogLoader(IDocumentStore store, OccupationCatalog catalog, ILogger<OccupationCatalogLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<ImportedOccupationCatalog>(ImportedOccupationCatalog.StreamId, cancellationToken) is { } imported)
            {
                catalog.Overlay(imported.Entries);
                logger.LogInformation("Occupation catalog: {Count} imported entries from {File}", imported.Entries.Count, imported.FileName);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not load the imported occupation catalog; the shipped catalog is used");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
