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

namespace Assessment.Notices.Objections;

public sealed record ResolveObjection(long Version, ObjectionOutcome Outcome, string Reason);

public static class ResolveObjectionEndpoint
{
    public static ProblemDetails Before(Notice notice, AccessContext caller) => NoticeGuards.Table.Check(NoticeGuards.Resolve, notice, caller);

    public static ProblemDetails Validate(ResolveObjection command) =>
        FieldChecks.Reason(command.Reason, "reason", "请填写处理理由（不超过2000字）。");

    /// <summary>Uphold or dismiss an objection, with the reason (reviewers of the notice's area).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/notices/{noticeId}/objections/{objectionId}/resolve", OperationId = NoticeGuards.Resolve, Summary = "处理异议")]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(ResolveObjection command, Guid objectionId, [Aggregate("noticeId")] Notice notice,
        Instant now, Actor by)
    {
        var resolved = NoticeDecider.Resolve(notice, objectionId, command, now, by);
        return (new UpdatedAggregate(), [resolved], NoticeSignals.After(notice, [resolved]));
    }
}
