using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Acceptance;

public sealed record AcceptApplication(long Version, string? Remarks, IReadOnlyList<ExceptionDecision>? ExceptionDecisions);

public static class AcceptApplicationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Accept, application, caller);

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/accept", OperationId = ApplicationGuards.Accept, Summary = "受理备案申请")]
    public static (UpdatedAggregate, Events) Post(AcceptApplication command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [AcceptanceDecider.Accept(application, command, now, by)]);
}
