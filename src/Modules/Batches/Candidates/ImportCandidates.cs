using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Batches.Candidates;

public static class ImportCandidatesEndpoint
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Import candidates from .xlsx (multipart: <c>version</c>, <c>file</c>; the columns of GET /api/batches/candidate-template).
    /// All or nothing: any faulty row answers 422 listing every row's errors under <c>rows</c> and writes nothing.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/candidates/import", OperationId = BatchGuards.ImportCandidates, Summary = "导入考生")]
    [ProducesResponseType<BatchChange>(200)]
    public static async Task<IResult> Post(Guid batchId, HttpRequest request, AccessContext caller, IDocumentSession session,
        UploadWork work, Instant now, Actor by)
    {
        var (upload, problem) = await BatchUploads.OpenAsync(batchId, BatchGuards.ImportCandidates, request, caller, session);
        if (upload is null) return Results.Problem(problem!);
        var (stream, batch) = (upload.Stream, upload.Batch);
        using var buffer = upload.Content;
        using var slot = await work.EnterAsync(request.HttpContext.RequestAborted);
        if (slot is null) return Results.Problem(UploadWork.Busy(request.HttpContext.Response));
        var (rows, fileProblem) = SheetRows.Read(buffer, upload.FileName, CandidateRows.Columns.Take(7).ToList(), CandidateRows.Columns,
            request.HttpContext.RequestAborted);
        if (fileProblem is not null) return Results.Problem(fileProblem);
        var inputs = rows.Select(r => (r.Row, new CandidateInput(r.Cell("姓名"), r.Cell("证件类型"), r.Cell("证件号码"), r.Cell("所在单位"),
            r.Cell("职业名称"), r.Cell("职业技能等级"), r.Cell("联系电话"), r.Cell("考生所在地市")))).ToList();
        var added = CandidatesDecider.Add(batch, inputs, await CandidateRows.InOtherOpenBatchesAsync(session, batch), upload.FileName, now, by);
        stream.AppendOne(added);
        // taken before saving: the inline snapshot applies the event to this very instance, and After would count it twice
        var answer = BatchChange.After(batch);
        await session.SaveChangesAsync();
        return Results.Ok(answer);
    }
}

public static class CandidateTemplateEndpoint
{
    /// <summary>Download the candidate import template (.xlsx) with one example row.</summary>
    [Authorize]
    [WolverineGet("/api/batches/candidate-template", OperationId = "downloadCandidateTemplate", Summary = "下载考生导入模板")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Get()
    {
        using var content = new MemoryStream();
        await Spreadsheet.WriteAsync(content, "考生", CandidateRows.Columns,
            [["张三", "201", "11010519491231002X", "某某有限公司", "电工", "四级/中级工", "芜湖市", "13800000000"]]);
        return Results.File(content.ToArray(), Spreadsheet.ContentType, "考生导入模板.xlsx");
    }
}
