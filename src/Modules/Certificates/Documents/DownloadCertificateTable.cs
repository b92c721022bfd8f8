using System.Security.Claims;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Certificates.Documents;

public static class DownloadCertificateTableEndpoint
{
    /// <summary>
    /// 附件5 职业技能等级认定合格人员证书信息表 with the issued numbers and dates (BAT-09, CRT-01), for the organization to file
    /// and report upwards. Rows stream from the registry into a temporary file, so a large batch never sits in memory. The batch's own
    /// 附件5 (<c>GET /api/batches/{batchId}/report/certificates</c>) reads the same rows through <c>IIssuedCertificates</c>: one table.
    /// </summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-issuances/{batchId}/certificate-table", OperationId = "downloadIssuedCertificateTable",
        Summary = "下载含证书编号的合格人员证书信息表（附件5）")]
    [ProducesResponseType<FileStreamResult>(200, Spreadsheet.ContentType)]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session,
        PolicyCatalog catalog, PersonalDataReads reads, HttpRequest request, CancellationToken ct)
    {
        var issuance = await IssuanceOfBatch.LoadAsync(session, batchId, ct);
        if (IssuanceGuards.Table.Denies(IssuanceGuards.DownloadTable, issuance, caller, out var denied)) return denied;
        if (IssuanceGuards.Table.Allows(IssuanceGuards.DownloadTable, issuance, caller) is false) return IssuanceGuards.NothingIssuedYet();
        var batch = issuance.Batch;
        var (_, problem) = await reads.RevealAsync(caller, request, issuance.Holder, IssuanceGuards.DownloadTable, "下载合格人员证书信息表（附件5）",
            PersonalFields.Holder, issuance.Scope(await session.Registry().CountOfBatchAsync(batchId, ct)), ct);
        if (problem is not null) return Results.Problem(problem);
        var issuer = CertificateInformationTable.Issuer(catalog.Get(batch.Jurisdiction).Certificates, batch.OrganizationName);
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await Spreadsheet.WriteAsync(file, CertificateInformationTable.SheetName, CertificateInformationTable.Columns,
                session.Registry().CertificateTableRows(batchId).Select(line => CertificateInformationTable.Row(line, issuer)), ct);
            file.Position = 0;
            return Results.File(file, Spreadsheet.ContentType, CertificateInformationTable.FileName(batch.Title));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
