using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Batches.Candidates;

/// <summary>An uploaded photo as the client sent it: its name, the type it declared (if any) and the bytes.</summary>
public sealed record UploadedPhoto(string FileName, string? DeclaredType, byte[] Content);

public static class UploadCandidatePhotoEndpoint
{
    /// <summary>
    /// Upload a candidate's 2-inch photo (multipart: <c>version</c>, <c>file</c>): JPEG or PNG up to 2 MB, judged by its content;
    /// it is cropped to 35:49 on white and stored as a 413 × 579 JPEG, which the certificate prints (CRT-03). Replaces an
    /// earlier photo; possible until the results report is accepted (certificates are issued from it).
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(CandidatePhotoImages.MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/candidates/{candidateId}/photo", OperationId = BatchGuards.UploadPhoto, Summary = "上传考生照片")]
    [ProducesResponseType<BatchChange>(200)]
    public static async Task<IResult> Post(Guid batchId, Guid candidateId, HttpRequest request, AccessContext caller, IDocumentSession session,
        UploadWork work, Instant now, Actor by)
    {
        var (upload, problem) = await BatchUploads.OpenAsync(batchId, BatchGuards.UploadPhoto, request, caller, session);
        if (upload is null) return Results.Problem(problem!);
        var (stream, batch) = (upload.Stream, upload.Batch);
        using var buffer = upload.Content;
        if (buffer.Length > CandidatePhotoImages.MaxBytes)
            return Results.Problem(new ProblemDetails
            {
                Status = 413, Type = Problems.TypeBase + "payload-too-large", Title = "请求体过大",
                Detail = $"照片不超过{CandidatePhotoImages.MaxBytes / 1024 / 1024}MB。", Extensions = { ["code"] = "payload-too-large" },
            });
        var declared = FileSniffer.Declared(upload.ContentType, upload.FileName);
        if (declared is not null and not (FileSniffer.Jpeg or FileSniffer.Png))
            return Results.Problem(new ProblemDetails
            {
                Status = 415, Type = Problems.TypeBase + "unsupported-media-type", Title = "不支持的内容类型",
                Detail = $"照片须为JPEG或PNG图片（收到：{upload.ContentType ?? "无"}）。", Extensions = { ["code"] = "unsupported-media-type" },
            });

        var photoId = Guid.CreateVersion7();
        using var slot = await work.EnterAsync(request.HttpContext.RequestAborted);
        if (slot is null) return Results.Problem(UploadWork.Busy(request.HttpContext.Response));
        var (uploaded, jpeg) = CandidatesDecider.Photo(batch, candidateId, new UploadedPhoto(upload.FileName, declared, buffer.ToArray()), photoId, now, by);
        if (batch.Photos.TryGetValue(candidateId, out var replaced)) session.Delete<CandidatePhotoFile>(replaced);
        session.Store(new CandidatePhotoFile { Id = photoId, BatchId = batch.Id, CandidateId = candidateId, Sha256 = uploaded.Sha256, Content = jpeg });
        stream.AppendOne(uploaded);
        // taken before saving: the inline snapshot may apply the event to this very instance
        var answer = BatchChange.After(batch);
        await session.SaveChangesAsync();
        return Results.Ok(answer);
    }
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
        if (batch.Candidates.FirstOrDefault(c => c.Id == candidateId) is not { } candidate || !batch.Photos.TryGetValue(candidateId, out var photoId)
            || await session.LoadAsync<CandidatePhotoFile>(photoId, ct) is not { } file)
            return Results.Problem(Problems.NotFound("考生照片"));
        var (_, problem) = await reads.RevealAsync(caller, request, batch.Holder(), BatchGuards.DownloadPhoto, "查看考生照片", PersonalFields.Photo,
            batch.Scope(candidate), ct);
        if (problem is not null) return Results.Problem(problem);
        // no-store (the /api default): every view of a photo reaches the server and its read log (AUD-04)
        return Results.File(file.Content, "image/jpeg", $"{file.CandidateId}.jpg");
    }
}
