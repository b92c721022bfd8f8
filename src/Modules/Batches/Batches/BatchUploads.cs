using System.Globalization;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Problems;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Batches;

/// <summary>An organization's spreadsheet upload to one of its batches: the batch's stream, the batch and the file's bytes.</summary>
/// <remarks><paramref name="ContentType"/> is what the client declared, never trusted alone.</remarks>
public sealed record BatchUpload(IEventStream<Batch> Stream, Batch Batch, string FileName, MemoryStream Content, string? ContentType = null);

/// <summary>
/// The steps every batch upload (multipart: <c>version</c>, <c>file</c>) takes in the house order: access first (404/403),
/// then the fields (400), then the version the client read (409) — so a hidden batch reveals nothing.
/// </summary>
public static class BatchUploads
{
    public static async Task<(BatchUpload? Upload, ProblemDetails? Problem)> OpenAsync(Guid batchId, string operationId, HttpRequest request,
        AccessContext caller, IDocumentSession session)
    {
        if (!request.HasFormContentType) return (null, Problems.Validation("file", "请以 multipart/form-data 上传文件。"));
        var form = await UploadForms.ReadAsync(request);
        var stream = await session.Events.FetchForWriting<Batch>(batchId);
        var denied = BatchGuards.Table.Check(operationId, stream.Aggregate, caller);
        if (denied.Status is not null || stream.Aggregate is not { } batch) return (null, denied);

        if (!long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            return (null, Problems.Validation("version", "请提供读取时的版本号。"));
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return (null, Problems.Validation("file", "请选择要导入的文件。"));
        ExpectedVersion.Check(version, batch.Version);

        var content = new MemoryStream();
        await file.CopyToAsync(content);
        content.Position = 0;
        return (new BatchUpload(stream, batch, Path.GetFileName(file.FileName), content, file.ContentType), null);
    }
}
