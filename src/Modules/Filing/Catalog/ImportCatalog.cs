using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
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
using Wolverine.Marten;

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

public sealed record CatalogImportResult(int Imported, int Access, string FileName, string Sha256, Instant ImportedAt);

/// <summary>Who may import the occupation catalog: administrators.</summary>
public static class CatalogGuards
{
    public const string Import = "importOccupationCatalog";

    public static readonly GuardTable<ImportedOccupationCatalog> Table = new GuardTable<ImportedOccupationCatalog>("职业目录", (_, _) => true)
        .Creation(Import, c => c.User.Role == Roles.Administrator, "只有系统管理员可以导入职业目录。");
}

/// <summary>
/// An uploaded catalog file as <see cref="ImportCatalogEndpoint.LoadAsync"/> found it: the form, the sheet's rows and the
/// version of the imported catalog (null before the first import). Disposing it frees the upload's decode slot.
/// </summary>
public sealed record CatalogSheet(OpenedUpload Upload, SheetRead Sheet, long? Version) : IDisposable
{
    public void Dispose() => Upload.Dispose();
}

/// <summary>Starts the catalog's stream, or appends to it at the version the administrator saw (a stream that moved: 409).</summary>
public sealed record CatalogImport(OccupationCatalogImported Imported, long? Version) : IMartenOp
{
    public void Execute(IDocumentSession session)
    {
        if (Version is { } version) session.Events.Append(ImportedOccupationCatalog.StreamId, version + 1, Imported);
        else session.Events.StartStream<ImportedOccupationCatalog>(ImportedOccupationCatalog.StreamId, Imported);
    }
}

public static class ImportCatalogEndpoint
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static ProblemDetails Before(AccessContext caller) => CatalogGuards.Table.CheckCreation(CatalogGuards.Import, caller);

    public static async Task<CatalogSheet> LoadAsync(HttpRequest request, UploadWork work, IQuerySession session)
    {
        var upload = await OpenedUpload.OpenAsync(request, work);
        try
        {
            var sheet = upload.CanDecode
                ? SpreadsheetReader.ReadUpload(upload.File!, CatalogDecider.Columns, csv: true, cancellationToken: request.HttpContext.RequestAborted)
                : SheetRead.Faulty(SheetRead.NoRows);
            var state = await session.Events.FetchStreamStateAsync(ImportedOccupationCatalog.StreamId, request.HttpContext.RequestAborted);
            return new CatalogSheet(upload, sheet, state?.Version);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    /// <summary>The file (400); once a catalog was imported, the version the
    /// administrator saw (400, stale 409); a slot (429); limits (413).</summary>
    public static ProblemDetails Validate(CatalogSheet sheet)
    {
        var form = sheet.Upload.Form;
        if (!form.IsMultipart) return UploadForm.NotMultipartProblem();
        if (form.File is not { Content.Length: > 0 }) return Problems.Validation("file", "请选择要导入的文件。");
        // a file that is no usable spreadsheet is refused (FIL-01, 422) whatever version it names
        if (sheet.Version is { } current && sheet.Sheet.Fault is null)
        {
            // replacing an imported catalog: the administrator names the version it saw (stale → 409)
            if (form.Integer("version") is not { } version)
                return Problems.Validation("version", "已有导入的目录，请提供读取时的版本号（GET /api/occupations/import）。");
            ExpectedVersion.Check(version, current);
        }
        return sheet.Upload.Busy ?? sheet.Sheet.Refused?.Problem() ?? WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Imports the occupation catalog from .xlsx or CSV (multipart, field <c>file</c>; <c>version</c> from
    /// GET /api/occupations/import once a catalog was imported). All or nothing: any faulty row answers 422 with every
    /// row's error (extension <c>rows</c>); otherwise the import replaces the previous one.
    /// </summary>
    [Authorize(Roles = Roles.Administrator)]
    [AcceptsUpload(MaxBytes, "version")]
    [WolverinePost("/api/occupations/import", OperationId = CatalogGuards.Import, Summary = "导入职业目录")]
    [ProducesResponseType<CatalogImportResult>(200)]
    public static (CatalogImportResult, CatalogImport) Post([NotBody] CatalogSheet sheet, Instant now, Actor by)
    {
        var imported = CatalogDecider.Import(sheet.Sheet, sheet.Upload.File!, now, by);
        var access = imported.Entries.Count(e => e.Type == OccupationType.Access);
        return (new CatalogImportResult(imported.Entries.Count, access, imported.FileName, imported.Sha256, now),
            new CatalogImport(imported, sheet.Version));
    }

    /// <summary>Once committed, this process serves the imported entries over the shipped ones (the others within a refresh).</summary>
    public static void AfterCommit(CatalogImport import, OccupationCatalogSync sync) =>
        sync.Applied((import.Version ?? 0) + 1, import.Imported.Entries);
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
            : new CatalogImportState(current.Version, current.FileName, current.Sha256, current.ImportedAt, current.ImportedBy,
                current.Entries.Count);
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
