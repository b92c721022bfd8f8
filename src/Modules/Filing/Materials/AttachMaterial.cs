using Assessment.Filing.Applications;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Materials;

public static class AttachMaterialEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Attach, application, caller);

    /// <summary>The form, opened once (after access: who may not see the application learns nothing about its fields).</summary>
    public static Task<UploadForm> LoadAsync(HttpRequest request) => UploadForms.OpenAsync(request);

    /// <summary>The fields (400, every one at once), then the version the client read (409).</summary>
    public static ProblemDetails Validate(FilingApplication application, UploadForm form)
    {
        if (!form.IsMultipart) return UploadForm.NotMultipartProblem();
        var errors = new Dictionary<string, string[]>();
        if (form.Integer("version") is not (>= 1 and var version)) errors["version"] = ["请提供读取时的版本号。"];
        if (form.Integer("item") is not { } item || item > int.MaxValue || !MaterialItems.Names.ContainsKey((int)item))
            errors["item"] = ["材料项应为1至6。"];
        if (form.File is not { } file) errors["file"] = ["请选择要上传的文件。"];
        else if (string.IsNullOrWhiteSpace(file.FileName) || file.FileName.Length > 200)
            errors["file"] = ["文件名不能为空且不超过200字。"];
        if (errors.Count > 0) return Problems.Validation(errors);
        ExpectedVersion.Check(form.Integer("version")!.Value, application.Version);
        return WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Uploads one material as multipart/form-data (fields: version, item 1–6, file). PDF, PNG or JPEG up to 10 MB; the type
    /// is taken from the content, and a file whose content contradicts its declared type is refused (FIL-10).
    /// </summary>
    [Authorize(Roles = Roles.Organization)]
    [AcceptsUpload(MaterialItems.MaxBytes, "version", "item")]
    [WolverinePost("/api/filing/applications/{applicationId}/materials", OperationId = ApplicationGuards.Attach, Summary = "上传申报材料")]
    public static (UpdatedAggregate, Events, StoreDoc<MaterialFile>) Post(
        [Aggregate("applicationId", ChecksClientVersion = false)] FilingApplication application,
        [NotBody] UploadForm form, Instant now, Actor by)
    {
        var file = form.File!;
        var attached = MaterialsDecider.Attach(application, (int)form.Integer("item")!.Value,
            new UploadedFile(file.FileName, FileSniffer.Declared(file.ContentType, file.FileName), file.Content), Guid.CreateVersion7(), now, by);
        var stored = new MaterialFile { Id = attached.MaterialId, ApplicationId = application.Id, ContentType = attached.ContentType,
            FileName = attached.FileName, Content = file.Content };
        return (new UpdatedAggregate(), [attached], MartenOps.Store(stored));
    }
}
