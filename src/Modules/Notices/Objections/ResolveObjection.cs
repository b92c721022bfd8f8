using System.Security.Claims;
using Assessment.Notices.Notices;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Notices.Objections;

public sealed record ResolveObjection(long Version, ObjectionOutcome Outcome, string Reason);

public static class ResolveObjectionEndpoint
{
    public static ProblemDetails Before(Notice notice, ClaimsPrincipal principal, AccessControl access) =>
        NoticeAccess.AreaReviewer(notice, principal, access);

    public static ProblemDetails Validate(ResolveObjection command) =>
        FieldChecks.Reason(command.Reason, "reason", "请填写处理理由（不超过2000字）。");

    /// <summary>Uphold or dismiss an objection, with the reason (reviewers of the notice's area).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/notices/{noticeId}/objections/{objectionId}/resolve", OperationId = "resolveObjection", Summary = "处理异议")]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(ResolveObjection command, Guid objectionId, [Aggregate("noticeId")] Notice notice,
        Instant now, Actor by)
    {
        var resolved = NoticeDecider.Resolve(notice, objectionId, command, now, by);
        return (new UpdatedAggregate(), [resolved], NoticeSignals.After(notice, [resolved]));
    }
}

/// <summary>Who may act on a notice: the reviewers of its area (and the areas above); everyone else who may not see it gets 404.</summary>
public static class NoticeAccess
{
    public static ProblemDetails AreaReviewer(Notice notice, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!access.CanSee(user, notice.Scope())) return Problems.NotFound<Notice>();
        return access.CanDecideFor(user, notice.AreaCode) ? WolverineContinue.NoProblems : Problems.Forbidden("只有本辖区审核人员可以处理。");
    }
}
