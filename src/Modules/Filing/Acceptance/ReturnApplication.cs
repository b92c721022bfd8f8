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

public sealed record ReturnApplication(long Version, IReadOnlyList<string> MissingItems, string Reason);

public static class ReturnApplicationEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.Return, application, caller);

    public static ProblemDetails Validate(ReturnApplication c)
    {
        var errors = new Dictionary<string, string[]>();
        if (c.MissingItems is null || c.MissingItems.Count(m => !string.IsNullOrWhiteSpace(m)) == 0)
            errors["missingItems"] = ["请列出需要补正的材料或事项。"];
        if (string.IsNullOrWhiteSpace(c.Reason) || c.Reason.Length > 2000) errors["reason"] = ["请填写退回理由（不超过2000字）。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/return", OperationId = ApplicationGuards.Return, Summary = "退回补正")]
    public static (UpdatedAggregate, Events) Post(ReturnApplication command, [Aggregate("applicationId")] FilingApplication application,
        Instant now, Actor by) =>
        (new UpdatedAggregate(), [AcceptanceDecider.Return(application, command, now, by)]);
}
