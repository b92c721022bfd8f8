using Assessment.SharedKernel.Http;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Assessment.Filing.Applications;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Materials;

/// <summary>The stored bytes of one material (FIL-10), kept in the database with the application's events.</summary>
public sealed class MaterialFile
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string ContentType { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>FIL-10 material items.</summary>
public static class MaterialItems
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [1] = "基本情况表",
        [2] = "法人证书复印件",
        [3] = "工作方案及质量控制措施",
        [4] = "专家技能证明",
        [5] = "场地、设备及资产证明",
        [6] = "信用报告或诚信承诺书",
    };

    /// <summary>[AH] an already-filed enterprise or school asking for the same occupations and levels sends only (1) and (6).</summary>
    public static readonly IReadOnlyList<int> Simplified = [1, 6];

    public static string Name(int item) => $"（{item}）{Names[item]}";
}

public sealed record UploadedFile(string FileName, string? DeclaredType, byte[] Content);

public sealed record RemoveMaterial(long Version);

public sealed record PledgeMaterial(long Version, int Item, string Pledge);

/// <summary>FIL-10 decisions on materials. Pure: state and file in, event out.</summary>
public static class MaterialsDecider
{
    public static MaterialAttached Attach(FilingApplication a, int item, UploadedFile file, Guid materialId, Instant now, Actor by)
    {
        var producingPledge = a.Pledges.Any(p => p.Item == item && p.ProducedAt is null)
                              && a.Status is ApplicationStatus.Accepted or ApplicationStatus.UnderEvaluation;
        if (!a.IsEditable && !producingPledge)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-editable", "申请已提交，只能补交承诺后补的材料。"));
        if (file.Content.Length == 0)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.empty", "上传的文件为空。"));
        if (file.Content.Length > MaterialItems.MaxBytes)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.too-large", $"单个文件不超过{MaterialItems.MaxBytes / 1024 / 1024}MB。"));
        var actual = FileSniffer.Sniff(file.Content);
        if (actual is null)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.type-not-allowed",
                $"“{file.FileName}”不是PDF或图片（PNG、JPEG）文件。"));
        if (file.DeclaredType is { } declared && declared != actual)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.content-mismatch",
                $"“{file.FileName}”声明为{Describe(declared)}，实际内容是{Describe(actual)}，请上传真实文件。"));
        if (!UploadedFiles.IsWellFormed(file.Content, actual))
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.malformed",
                $"“{file.FileName}”无法作为{Describe(actual)}打开，文件已损坏或并非真实的{Describe(actual)}。"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        return new MaterialAttached(a.Id, materialId, item, UploadedFiles.SafeName(file.FileName, actual), actual, file.Content.Length, sha, now, by);
    }

    public static MaterialRemoved Remove(FilingApplication a, Guid materialId, Instant now, Actor by)
    {
        if (!a.IsEditable)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-editable", "申请已提交，不能删除材料。"));
        if (a.Materials.All(m => m.Id != materialId))
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-found", "该申请没有此材料。"));
        return new MaterialRemoved(a.Id, materialId, now, by);
    }

    public static MaterialPledged Pledge(FilingApplication a, JurisdictionPolicy policy, PledgeMaterial c, Instant now, Actor by)
    {
        if (!a.IsEditable)
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-editable", "申请已提交，不能再作承诺。"));
        if (!policy.Filing.PledgeableMaterials.Contains(c.Item))
            throw new BusinessRuleException(new RuleViolation("FIL-10", "material.not-pledgeable",
                policy.Filing.PledgeableMaterials.Count == 0
                    ? $"{policy.ShortName}不实行告知承诺，材料须在申请时提交。"
                    : $"{policy.ShortName}可承诺后补的材料为：{string.Join("、", policy.Filing.PledgeableMaterials.Select(MaterialItems.Name))}。"));
        return new MaterialPledged(a.Id, c.Item, c.Pledge.Trim(), now, by);
    }

    private static string Describe(string type) => type switch
    {
        FileSniffer.Pdf => "PDF",
        FileSniffer.Png => "PNG图片",
        FileSniffer.Jpeg => "JPEG图片",
        _ => type,
    };
}

public static class AttachMaterialEndpoint
{
    /// <summary>
    /// Uploads one material as multipart/form-data (fields: version, item 1–6, file). PDF, PNG or JPEG up to 10 MB; the type
    /// is taken from the content, and a file whose content contradicts its declared type is refused (FIL-10).
    /// </summary>
    [Authorize(Roles = Roles.Organization)]
    [AcceptsUpload(MaterialItems.MaxBytes, "version", "item")]
    [WolverinePost("/api/filing/applications/{applicationId}/materials", OperationId = "attachFilingMaterial")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409),
     ProducesResponseType<ProblemDetails>(413), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<IResult> Post(Guid applicationId, HttpRequest request, ClaimsPrincipal principal, IDocumentSession session,
        AccessControl access, IClock clock)
    {
        if (!request.HasFormContentType) return Results.Problem(Problems.Validation("file", "请以 multipart/form-data 上传文件。"));
        var form = await UploadForms.ReadAsync(request);
        var errors = new Dictionary<string, string[]>();
        if (!long.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            errors["version"] = ["请提供读取时的版本号。"];
        if (!int.TryParse(form["item"], NumberStyles.None, CultureInfo.InvariantCulture, out var item) || !MaterialItems.Names.ContainsKey(item))
            errors["item"] = ["材料项应为1至6。"];
        var file = form.Files.GetFile("file");
        if (file is null) errors["file"] = ["请选择要上传的文件。"];
        else if (string.IsNullOrWhiteSpace(file.FileName) || file.FileName.Length > 200) errors["file"] = ["文件名不能为空且不超过200字。"];
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));

        // access first, then the version: a caller who may not see the application learns nothing from the version
        var stream = await session.Events.FetchForWriting<FilingApplication>(applicationId);
        var application = stream.Aggregate;
        var user = CurrentUser.From(principal);
        if (application is null || !ApplicationAccess.CanSee(application, user, access)) return Results.Problem(Problems.NotFound("备案申请"));
        if (user.OrganizationId != application.OrganizationId) return Results.Problem(Problems.Forbidden("只有申请机构可以上传材料。"));
        ExpectedVersion.Check(version, application.Version);

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer);
        var declaredName = file.FileName;
        var attached = MaterialsDecider.Attach(application, item,
            new UploadedFile(declaredName, FileSniffer.Declared(file.ContentType, declaredName), buffer.ToArray()),
            Guid.CreateVersion7(), clock.GetCurrentInstant(), user.ToActor());
        session.Store(new MaterialFile { Id = attached.MaterialId, ApplicationId = application.Id, ContentType = attached.ContentType,
            FileName = attached.FileName, Content = buffer.ToArray() });
        stream.AppendOne(attached);
        // committed here (Wolverine's own commit afterwards finds nothing left) so the answer is the projected state
        await session.SaveChangesAsync();
        return Results.Ok(await session.Events.FetchLatest<FilingApplication>(applicationId));
    }
}

public static class DownloadMaterialEndpoint
{
    /// <summary>The stored file, for whoever may see the application (<see cref="ApplicationAccess"/>).</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/applications/{applicationId}/materials/{materialId}", OperationId = "downloadFilingMaterial")]
    [ProducesResponseType<FileContentResult>(200, "application/pdf", "image/png", "image/jpeg"), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid applicationId, Guid materialId, ClaimsPrincipal principal, IQuerySession session, AccessControl access)
    {
        var application = await session.LoadAsync<FilingApplication>(applicationId);
        var file = await session.LoadAsync<MaterialFile>(materialId);
        if (application is null || file is null || file.ApplicationId != applicationId
            || !ApplicationAccess.CanSee(application, CurrentUser.From(principal), access))
            return Results.Problem(Problems.NotFound("材料"));
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}

public static class RemoveMaterialEndpoint
{
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.OwnerOnly(application, principal, access);

    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/materials/{materialId}/remove", OperationId = "removeFilingMaterial")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Post(RemoveMaterial command, Guid materialId, [Aggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, IDocumentSession session, IClock clock)
    {
        var removed = MaterialsDecider.Remove(application, materialId, clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor());
        session.Delete<MaterialFile>(materialId);
        return (new UpdatedAggregate(), [removed]);
    }
}

public static class PledgeMaterialEndpoint
{
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.OwnerOnly(application, principal, access);

    public static ProblemDetails Validate(PledgeMaterial c)
    {
        if (!MaterialItems.Names.ContainsKey(c.Item)) return Problems.Validation("item", "材料项应为1至6。");
        return string.IsNullOrWhiteSpace(c.Pledge) || c.Pledge.Length > 2000
            ? Problems.Validation("pledge", "请填写承诺内容（不超过2000字）。") : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/pledges", OperationId = "pledgeFilingMaterial")]
    [ProducesResponseType<FilingApplication>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Post(PledgeMaterial command, [Aggregate("applicationId")] FilingApplication application,
        ClaimsPrincipal principal, PolicyCatalog catalog, IClock clock) =>
        (new UpdatedAggregate(), [MaterialsDecider.Pledge(application, catalog.Get(application.Jurisdiction), command, clock.GetCurrentInstant(),
            CurrentUser.From(principal).ToActor())]);
}
