using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Running;

public sealed record ResumeBatch(long Version, string Reason);

public static class ResumeBatchEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.Resume, batch, caller);

    public static ProblemDetails Validate(ResumeBatch c) => FieldChecks.Reason(c.Reason, "reason", "请填写恢复的理由（整改情况）。");

    public static Task<IReadOnlyList<OrganizationFiling>> LoadAsync(Batch batch, IOrganizationFilings filings, IQuerySession session) =>
        filings.OfOrganizationAsync(session, batch.OrganizationId);

    /// <summary>Lift a suspension after rectification (BAT-04).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/batches/{batchId}/resume", OperationId = BatchGuards.Resume, Summary = "恢复认定批次")]
    public static (BatchChange, Events) Post(ResumeBatch command, [Aggregate("batchId")] Batch batch, IReadOnlyList<OrganizationFiling> filings,
        PolicyCatalog catalog, Instant now, Actor by) =>
        (BatchChange.After(batch), [RunningDecider.Resume(batch, command.Reason, filings, catalog, now, by)]);
}
