using System.IO.Compression;
using System.Security.Claims;
using Assessment.Certificates.Credentials;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Access;
using Assessment.Certificates.Verification;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Certificates.Documents;

/// <summary>Turns a registry row into what 附件6 prints, with the QR code's link and signed payload (CRT-03, CRT-04).</summary>
public static class CertificatePrints
{
    /// <param name="photo">The holder's photo bytes (from <see cref="ICandidatePhotos"/>), or null for the empty box.</param>
    /// <param name="seal">The organization's seal of the print's date (from <see cref="IOrganizationSeals"/>), or null.</param>
    public static CertificatePrint Of(CertificateRow row, SigningKey key, CertificatesOptions options, byte[]? photo = null, byte[]? seal = null)
    {
        var link = PublicCertificates.VerificationLink(options, row);
        // the payload signed once with the print (rows from before that are signed here)
        var payload = row.QrPayload ?? CredentialIssuer.IssueQrPayload(PublicCertificates.Claims(row), key);
        return new CertificatePrint(row.Number, row.HolderName, IdentityDocumentTypes.Names[(IdentityDocumentType)row.DocumentType],
            row.DocumentNumber,
            row.Occupation, row.WorkType, SkillLevel.FromNumber(row.Level).FullName, row.IssuedOn, row.OrganizationName, link,
            $"{link}#{payload}", photo,
            $"{options.PublicBaseUrl.TrimEnd('/')}/verify", Mark(row), row.Status == CertificateStatus.Revoked ? row.RevokedOn : null, seal);
    }

    /// <summary>The current print's mark: none for the paper as issued; 补发 or 更正 with the date from the second print on.</summary>
    public static PrintMark? Mark(CertificateRow row) => row.PrintNumber <= 1 ? null : new PrintMark(row.PrintKind switch
    {
        PrintKind.Reissue => "补发日期",
        _ => "更正日期",
    }, row.PrintedOn ?? row.IssuedOn);

    /// <summary>The date a print shows, whose seal it is stamped with: the issue date, or a re-print's date.</summary>
    public static LocalDate PrintedOn(CertificateRow row) => row.PrintNumber <= 1 ? row.IssuedOn : row.PrintedOn ?? row.IssuedOn;
}

public static class DownloadCertificateEndpoint
{
    /// <summary>One certificate as a PDF (附件6 layout) for its issuer, the
    /// authorities' reviewers and auditors (it prints the identity number).</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificates/{certificateId}/pdf", OperationId = "downloadCertificatePdf", Summary = "下载证书PDF")]
    [ProducesResponseType<FileContentResult>(200, "application/pdf")]
    public static async Task<IResult> Get(Guid certificateId, AccessContext caller, CertificatePdf pdf,
        SigningKeys keys, CertificatesOptions options, PersonalDataReads reads, IQuerySession session, ICandidatePhotos photos,
        IOrganizationSeals seals, HttpRequest request, CancellationToken ct)
    {
        var row = await session.Registry().FindAsync(certificateId, ct);
        if (CertificateGuards.Table.Denies(CertificateGuards.DownloadPdf, row, caller, out var denied)) return denied;
        var (_, problem) = await reads.RevealAsync(caller, request, row.Holder(), CertificateGuards.DownloadPdf, "下载证书PDF",
            PersonalFields.Certificate,
            row.Scope(), ct);
        if (problem is not null) return Results.Problem(problem);
        var photo = row.PhotoId is { } photoId ? (await photos.LoadAsync(session, [photoId], ct)).GetValueOrDefault(photoId) : null;
        var seal = await seals.AsOfAsync(session, row.OrganizationId, CertificatePrints.PrintedOn(row), ct);
        var print = CertificatePrints.Of(row, await keys.CurrentAsync(ct), options, photo, seal);
        using var content = new MemoryStream();
        pdf.Render(print, content);
        return Results.File(content.ToArray(), "application/pdf", $"职业技能等级证书{row.Number}.pdf");
    }
}

public static class DownloadBatchCertificatesEndpoint
{
    private const int PhotoPage = 100;

    /// <summary>How many PDFs the streamed zip holds.</summary>
    public const string CertificateCountHeader = "X-Certificate-Count";

    /// <summary>Every certificate of a batch as a zip of PDFs, streamed as they are drawn (a large batch never sits in memory).</summary>
    [Authorize(Policy = ScopePolicies.CertificatesRead)]
    [WolverineGet("/api/certificate-issuances/{batchId}/pdfs", OperationId = "downloadBatchCertificates", Summary = "批量下载证书PDF")]
    [ProducesResponseType<FileStreamResult>(200, "application/zip")]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session,
        CertificatePdf pdf, SigningKeys keys, CertificatesOptions options, ICandidatePhotos photos, IOrganizationSeals seals,
        PersonalDataReads reads, HttpRequest request, CancellationToken ct)
    {
        var issuance = await IssuanceOfBatch.LoadAsync(session, batchId, ct);
        if (IssuanceGuards.Table.Denies(IssuanceGuards.DownloadPdfs, issuance, caller, out var denied)) return denied;
        if (IssuanceGuards.Table.Allows(IssuanceGuards.DownloadPdfs, issuance, caller) is false) return IssuanceGuards.NothingIssuedYet();
        var batch = issuance.Batch;
        var count = await session.Registry().CountOfBatchAsync(batchId, ct);
        var (_, problem) = await reads.RevealAsync(caller, request, issuance.Holder, IssuanceGuards.DownloadPdfs, "批量下载证书PDF",
            PersonalFields.Certificate, issuance.Scope(count), ct);
        if (problem is not null) return Results.Problem(problem);
        // the zip is streamed without a length: the number of PDFs lets the SPA show how far a large batch's download is
        request.HttpContext.Response.Headers[CertificateCountHeader] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = await keys.CurrentAsync();
        return Results.Stream(async body =>
        {
            var output = new AsyncDrainedStream();
            var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            // photos are fetched a page of certificates at a time: never all of a large batch's images at once, nor one query per certificate
            var page = new List<CertificateRow>(PhotoPage);
            var sealOf = new Dictionary<LocalDate, byte[]?>(); // a batch prints on few dates: each date's seal is read once
            await foreach (var row in session.Registry().OfBatchAsync(batchId))
            {
                page.Add(row);
                if (page.Count == PhotoPage) await WritePage(page);
            }
            await WritePage(page);
            zip.Dispose(); // the central directory, into the buffer
            await output.DrainToAsync(body);

            async Task WritePage(List<CertificateRow> rows)
            {
                var ids = rows.Where(r => r.PhotoId is not null).Select(r => r.PhotoId!.Value).ToList();
                var images = await photos.LoadAsync(session, ids);
                foreach (var printedOn in rows.Select(CertificatePrints.PrintedOn).Distinct().Where(d => !sealOf.ContainsKey(d)))
                    sealOf[printedOn] = await seals.AsOfAsync(session, batch.OrganizationId, printedOn);
                foreach (var row in rows)
                {
                    var entry = zip.CreateEntry($"{row.Number}-{row.HolderName}.pdf", CompressionLevel.Fastest);
                    using (var stream = entry.Open())
                        pdf.Render(CertificatePrints.Of(row, key, options, row.PhotoId is { } id ? images.GetValueOrDefault(id) : null,
                            sealOf[CertificatePrints.PrintedOn(row)]), stream);
                    await output.DrainToAsync(body);
                }
                rows.Clear();
            }
        }, "application/zip", $"证书（{batch.Title}）.zip");
    }
}
