using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Http;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Candidates;

/// <summary>An uploaded photo as the client sent it: its name, the type it declared (if any) and the bytes.</summary>
public sealed record UploadedPhoto(string FileName, string? DeclaredType, byte[] Content);

/// <summary>The photo file to store, replacing (deleting) the candidate's earlier one, written with the batch's event.</summary>
public sealed record CandidatePhotoFileChange(CandidatePhotoFile Stored) : IMartenOp
{
    public void Execute(IDocumentSession session)
    {
        var (batchId, candidateId) = (Stored.BatchId, Stored.CandidateId);
        session.DeleteWhere<CandidatePhotoFile>(f => f.BatchId == batchId && f.CandidateId == candidateId);
        session.Store(Stored);
    }
}

public static class UploadCandidatePhotoEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.UploadPhoto, batch, caller);

    /// <summary>The form, opened once, with a decode slot held while the photo is judged and normalized.</summary>
    public static Task<OpenedUpload> LoadAsync(HttpRequest request, UploadWork work) => OpenedUpload.OpenAsync(request, work);

    /// <summary>The fields (400), the version (409), then the file's size (413) and the type it declares (415), then a free slot (429).</summary>
    public static ProblemDetails Validate(Batch batch, OpenedUpload upload) =>
        BatchUploads.Check(upload.Form, batch).Then(() => upload.File!.Content.Length > CandidatePhotoImages.MaxBytes
            ? new ProblemDetails
            {
                Status = 413, Type = Problems.TypeBase + "payload-too-large", Title = "请求体过大",
                Detail = $"照片不超过{CandidatePhotoImages.MaxBytes / 1024 / 1024}MB。", Extensions = { ["code"] = "payload-too-large" },
            }
            : Declared(upload.File) is not null and not (FileSniffer.Jpeg or FileSniffer.Png)
                ? new ProblemDetails
                {
                    Status = 415, Type = Problems.TypeBase + "unsupported-media-type", Title = "不支持的内容类型",
                    Detail = $"照片须为JPEG或PNG图片（收到：{upload.File.ContentType ?? "无"}）。", Extensions = { ["code"] = "unsupported-media-type" },
                }
                : upload.Busy ?? WolverineContinue.NoProblems);

    /// <summary>
    /// Upload a candidate's 2-inch photo (multipart: <c>version</c>, <c>file</c>): JPEG or PNG up to 2 MB, judged by its content;
    /// it is cropped to 35:49 on white and stored as a 413 × 579 JPEG, which the certificate prints (CRT-03). Replaces an
    /// earlier photo; possible until the results report is accepted (certificates are issued from it).
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(CandidatePhotoImages.MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/candidates/{candidateId}/photo", OperationId = BatchGuards.UploadPhoto, Summary = "上传考生照片")]
    [ProducesResponseType<BatchChange>(200)]
    public static (BatchChange, Events, CandidatePhotoFileChange) Post(Guid candidateId,
        [Aggregate("batchId", ChecksClientVersion = false)] Batch batch,
        [NotBody] OpenedUpload upload, Instant now, Actor by)
    {
        var file = upload.File!;
        var (uploaded, jpeg) = CandidatesDecider.Photo(batch, candidateId, new UploadedPhoto(file.BareName, Declared(file), file.Content),
            Guid.CreateVersion7(), now, by);
        var stored = new CandidatePhotoFile
        {
            Id = uploaded.PhotoId, BatchId = batch.Id, CandidateId = candidateId, Sha256 = uploaded.Sha256, Content = jpeg,
        };
        // the answer is taken before the event is applied: BatchChange.After counts it
        return (BatchChange.After(batch), [uploaded], new CandidatePhotoFileChange(stored));
    }

    private static string? Declared(UploadedContent file) => FileSniffer.Declared(file.ContentType, file.BareName);
}

public static class CandidatePhotoEndpoint
{
    /// <summary>
    /// A candidate's photo (JPEG, as printed) for those the personal-data rule shows it (BAT-09: the organization, the receiving
    /// authority, auditors); AUD-04: the purpose stated, the read recorded; 404 when there is none.
    /// </summary>
    [Authorize(Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/{batchId}/candidates/{candidateId}/photo", OperationId = "downloadCandidatePhoto", Summary = "查看考生照片")]
    [ProducesResponseType<FileContentResult>(200, "image/jpeg")]
    public static async Task<IResult> Get(Guid batchId, Guid candidateId, AccessContext caller, IQuerySession session, PersonalDataReads reads,
        HttpRequest request, CancellationToken ct)
    {
        var batch = await session.LoadAsync<Batch>(batchId, ct);
        if (BatchGuards.Table.Denies(BatchGuards.DownloadPhoto, batch, caller, out var denied)) return denied;
        if (await session.CandidateAsync(batchId, candidateId, ct) is not { PhotoId: { } photoId } entry
            || await session.LoadAsync<CandidatePhotoFile>(photoId, ct) is not { } file)
            return Results.Problem(Problems.NotFound("考生照片"));
        var (_, problem) = await reads.RevealAsync(caller, request, batch.Holder(), BatchGuards.DownloadPhoto, "查看考生照片", PersonalFields.Photo,
            batch.Scope(entry.Candidate), ct);
        if (problem is not null) return Results.Problem(problem);
        // no-store (the /api default): every view of a photo reaches the server and its read log (AUD-04)
        return Results.File(file.Content, "image/jpeg", $"{file.CandidateId}.jpg");
    }
}
