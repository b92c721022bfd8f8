using Assessment.Filing.Applications;
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

namespace Assessment.Filing.Publicity;

public sealed record RejectApplication(long Version, string Reason);

public static class RejectApplicationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Reject, application, caller);

    public static ProblemDetails Validate(RejectApplication c) => FieldChecks.Reason(c.Reason, "reason", "请填写不予备案的理由（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/reject", OperationId = ApplicationGuards.Reject, Summary = "不予备案")]
    public static (UpdatedAggregate, Events) Post(RejectApplication command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [PublicityDecider.Reject(application, command, now, by)]);
}
