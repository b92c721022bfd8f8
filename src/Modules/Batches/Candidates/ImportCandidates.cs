using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Assessment.SharedKernel.Http;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Candidates;

/// <summary>
/// An uploaded candidate sheet as <see cref="ImportCandidatesEndpoint.LoadAsync"/> found it: the form, the sheet's rows and the
/// identity numbers it names that are already in this batch or another open one. Disposing it frees the upload's decode slot.
/// </summary>
public sealed record CandidateSheet(OpenedUpload Upload, SheetRead Sheet, TakenDocuments Taken) : IDisposable
{
    public void Dispose() => Upload.Dispose();
}

public static class ImportCandidatesEndpoint
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.ImportCandidates, batch, caller);

    public static async Task<CandidateSheet> LoadAsync(Batch batch, HttpRequest request, UploadWork work, IQuerySession session)
    {
        var upload = await OpenedUpload.OpenAsync(request, work);
        try
        {
            var sheet = upload.CanDecode
                ? SpreadsheetReader.ReadUpload(upload.File!, CandidateRows.Columns, CandidateRows.Columns.Take(7).ToList(),
                    cancellationToken: request.HttpContext.RequestAborted)
                : SheetRead.Faulty(SheetRead.NoRows);
            var taken = sheet.Usable ? await CandidateRows.TakenAsync(session, batch, sheet.Rows.Select(r => r.Cell("证件号码"))) : TakenDocuments.None;
            return new CandidateSheet(upload, sheet, taken);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    public static ProblemDetails Validate(Batch batch, CandidateSheet sheet) =>
        BatchUploads.Check(sheet.Upload.Form, batch).Then(() => SheetUploads.Problem(sheet.Upload, sheet.Sheet));

    /// <summary>
    /// Import candidates from .xlsx (multipart: <c>version</c>, <c>file</c>; the columns of GET /api/batches/candidate-template).
    /// All or nothing: any faulty row answers 422 listing every row's errors under <c>rows</c> and writes nothing.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/candidates/import", OperationId = BatchGuards.ImportCandidates, Summary = "导入考生")]
    [ProducesResponseType<BatchChange>(200)]
    public static (BatchChange, Events) Post([Aggregate("batchId", ChecksClientVersion = false)] Batch batch, [NotBody] CandidateSheet sheet,
        Instant now, Actor by) =>
        // the answer is taken before the event is applied: BatchChange.After counts it
        (BatchChange.After(batch),
            [CandidatesDecider.Import(batch, sheet.Sheet.Rows, sheet.Taken, sheet.Upload.File!.BareName, now, by)]);
}

public static class CandidateTemplateEndpoint
{
    /// <summary>Download the candidate import template (.xlsx): one example row, and a sheet 填写说明 with the document type codes.</summary>
    [Authorize]
    [WolverineGet("/api/batches/candidate-template", OperationId = "downloadCandidateTemplate", Summary = "下载考生导入模板")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Get()
    {
        using var content = new MemoryStream();
        await Spreadsheet.WriteAsync(content, CandidateTemplate.Sheets());
        return Results.File(content.ToArray(), Spreadsheet.ContentType, CandidateTemplate.FileName);
    }
}
