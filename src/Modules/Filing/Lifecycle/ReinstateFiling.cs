using Assessment.Filing.Filings;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Lifecycle;

public sealed record ReinstateFiling(long Version, string Reason);

public static class ReinstateFilingEndpoint
{
    public static ProblemDetails Before(FilingRecord filing, AccessContext caller)
        => FilingGuards.Table.Check(FilingGuards.Reinstate, filing, caller);

    public static ProblemDetails Validate(ReinstateFiling c) => FieldChecks.Reason(c.Reason, "reason", "请填写理由（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/filings/{filingId}/reinstate", OperationId = FilingGuards.Reinstate, Summary = "恢复备案")]
    public static (UpdatedAggregate, Events) Post(ReinstateFiling command, [Aggregate("filingId")] FilingRecord filing, Instant now, Actor by) =>
        (new UpdatedAggregate(), [FilingLifecycleDecider.Reinstate(filing, command, now, by)]);
}
