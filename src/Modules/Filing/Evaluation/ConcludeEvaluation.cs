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

namespace Assessment.Filing.Evaluation;

public sealed record ConcludeEvaluation(long Version, bool Passed, string Reason);

public static class ConcludeEvaluationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Conclude, application, caller);

    public static ProblemDetails Validate(ConcludeEvaluation c) => FieldChecks.Reason(c.Reason, "reason", "请填写评估结论的理由（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/evaluation/conclusion", OperationId = ApplicationGuards.Conclude, Summary = "作出技术评估结论")]
    public static (UpdatedAggregate, Events) Post(ConcludeEvaluation command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [EvaluationDecider.Conclude(application, command, now, by)]);
}
