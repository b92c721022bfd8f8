using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Privacy;
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

namespace Assessment.Batches.Scoring;

/// <summary>
/// An uploaded results sheet as <see cref="ImportResultsEndpoint.LoadAsync"/> found it: the form, the sheet's rows and the
/// organization's filings (BAT-06 needs one in force) and the batch's candidates. Disposing it frees the upload's decode slot.
/// </summary>
public sealed record ResultsSheet(OpenedUpload Upload, SheetRead Sheet, IReadOnlyList<OrganizationFiling> Filings, Roster Roster) : IDisposable
{
    public void Dispose() => Upload.Dispose();
}

public static class ImportResultsEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.ImportResults, batch, caller);

    public static async Task<ResultsSheet> LoadAsync(Batch batch, HttpRequest request, UploadWork work, IOrganizationFilings filings,
        IQuerySession session)
    {
        var upload = await OpenedUpload.OpenAsync(request, work);
        try
        {
            var sheet = upload.CanDecode
                ? SpreadsheetReader.ReadUpload(upload.File!, ResultsDecider.SheetColumns(batch), ["证件号码", .. batch.Subjects, "缺考"],
                    cancellationToken: request.HttpContext.RequestAborted)
                : SheetRead.Faulty(SheetRead.NoRows);
            return sheet.Usable
                ? new ResultsSheet(upload, sheet, await filings.OfOrganizationAsync(session, batch.OrganizationId),
                    await session.RosterAsync(batch.Id))
                : new ResultsSheet(upload, sheet, [], Roster.Empty);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    public static ProblemDetails Validate(Batch batch, ResultsSheet sheet) =>
        BatchUploads.Check(sheet.Upload.Form, batch).Then(() => SheetUploads.Problem(sheet.Upload, sheet.Sheet));

    /// <summary>
    /// Import results from .xlsx (multipart: <c>version</c>, <c>file</c>; the batch's own template from GET …/results-template:
    /// 证件号码, 姓名, one column per subject, 缺考). All or nothing, with every faulty row under <c>rows</c>.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(ImportCandidatesEndpoint.MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/results/import", OperationId = BatchGuards.ImportResults, Summary = "导入认定成绩")]
    [ProducesResponseType<BatchChange>(200)]
    public static (BatchChange, Events) Post([Aggregate("batchId", ChecksClientVersion = false)] Batch batch, [NotBody] ResultsSheet sheet,
        PolicyCatalog catalog, Instant now, Actor by) =>
        // the answer is taken before the event is applied: BatchChange.After counts it
        (BatchChange.After(batch),
            [ResultsDecider.Import(batch, sheet.Roster, sheet.Sheet.Rows, sheet.Filings, catalog, now.Date(), sheet.Upload.File!.BareName, now, by)]);
}

public static class ResultsTemplateEndpoint
{
    /// <summary>
    /// Download the batch's results template (.xlsx): one row per candidate (full identity number and name: the import matches on
    /// them), a column per subject. AUD-04: an export of personal data — the purpose stated, one read record with its row count.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}/results-template", OperationId = "downloadResultsTemplate", Summary = "下载成绩导入模板")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session, PersonalDataReads reads, HttpRequest request,
        CancellationToken ct)
    {
        var batch = await session.LoadAsync<Batch>(batchId, ct);
        if (BatchGuards.Table.Denies(BatchGuards.ImportResults, batch, caller, out var denied)) return denied;
        var (_, problem) = await reads.RevealAsync(caller, request, batch.Holder(), "downloadResultsTemplate", "下载成绩导入模板",
            PersonalFields.Holder, batch.Roster(), ct);
        if (problem is not null) return Results.Problem(problem);
        var roster = await session.RosterAsync(batchId, ct);
        using var content = new MemoryStream();
        await Spreadsheet.WriteAsync(content, "成绩", ResultsDecider.SheetColumns(batch), roster.Candidates.Select(c =>
            new object?[] { c.DocumentNumber, c.Name }.Concat(batch.Subjects.Select(_ => (object?)null)).Append("否").ToArray()));
        return Results.File(content.ToArray(), Spreadsheet.ContentType, "成绩导入模板.xlsx");
    }
}
