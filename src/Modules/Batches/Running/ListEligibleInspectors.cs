using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
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
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session, IAccountDirectory accounts)
    {
        var batch = await session.LoadAsync<Batch>(batchId);
        // the choice for the dispatch form: the same answer as dispatching
        if (BatchGuards.Table.Denies(BatchGuards.DispatchInspector, batch, caller, out var denied)) return denied;
        var inspectors = await accounts.ActiveInRoleAsync(Roles.Inspector);
        return Results.Ok(inspectors.Where(i => caller.Access.CanDecideFor(i.AsUser(), batch.AreaCode)).ToList());
    }
}
