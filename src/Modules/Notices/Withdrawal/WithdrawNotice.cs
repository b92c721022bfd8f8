using Assessment.Notices.Notices;
using Assessment.SharedKernel.Access;
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

namespace Assessment.Notices.Withdrawal;

public sealed record WithdrawNotice(long Version, string Reason);

public static class WithdrawNoticeEndpoint
{
    public static ProblemDetails Before(Notice notice, AccessContext caller) => NoticeGuards.Table.Check(NoticeGuards.Withdraw, notice, caller);

    public static ProblemDetails Validate(WithdrawNotice command) => FieldChecks.Reason(command.Reason, "reason", "请填写撤回原因（不超过2000字）。");

    /// <summary>Withdraw a notice published in error; the reason is kept and shown.</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/notices/{noticeId}/withdraw", OperationId = NoticeGuards.Withdraw, Summary = "撤回公告")]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(WithdrawNotice command, [Aggregate("noticeId")] Notice notice, Instant now,
        Actor by)
    {
        var withdrawn = NoticeDecider.Withdraw(notice, command, now, by);
        return (new UpdatedAggregate(), [withdrawn], NoticeSignals.After(notice, [withdrawn]));
    }
}
