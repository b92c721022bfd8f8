using Assessment.Batches.Batches;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Candidates;

/// <summary>
/// A bulk photo upload as <see cref="UploadCandidatePhotosEndpoint.LoadAsync"/> found it: the form (one zip or several images, with a
/// decode slot), the archive's refusal if any (413/400) and the batch's roster. Disposing it frees the slot.
/// </summary>
public sealed record PhotoBundle(OpenedUpload Upload, ProblemDetails? Refused, Roster Roster) : IDisposable
{
    public bool IsZip => Upload.Form.Files is [var only] && ZipUploads.IsZip(only.Content);

    /// <summary>The files' names (a zip's from its central directory) and, lazily, the files one at a time.</summary>
    public (IReadOnlyList<string> Names, IEnumerable<BulkPhotoFile> Files) Open()
    {
        if (!IsZip)
            return (Upload.Form.Files.Select(f => f.BareName).ToList(),
                Upload.Form.Files.Select(f =>
                    new BulkPhotoFile(f.BareName, FileSniffer.Declared(f.ContentType, f.BareName), f.Content.Length, f.Content)));
        var zip = Upload.Form.Files[0].Content;
        return (ZipUploads.Names(zip), ZipUploads.Entries(zip, UploadCandidatePhotosEndpoint.Limits)
            .Select(e => new BulkPhotoFile(e.Name, FileSniffer.Declared(null, e.Name), e.Length, e.Content)));
    }

    public void Dispose() => Upload.Dispose();
}

/// <summary>The answer to a bulk photo upload: the batch's new version, how many photos were saved and every file's result.</summary>
public sealed record BulkPhotoUpload(Guid Id, long Version, int Saved, IReadOnlyList<BulkPhotoFileResult> Files);

/// <summary>The photo files to store, each replacing (deleting) its candidate's earlier one, written with the batch's events.</summary>
public sealed record CandidatePhotoFilesChange(IReadOnlyList<CandidatePhotoFile> Stored) : IMartenOp
{
    public void Execute(IDocumentSession session)
    {
        foreach (var file in Stored) new CandidatePhotoFileChange(file).Execute(session);
    }
}

public static class UploadCandidatePhotosEndpoint
{
    /// <summary>The whole request: a zip or the images together (2 MB a photo, up to <see cref="Limits"/>' count of them).</summary>
    public const long MaxBytes = 50 * 1024 * 1024;

    public static readonly ZipLimits Limits = new(300, CandidatePhotoImages.MaxBytes);

    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.UploadPhotos, batch, caller);

    /// <summary>The form, opened once with a decode slot; a zip judged from its directory (nothing held expanded); the roster.</summary>
    public static async Task<PhotoBundle> LoadAsync(Batch batch, HttpRequest request, UploadWork work, IQuerySession session)
    {
        var upload = await OpenedUpload.OpenAsync(request, work);
        try
        {
            var files = upload.Form.Files;
            ProblemDetails? refused = files.Count > Limits.MaxEntries
                ? ZipUploads.TooMany(files.Count, Limits.MaxEntries)
                : upload.CanDecode && files is [var only] && ZipUploads.IsZip(only.Content)
                    ? ZipUploads.Check(only.Content, Limits, request.HttpContext.RequestAborted)
                    : null;
            var roster = refused is null && upload.CanDecode ? await session.RosterAsync(batch.Id, request.HttpContext.RequestAborted) : Roster.Empty;
            return new PhotoBundle(upload, refused, roster);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    /// <summary>The fields (400), the version (409), a free slot (429), the archive's limits (413) or a broken archive (400).</summary>
    public static ProblemDetails Validate(Batch batch, PhotoBundle bundle) =>
        BatchUploads.Check(bundle.Upload.Form, batch).Then(() => bundle.Upload.Busy ?? bundle.Refused ?? WolverineContinue.NoProblems);

    /// <summary>
    /// Upload many candidates' 2-inch photos at once (multipart: <c>version</c> and one zip or several images as <c>file</c>), each
    /// named by the candidate's identity number (110101199003071234.jpg) and judged like one photo (CRT-03). Answers each file's
    /// result (已保存, 本批次无此考生, 不是图片, 文件过大, 重复文件, 不符合照片要求); the saved ones replace earlier photos.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [AcceptsUpload(MaxBytes, "version")]
    [WolverinePost("/api/batches/{batchId}/candidates/photos", OperationId = BatchGuards.UploadPhotos, Summary = "批量上传考生照片")]
    [ProducesResponseType<BulkPhotoUpload>(200)]
    public static (BulkPhotoUpload, Events, CandidatePhotoFilesChange) Post([Aggregate("batchId", ChecksClientVersion = false)] Batch batch,
        [NotBody] PhotoBundle bundle, Instant now, Actor by)
    {
        var (names, files) = bundle.Open();
        var decision = BulkPhotosDecider.Upload(batch, bundle.Roster, names, files, Guid.CreateVersion7, now, by);
        var events = new Events();
        events.AddRange(decision.Events);
        return (new BulkPhotoUpload(batch.Id, batch.Version + decision.Events.Count, decision.Events.Count, decision.Results), events,
            new CandidatePhotoFilesChange(decision.Stored));
    }
}
