using System.Globalization;
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
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Batches.Scoring;

public static class ImportResultsEndpoint
{
    private static readonly string[] AbsentWords = ["是", "缺考", "Y", "y", "1"];

    /// <summary>
    /// Import results from .xlsx (multipart: <c>version</c>, <c>file</c>; the batch's own template from GET …/results-template:
    /// 证件号码, 姓名, one column per subject, 缺考). All or nothing, with every faulty row under <c>rows</c>.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(ImportCandidatesEndpoint.MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/results/import", OperationId = BatchGuards.ImportResults, Summary = "导入认定成绩")]
    [ProducesResponseType<BatchChange>(200)]
    public static async Task<IResult> Post(Guid batchId, HttpRequest request, AccessContext caller, IDocumentSession session,
        IOrganizationFilings filings, PolicyCatalog catalog, UploadWork work, Instant now, Actor by)
    {
        var (upload, problem) = await BatchUploads.OpenAsync(batchId, BatchGuards.ImportResults, request, caller, session);
        if (upload is null) return Results.Problem(problem!);
        var (stream, batch) = (upload.Stream, upload.Batch);
        using var buffer = upload.Content;
        using var slot = await work.EnterAsync(request.HttpContext.RequestAborted);
        if (slot is null) return Results.Problem(UploadWork.Busy(request.HttpContext.Response));
        var (rows, fileProblem) = SheetRows.Read(buffer, upload.FileName, ["证件号码", .. batch.Subjects, "缺考"], ["证件号码", "姓名", .. batch.Subjects, "缺考"],
            request.HttpContext.RequestAborted);
        if (fileProblem is not null) return Results.Problem(fileProblem);
        var byNumber = batch.Candidates.ToDictionary(c => c.DocumentNumber);
        var errors = new List<CandidateRowError>();
        var entries = new List<(int, ResultEntry)>();
        foreach (var row in rows)
        {
            var number = (row.Cell("证件号码") ?? "").Trim().ToUpperInvariant();
            if (!byNumber.TryGetValue(number, out var candidate)) { errors.Add(new(row.Row, "证件号码", "BAT-06", $"本批次没有证件号码为“{number}”的考生。")); continue; }
            var absent = AbsentWords.Contains((row.Cell("缺考") ?? "").Trim());
            var scores = new List<SubjectScore>();
            foreach (var subject in batch.Subjects)
            {
                var text = (row.Cell(subject) ?? "").Trim();
                if (absent && text.Length == 0) continue;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var score)) scores.Add(new SubjectScore(subject, score));
                else errors.Add(new(row.Row, subject, "BAT-06", $"{subject}成绩“{text}”不是数字。"));
            }
            entries.Add((row.Row, new ResultEntry(candidate.Id, absent, scores)));
        }
        if (errors.Count > 0) throw RowErrors.Refuse(errors);
        var recorded = ResultsDecider.Record(batch, entries, await filings.OfOrganizationAsync(session, batch.OrganizationId), catalog, now.Date(),
            upload.FileName, now, by);
        stream.AppendOne(recorded);
        // taken before saving: the inline snapshot applies the event to this very instance, and After would count it twice
        var answer = BatchChange.After(batch);
        await session.SaveChangesAsync();
        return Results.Ok(answer);
    }
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
        using var content = new MemoryStream();
        await Spreadsheet.WriteAsync(content, "成绩", ["证件号码", "姓名", .. batch.Subjects, "缺考"],
            batch.Candidates.Select(c => new object?[] { c.DocumentNumber, c.Name }.Concat(batch.Subjects.Select(_ => (object?)null)).Append("否").ToArray()));
        return Results.File(content.ToArray(), Spreadsheet.ContentType, "成绩导入模板.xlsx");
    }
}
