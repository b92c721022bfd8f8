using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Organizations;

public static class UploadOrganizationSealEndpoint
{
    public static ProblemDetails Before(Organization organization, AccessContext caller) =>
        OrganizationGuards.Table.Check(OrganizationGuards.UploadSeal, organization, caller);

    /// <summary>The form, opened once, with a decode slot held while the picture is judged and trimmed.</summary>
    public static Task<OpenedUpload> LoadAsync(HttpRequest request, UploadWork work) => OpenedUpload.OpenAsync(request, work);

    /// <summary>The fields (400), the version (409), the file's size (413) and the type it declares (415), then a free slot (429).</summary>
    public static ProblemDetails Validate(Organization organization, OpenedUpload upload)
    {
        var form = upload.Form;
        if (!form.IsMultipart) return UploadForm.NotMultipartProblem();
        if (form.Integer("version") is not (>= 1 and var version)) return Problems.Validation("version", "请提供读取时的版本号。");
        if (form.File is not { Content.Length: > 0 } file) return Problems.Validation("file", "请选择印章图片。");
        ExpectedVersion.Check(version, organization.Version);
        if (file.Content.Length > SealImages.MaxBytes)
            return new ProblemDetails
            {
                Status = 413, Type = Problems.TypeBase + "payload-too-large", Title = "请求体过大",
                Detail = $"印章图片不超过{SealImages.MaxBytes / 1024 / 1024}MB。", Extensions = { ["code"] = "payload-too-large" },
            };
        if (FileSniffer.Declared(file.ContentType, file.BareName) is { } declared && declared != FileSniffer.Png)
            return new ProblemDetails
            {
                Status = 415, Type = Problems.TypeBase + "unsupported-media-type", Title = "不支持的内容类型",
                Detail = $"印章图片须为PNG（收到：{file.ContentType ?? "无"}）。", Extensions = { ["code"] = "unsupported-media-type" },
            };
        return upload.Busy ?? WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Upload the organization's seal image (multipart: <c>version</c>, <c>file</c>): a PNG with a transparent background up to
    /// 1 MB, 150–3,000 px a side. It is trimmed to the seal and printed over the organization's name on 附件6 from today on
    /// (CRT-03); prints of earlier days keep the seal they had.
    /// </summary>
    [Authorize(Policy = ScopePolicies.FilingWrite)]
    [AcceptsUpload(SealImages.MaxBytes, "version")]
    [WolverinePost("/api/organizations/{organizationId}/seal", OperationId = OrganizationGuards.UploadSeal, Summary = "上传机构印章图片")]
    public static (UpdatedAggregate, Events, StoreDoc<OrganizationSealFile>) Post(
        [Aggregate("organizationId", ChecksClientVersion = false)] Organization organization, [NotBody] OpenedUpload upload, Instant now, Actor by)
    {
        var (uploaded, png) = OrganizationDecider.Seal(organization, SealImages.Judge(upload.File!.Content), Guid.CreateVersion7(), now, by);
        var stored = new OrganizationSealFile
        {
            Id = uploaded.SealId, OrganizationId = organization.Id, Sha256 = uploaded.Sha256, UploadedAt = uploaded.UploadedAt,
            UploadedDay = uploaded.UploadedOn.ToDateOnly().DayNumber, Content = png,
        };
        return (new UpdatedAggregate(), [uploaded], MartenOps.Store(stored));
    }
}

public static class OrganizationSealEndpoint
{
    /// <summary>The organization's current seal image (PNG) for those who see the organization; 404 when it has none.</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/organizations/{organizationId}/seal", OperationId = "downloadOrganizationSeal", Summary = "查看机构印章图片")]
    [ProducesResponseType<FileContentResult>(200, "image/png")]
    public static async Task<IResult> Get(Guid organizationId, AccessContext caller, IQuerySession session, CancellationToken ct)
    {
        var organization = await session.LoadAsync<Organization>(organizationId, ct);
        if (OrganizationGuards.Table.IsHidden(organization, caller, out var hidden)) return hidden;
        if (organization.SealId is not { } sealId || await session.LoadAsync<OrganizationSealFile>(sealId, ct) is not { } file)
            return Results.Problem(Problems.NotFound("印章图片"));
        return Results.File(file.Content, "image/png", "seal.png");
    }
}
