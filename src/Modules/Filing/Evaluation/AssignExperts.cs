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

namespace Assessment.Filing.Evaluation;

public sealed record AssignExperts(long Version, IReadOnlyList<Guid> ExpertIds, IReadOnlyList<string>? Methods, string? Instructions);

public static class AssignExpertsEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.AssignExperts, application, caller);

    public static ProblemDetails Validate(AssignExperts c)
    {
        var ids = c.ExpertIds ?? [];
        if (ids.Count is < 1 or > 15) return Problems.Validation("expertIds", "请指派1至15名评估专家。");
        if (ids.Distinct().Count() != ids.Count) return Problems.Validation("expertIds", "同一专家不能重复指派。");
        return c.Instructions is { Length: > 2000 } ? Problems.Validation("instructions", "评估要求不超过2000字。") : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/experts", OperationId = ApplicationGuards.AssignExperts, Summary = "指派评估专家")]
    public static async Task<(UpdatedAggregate, Events)> Post(AssignExperts command, [Aggregate("applicationId")] FilingApplication application,
        IAccountDirectory accounts, AccessControl access, PolicyCatalog catalog, Instant now, Actor by)
    {
        var experts = new List<AccountSummary?>();
        foreach (var id in command.ExpertIds) experts.Add(await accounts.FindActiveAsync(id));
        var assigned = EvaluationDecider.Assign(application, catalog.Get(application.Jurisdiction), experts, command,
            e => access.CanSee(e.AsUser(), application.AccessScope()), now, by);
        return (new UpdatedAggregate(), [assigned]);
    }
}
