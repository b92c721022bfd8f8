using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using System.Security.Claims;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Notices.Notices;

public sealed record ResolveObjection(long Version, ObjectionOutcome Outcome, string Reason);

/// <summary>A reviewer of the notice's area upholds or dismisses an objection, with the reason (FIL-17).</summary>
public static class ResolveObjectionEndpoint
{
    public static ProblemDetails Before(Notice notice, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!access.CanSee(user, notice.Scope())) return Problems.NotFound("公告");
        return access.CanDecideFor(user, notice.AreaCode) ? WolverineContinue.NoProblems : Problems.Forbidden("只有本辖区审核人员可以处理异议。");
    }

    public static ProblemDetails Validate(ResolveObjection command)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(command.Outcome)) errors["outcome"] = ["处理结果应为 Upheld（异议成立）或 Dismissed（异议不成立）。"];
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Length > 2000) errors["reason"] = ["请填写处理理由（不超过2000字）。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    [Authorize(Roles = SharedKernel.Events.Roles.Reviewer)]
    [WolverinePost("/api/notices/{noticeId}/objections/{objectionId}/resolve", OperationId = "resolveObjection")]
    [ProducesResponseType<Notice>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(ResolveObjection command, Guid objectionId, [Aggregate("noticeId")] Notice notice,
        ClaimsPrincipal principal, IClock clock)
    {
        var objection = notice.Objections.SingleOrDefault(o => o.Id == objectionId)
                        ?? throw new BusinessRuleException(new RuleViolation("NTC", "objection.not-found", "该公告下没有此异议。"));
        if (!objection.IsOpen)
            throw new BusinessRuleException(new RuleViolation("NTC", "objection.already-resolved", "该异议已处理。"));
        var resolved = new ObjectionResolved(notice.Id, objectionId, command.Outcome, command.Reason.Trim(),
            clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor());
        return (new UpdatedAggregate(), [resolved], notice.Signal(resolved).ToMessages());
    }
}

public sealed record WithdrawNotice(long Version, string Reason);

/// <summary>A reviewer withdraws a notice published in error; the reason is kept.</summary>
public static class WithdrawNoticeEndpoint
{
    public static ProblemDetails Before(Notice notice, ClaimsPrincipal principal, AccessControl access) =>
        ResolveObjectionEndpoint.Before(notice, principal, access);

    public static ProblemDetails Validate(WithdrawNotice command) =>
        string.IsNullOrWhiteSpace(command.Reason) ? Problems.Validation("reason", "请填写撤回原因。") : WolverineContinue.NoProblems;

    [Authorize(Roles = SharedKernel.Events.Roles.Reviewer)]
    [WolverinePost("/api/notices/{noticeId}/withdraw", OperationId = "withdrawNotice")]
    [ProducesResponseType<Notice>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(WithdrawNotice command, [Aggregate("noticeId")] Notice notice,
        ClaimsPrincipal principal, IClock clock)
    {
        if (notice.Status != NoticeStatus.Open)
            throw new BusinessRuleException(new RuleViolation("NTC", "notice.not-open", "只能撤回公示中的公告。"));
        var withdrawn = new NoticeWithdrawn(notice.Id, command.Reason.Trim(), clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor());
        return (new UpdatedAggregate(), [withdrawn], notice.Signal(withdrawn).ToMessages());
    }
}
