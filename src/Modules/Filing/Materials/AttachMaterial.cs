using System.Globalization;
using Assessment.Filing.Applications;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Filing.Materials;

public static class AttachMaterialEndpoint
{
    /// <summary>
    /// Uploads one material as multipart/form-data (fields: version, item 1–6, file). PDF, PNG or JPEG up to 10 MB; the type
    /// is taken from the content, and a file whose content contradicts its declared type is refused (FIL-10).
    /// </summary>
    [Authorize(Roles = Roles.Organization)]
    [AcceptsUpload(MaterialItems.MaxBytes, "version", "item")]
    [WolverinePost("/api/filing/applications/{applicationId}/materials", OperationId = ApplicationGuards.Attach, Summary = "上传申报材料")]
    [ProducesResponseType<FilingApplication>(200)]
    public static async Task<IResult> Post(Guid applicationId, HttpRequest request, AccessContext caller, IDocumentSession session,
        Instant now, Actor by)
    {
        if (!request.HasFormContentType) return Results.Problem(Problems.Validation("file", "请以 multipart/form-data 上传文件。"));
        var form = await UploadForms.ReadAsync(request);

        // access first, then the fields, then the version: who may not see the application learns nothing about either
        var stream = await session.Events.FetchForWriting<FilingApplication>(applicationId);
        if (ApplicationGuards.Table.Denies(ApplicationGuards.Attach, stream.Aggregate, caller, out var denied)) return denied;
        var application = stream.Aggregate;

        var errors = new Dictionary<string, string[]>();
        if (!long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            errors["version"] = ["请提供读取时的版本号。"];
        if (!int.TryParse(form["item"], NumberStyles.None, CultureInfo.InvariantCulture, out var item) || !MaterialItems.Names.ContainsKey(item))
            errors["item"] = ["材料项应为1至6。"];
        var file = form.Files.GetFile("file");
        if (file is null) errors["file"] = ["请选择要上传的文件。"];
        else if (string.IsNullOrWhiteSpace(file.FileName) || file.FileName.Length > 200) errors["file"] = ["文件名不能为空且不超过200字。"];
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        ExpectedVersion.Check(version, application.Version);

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer);
        var declaredName = file.FileName;
        var attached = MaterialsDecider.Attach(application, item,
            new UploadedFile(declaredName, FileSniffer.Declared(file.ContentType, declaredName), buffer.ToArray()),
            Guid.CreateVersion7(), now, by);
        session.Store(new MaterialFile { Id = attached.MaterialId, ApplicationId = application.Id, ContentType = attached.ContentType,
            FileName = attached.FileName, Content = buffer.ToArray() });
        stream.AppendOne(attached);
        // committed here (Wolverine's own commit afterwards finds nothing left) so the answer is the projected state
        await session.SaveChangesAsync();
        return Results.Ok(await session.Events.FetchLatest<FilingApplication>(applicationId));
    }
}
