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

namespace Assessment.Filing.Acceptance;

public sealed record ForwardApplication(long Version, string Opinion);

public static class ForwardApplicationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Forward, application, caller);

    public static ProblemDetails Validate(ForwardApplication c) => FieldChecks.Reason(c.Opinion, "opinion", "请填写初审意见（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/forward", OperationId = ApplicationGuards.Forward, Summary = "初审通过并报送")]
    public static (UpdatedAggregate, Events) Post(ForwardApplication command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [AcceptanceDecider.Forward(application, command, now, by)]);
}
