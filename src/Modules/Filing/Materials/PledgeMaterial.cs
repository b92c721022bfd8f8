using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Materials;

public sealed record PledgeMaterial(long Version, int Item, string Pledge);

public static class PledgeMaterialEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Pledge, application, caller);

    public static ProblemDetails Validate(PledgeMaterial c)
    {
        if (!MaterialItems.Names.ContainsKey(c.Item)) return Problems.Validation("item", "材料项应为1至6。");
        return string.IsNullOrWhiteSpace(c.Pledge) || c.Pledge.Length > 2000
            ? Problems.Validation("pledge", "请填写承诺内容（不超过2000字）。") : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/filing/applications/{applicationId}/pledges", OperationId = ApplicationGuards.Pledge, Summary = "告知承诺后补材料")]
    public static (UpdatedAggregate, Events) Post(PledgeMaterial command, [Aggregate("applicationId")] FilingApplication application,
        PolicyCatalog catalog, Instant now, Actor by) =>
        (new UpdatedAggregate(), [MaterialsDecider.Pledge(application, catalog.Get(application.Jurisdiction), command, now, by)]);
}
