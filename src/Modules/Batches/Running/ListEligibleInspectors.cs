using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Running;

/// <summary>
/// The inspectors the receiving authority may dispatch; when there are none, <paramref name="EmptyReason"/> says why (which
/// authorities have no active inspector) and <paramref name="HowToAdd"/> who can add one.
/// </summary>
public sealed record EligibleInspectors(IReadOnlyList<AccountSummary> Inspectors, string? EmptyReason, string? HowToAdd);

public static class EligibleInspectorsEndpoint
{
    public const string HowToAdd = "督查员账号由系统管理员在“系统管理 → 账号管理”中创建（角色选督查员，所属单位选本辖区主管部门）；请联系系统管理员添加后再选派。";

    /// <summary>The inspectors the receiving authority may dispatch to this batch (BAT-04): active inspectors over its area.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverineGet("/api/batches/{batchId}/eligible-inspectors", OperationId = "listEligibleInspectors", Summary = "查询可选派的督查员")]
    [ProducesResponseType<EligibleInspectors>(200)]
    public static async Task<IResult> Get(Guid batchId, AccessContext caller, IQuerySession session, IAccountDirectory accounts,
        PolicyCatalog catalog)
    {
        var batch = await session.LoadAsync<Batch>(batchId);
        // the choice for the dispatch form: the same answer as dispatching
        if (BatchGuards.Table.Denies(BatchGuards.DispatchInspector, batch, caller, out var denied)) return denied;
        var inspectors = (await accounts.ActiveInRoleAsync(Roles.Inspector)).Where(i => caller.Access.CanDecideFor(i.AsUser(), batch.AreaCode))
            .ToList();
        return Results.Ok(inspectors.Count > 0 ? new EligibleInspectors(inspectors, null, null)
            : new EligibleInspectors(inspectors, NoneReason(batch.AreaCode, catalog), HowToAdd));
    }

    /// <summary>BAT-04: an inspector of the batch's area or an authority above it — and none of them has an active one.</summary>
    public static string NoneReason(string areaCode, PolicyCatalog catalog) =>
        $"只能选派本辖区在职的督查员（BAT-04），而{string.Join("、", catalog.Ancestry(areaCode).Select(a => a.Name))}目前都没有在职的督查员账号。";
}
