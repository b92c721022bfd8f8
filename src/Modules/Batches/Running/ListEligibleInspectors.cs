using System.Security.Claims;
using Assessment.Batches.Batches;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Running;

public static class EligibleInspectorsEndpoint
{
    /// <summary>The inspectors the receiving authority may dispatch to this batch (BAT-04): active inspectors over its area.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverineGet("/api/batches/{batchId}/eligible-inspectors", OperationId = "listEligibleInspectors", Summary = "查询可选派的督查员")]
    [ProducesResponseType<IReadOnlyList<AccountSummary>>(200)]
    public static async Task<IResult> Get(Guid batchId, ClaimsPrincipal principal, IQuerySession session, IAccountDirectory accounts, AccessControl access)
    {
        var batch = await session.LoadAsync<Batch>(batchId);
        if (batch is null) return Results.Problem(Problems.NotFound("认定批次"));
        var denied = BatchAccess.ReceivingAuthority(batch, principal, access);
        if (!ReferenceEquals(denied, WolverineContinue.NoProblems)) return Results.Problem(denied);
        var inspectors = await accounts.ActiveInRoleAsync(Roles.Inspector);
        return Results.Ok(inspectors.Where(i => access.CanDecideFor(i.AsUser(), batch.AreaCode)).ToList());
    }
}
