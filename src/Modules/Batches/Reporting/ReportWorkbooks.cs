using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Reporting;

/// <summary>
/// The two tables of the results report, with exactly the seed's wording: 附件4 职业技能等级认定结果汇总表 (BAT-08) as the
/// form it is, 附件5 合格人员证书信息表 (BAT-09) as a data table — header row first, one row per qualified candidate, no
/// note rows, 发证日期 as YYYY-MM-DD. 附件5 is one table with the Certificates module's: once certificates are issued its rows are
/// the registry's (<see cref="IIssuedCertificates"/>: numbers, issue dates, corrected holder data) in number order; before,
/// 证书编号 and 发证日期 are empty and the rows stand in the order the numbers will be given.
/// </summary>
public static class ReportWorkbooks
{
    public static readonly IReadOnlyList<string> LevelColumns = ["初级", "中级", "高级", "技师", "高级技师"];

    public static async Task WriteCertificateTableAsync(Stream stream, Batch batch, Roster roster, JurisdictionPolicy policy,
        IEnumerable<IssuedCertificateLine> issued)
    {
        var issuer = CertificateInformationTable.Issuer(policy.Certificates, batch.OrganizationName);
        await Spreadsheet.WriteAsync(stream, CertificateInformationTable.SheetName, CertificateInformationTable.Columns,
            CertificateRows(batch, roster, issuer, issued));
    }

    /// <summary>
    /// 附件5's rows: the issued certificates as the registry lists them, then any qualified candidate not issued yet (all of them before
    /// issuance; those after a halt) in issue order (<see cref="CertificateInformationTable.InIssueOrder{T}"/>), number and date empty.
    /// </summary>
    public static IEnumerable<object?[]> CertificateRows(Batch batch, Roster roster, string issuer, IEnumerable<IssuedCertificateLine> issued)
    {
        var done = new HashSet<Guid>();
        foreach (var line in issued)
        {
            done.Add(line.CandidateId);
            yield return CertificateInformationTable.Row(line, issuer);
        }
        foreach (var c in CertificateInformationTable.InIssueOrder(roster.Qualified().Where(c => !done.Contains(c.Id)), c => c.Level))
        {
            var o = batch.Occupations.First(x => x.Key == c.OccupationKey && x.Level == c.Level);
            yield return CertificateInformationTable.Row(c.Name, c.DocumentType, c.DocumentNumber, c.Employer, o.Name, null, c.Level, null, null,
                batch.OrganizationName, issuer, c.CityName);
        }
    }

    /// <summary>The 附件4 form: the cells a person fills on paper, filled from the batch.</summary>
    public static IEnumerable<object?[]> SummaryRows(Batch batch, Roster roster, NodaTime.LocalDate reportDate, string? centerOpinion)
    {
        var sat = roster.Results.Count(r => !r.Absent);
        var passed = roster.Qualified().ToList();
        var employers = roster.Candidates.Select(c => c.Employer).Distinct().ToList();
        var source = employers.Count <= 3 ? string.Join("、", employers) : $"{string.Join("、", employers.Take(3))}等{employers.Count}家单位";
        yield return ["职业技能等级认定结果汇总表", null, null, null, null, null, null];
        yield return [$"填报单位（章）：{batch.OrganizationName}", null, null, null, $"填报日期：{reportDate:yyyy年M月d日}", null, null];
        yield return ["认定时间", Days(batch), null, "备案人数", roster.Count, null, null];
        yield return ["考生来源", source, null, "认定人数", sat, "合格人数", passed.Count];
        yield return ["认定工种", "等级及合格人数", null, null, null, null, null];
        yield return ["/", .. LevelColumns, "小计"];
        var totals = new int[5];
        foreach (var occupation in batch.Occupations.Select(o => o.Name).Distinct())
        {
            var counts = new object?[5];
            for (var level = 5; level >= 1; level--)
            {
                var n = passed.Count(c => batch.Occupations.Any(o => o.Key == c.OccupationKey && o.Name == occupation) && c.Level == level);
                counts[5 - level] = n;
                totals[5 - level] += n;
            }
            yield return [occupation, .. counts, counts.Sum(x => (int)x!)];
        }
        yield return ["合计", .. totals.Cast<object?>(), totals.Sum()];
        yield return ["受理备案的人社部门所属职业技能鉴定（指导）中心意见", centerOpinion, null, null, "负责人：", null, "    年    月    日"];
        yield return ["受理备案的人力资源社会保障行政部门意见", null, null, null, "负责人：", null, "    年    月    日"];
    }

    public static Task WriteSummaryAsync(Stream stream, Batch batch, Roster roster, NodaTime.LocalDate reportDate, string? centerOpinion) =>
        Spreadsheet.WriteRowsAsync(stream, "结果汇总表", SummaryRows(batch, roster, reportDate, centerOpinion));

    private static string Days(Batch batch) => batch.ExamDays.Count switch
    {
        0 => "",
        1 => $"{batch.ExamDays[0]:yyyy-MM-dd}",
        _ => $"{batch.ExamDays[0]:yyyy-MM-dd}至{batch.ExamDays[^1]:yyyy-MM-dd}",
    };
}

public static class ReportWorkbookEndpoints
{
    /// <summary>附件4 职业技能等级认定结果汇总表 (.xlsx) of a batch with results.</summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}/report/summary", OperationId = "downloadResultsSummary", Summary = "下载认定结果汇总表（附件4）")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Summary(Guid batchId, AccessContext caller, IQuerySession session, NodaTime.Instant now)
    {
        var batch = await session.LoadAsync<Batch>(batchId);
        if (BatchGuards.Table.IsHidden(batch, caller, out var hidden)) return hidden;
        var details = await session.LoadAsync<BatchDetails>(batchId);
        using var content = new MemoryStream();
        var roster = await session.RosterAsync(batchId);
        var reportDate = batch.ReportedOn ?? SharedKernel.ChinaTime.Date(now);
        await ReportWorkbooks.WriteSummaryAsync(content, batch, roster, reportDate, details?.AcceptanceOpinion);
        return Results.File(content.ToArray(), Spreadsheet.ContentType, $"附件4 职业技能等级认定结果汇总表（{batch.Title}）.xlsx");
    }

    /// <summary>
    /// 附件5 职业技能等级认定合格人员证书信息表 (.xlsx): identity numbers, so only for those the personal-data rule shows them in full
    /// (AUD-04: the purpose stated, one read record naming the batch and its row count).
    /// </summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}/report/certificates", OperationId = "downloadCertificateTable", Summary = "下载合格人员证书信息表（附件5）")]
    [ProducesResponseType<FileContentResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Certificates(Guid batchId, AccessContext caller, IQuerySession session, PolicyCatalog catalog,
        IIssuedCertificates certificates, PersonalDataReads reads, HttpRequest request, CancellationToken ct)
    {
        var batch = await session.LoadAsync<Batch>(batchId, ct);
        if (BatchGuards.Table.Denies(BatchGuards.DownloadCertificateTable, batch, caller, out var denied)) return denied;
        // nothing to export is no read of anyone's data
        if (!BatchGuards.Table.Allows(BatchGuards.DownloadCertificateTable, batch, caller))
            return Results.Problem(Problems.BusinessRules([new RuleViolation("BAT-09", "batch.no-qualified-candidates", "该批次尚无合格人员，没有可下载的证书信息表。")]));
        var (_, problem) = await reads.RevealAsync(caller, request, batch.Holder(), BatchGuards.DownloadCertificateTable, "下载合格人员证书信息表（附件5）",
            PersonalFields.Holder, batch.Export(batch.Counted(CandidateMarks.Passed)), ct);
        if (problem is not null) return Results.Problem(problem);
        using var content = new MemoryStream();
        // certificates are issued only for an accepted report (CRT-02): before that there is nothing to read back
        var issued = batch.Status == BatchStatus.Accepted ? certificates.OfBatch(batch.Id) : [];
        var roster = await session.RosterAsync(batchId, ct);
        await ReportWorkbooks.WriteCertificateTableAsync(content, batch, roster, catalog.Get(batch.Jurisdiction), issued);
        return Results.File(content.ToArray(), Spreadsheet.ContentType, CertificateInformationTable.FileName(batch.Title));
    }
}
