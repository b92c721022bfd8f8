using Assessment.SharedKernel.Access;
using System.Security.Claims;
using Assessment.Batches.Batches;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Planning;

/// <summary>A batch under filing <paramref name="FilingId"/> of the caller's organization.</summary>
public sealed record DraftBatch(Guid FilingId, string Title);

public static class DraftBatchEndpoint
{
    public static ProblemDetails Before(AccessContext caller) => BatchGuards.Table.CheckCreation(BatchGuards.Draft, caller);

    public static ProblemDetails Validate(DraftBatch command)
    {
        return string.IsNullOrWhiteSpace(command.Title) || command.Title.Trim().Length > 100
            ? Problems.Validation("title", "请填写批次名称（不超过100字）。")
            : WolverineContinue.NoProblems;
    }

    public static async Task<OrganizationFiling?> LoadAsync(DraftBatch command, ClaimsPrincipal principal, IOrganizationFilings filings,
        IQuerySession session) =>
        (await filings.OfOrganizationAsync(session, CurrentUser.From(principal).OrganizationId!.Value))
        .FirstOrDefault(f => f.FilingId == command.FilingId);

    /// <summary>Draft a certification batch under one of the organization's filings (BAT-03: the filing must stand).</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches", OperationId = BatchGuards.Draft, Summary = "新建认定批次")]
    public static (CreationResponse<Guid>, IStartStream) Post(DraftBatch command, OrganizationFiling? filing, Instant now, Actor by)
    {
        var id = Guid.CreateVersion7();
        var drafted = PlanningDecider.Draft(id, command.FilingId, command.Title, filing, now, by);
        return (new CreationResponse<Guid>($"/api/batches/{id}", id), MartenOps.StartStream<Batch>(id, drafted));
    }
}
