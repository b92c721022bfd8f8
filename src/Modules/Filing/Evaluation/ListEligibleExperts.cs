using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Evaluation;

public static class EligibleExpertsEndpoint
{
    /// <summary>The experts who may evaluate this application: active expert accounts whose jurisdiction covers it.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverineGet("/api/filing/applications/{applicationId}/eligible-experts", OperationId = "listEligibleExperts", Summary = "查询可指派的评估专家")]
    [ProducesResponseType<IReadOnlyList<AccountSummary>>(200)]
    public static async Task<IResult> Eligible(Guid applicationId, AccessContext caller, IQuerySession session, IAccountDirectory accounts)
    {
        var application = await session.LoadAsync<FilingApplication>(applicationId);
        var hidden = ApplicationGuards.Table.Visible(application, caller);
        if (!ReferenceEquals(hidden, WolverineContinue.NoProblems)) return Results.Problem(hidden);
        var experts = await accounts.ActiveInRoleAsync(Roles.Expert);
        return Results.Ok(experts.Where(e => caller.Access.CanSee(e.AsUser(), application!.AccessScope())).ToList());
    }
}
