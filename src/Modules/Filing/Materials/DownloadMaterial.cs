using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Materials;

public static class DownloadMaterialEndpoint
{
    /// <summary>The stored file, for whoever may see the application (<see cref="ApplicationGuards"/>).</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/applications/{applicationId}/materials/{materialId}", OperationId = "downloadFilingMaterial", Summary = "下载申报材料")]
    [ProducesResponseType<FileContentResult>(200, "application/pdf", "image/png", "image/jpeg")]
    public static async Task<IResult> Get(Guid applicationId, Guid materialId, AccessContext caller, IQuerySession session)
    {
        var application = await session.LoadAsync<FilingApplication>(applicationId);
        var file = await session.LoadAsync<MaterialFile>(materialId);
        if (application is null || file is null || file.ApplicationId != applicationId
            || !ApplicationGuards.Table.CanSee(application, caller))
            return Results.Problem(Problems.NotFound("材料"));
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
