using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Materials;

public sealed record RemoveMaterial(long Version);

public static class RemoveMaterialEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Remove, application, caller);

    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/materials/{materialId}/remove", OperationId = ApplicationGuards.Remove,
        Summary = "删除申报材料")]
    public static (UpdatedAggregate, Events, IMartenOp) Post(RemoveMaterial command, Guid materialId,
        [Aggregate("applicationId")] FilingApplication application, Instant now, Actor by)
    {
        var removed = MaterialsDecider.Remove(application, materialId, now, by);
        return (new UpdatedAggregate(), [removed], MartenOps.Delete<MaterialFile>(materialId));
    }
}
