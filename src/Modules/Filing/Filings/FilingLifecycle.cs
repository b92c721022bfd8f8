using Assessment.SharedKernel.Http;
using Assessment.Filing.Applications;
using System.Security.Claims;
using Assessment.Filing.Numbering;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Filings;

public sealed record SuspendFiling(long Version, string Reason);

public sealed record ReinstateFiling(long Version, string Reason);

/// <summary>Cancels a filing; with <paramref name="MergedIntoFilingId"/> it records a merger into that filing (FIL-24).</summary>
public sealed record CancelFiling(long Version, string Reason, Guid? MergedIntoFilingId);

/// <summary>Suspension, reinstatement and cancellation of a filing (used by supervision too). Pure: state in, events out.</summary>
public static class FilingLifecycleDecider
{
    public static FilingSuspended Suspend(FilingRecord f, SuspendFiling c, Instant now, Actor by) =>
        f.Status == FilingStatus.Active
            ? new FilingSuspended(f.Id, c.Reason.Trim(), now, by)
            : throw new BusinessRuleException(new RuleViolation("FIL-19", "filing.not-active", "只能暂停有效状态的备案。"));

    public static FilingReinstated Reinstate(FilingRecord f, ReinstateFiling c, Instant now, Actor by) =>
        f.Status == FilingStatus.Suspended
            ? new FilingReinstated(f.Id, c.Reason.Trim(), now, by)
            : throw new BusinessRuleException(new RuleViolation("FIL-19", "filing.not-suspended", "只能恢复已暂停的备案。"));

    /// <summary>
    /// FIL-24 mergers: a body absorbed into another is cancelled and the absorber keeps its number; bodies merged into a
    /// new one are cancelled once the new body holds its own (new) filing. Either way the survivor must be filed.
    /// </summary>
    public static FilingCancelled Cancel(FilingRecord f, CancelFiling c, FilingRecord? survivor, Instant now, Actor by)
    {
        if (f.Status == FilingStatus.Cancelled)
            throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.already-cancelled", "该备案已注销。"));
        if (c.MergedIntoFilingId is not null)
        {
            if (survivor is null || survivor.Id == f.Id || !survivor.IsFiled)
                throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.merger-target-invalid", "合并后的存续机构须持有有效备案。"));
            if (survivor.Jurisdiction != f.Jurisdiction)
                throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.merger-other-jurisdiction", "合并双方须在同一辖区备案。"));
        }
        return new FilingCancelled(f.Id, c.Reason.Trim(), survivor?.Id, survivor?.FilingNumber, now, by);
    }
}

internal static class FilingAccess
{
    /// <summary>404 outside the caller's jurisdiction; 403 unless the caller may decide for the filing's area.</summary>
    public static ProblemDetails Decide(FilingRecord filing, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!access.CanSee(user, filing.AccessScope())) return Problems.NotFound("备案");
        return access.CanDecideFor(user, filing.AreaCode) ? WolverineContinue.NoProblems : Problems.Forbidden("只有本辖区主管部门可以处理该备案。");
    }

}

public static class SuspendFilingEndpoint
{
    public static ProblemDetails Before(FilingRecord filing, ClaimsPrincipal principal, AccessControl access) => FilingAccess.Decide(filing, principal, access);

    public static ProblemDetails Validate(SuspendFiling c) => FieldChecks.Reason(c.Reason, "reason", "请填写理由（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/filings/{filingId}/suspend", OperationId = "suspendFiling")]
    [ProducesResponseType<FilingRecord>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Post(SuspendFiling command, [Aggregate("filingId")] FilingRecord filing, ClaimsPrincipal principal,
        IClock clock) =>
        (new UpdatedAggregate(), [FilingLifecycleDecider.Suspend(filing, command, clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor())]);
}

public static class ReinstateFilingEndpoint
{
    public static ProblemDetails Before(FilingRecord filing, ClaimsPrincipal principal, AccessControl access) => FilingAccess.Decide(filing, principal, access);

    public static ProblemDetails Validate(ReinstateFiling c) => FieldChecks.Reason(c.Reason, "reason", "请填写理由（不超过2000字）。");

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/filings/{filingId}/reinstate", OperationId = "reinstateFiling")]
    [ProducesResponseType<FilingRecord>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (UpdatedAggregate, Events) Post(ReinstateFiling command, [Aggregate("filingId")] FilingRecord filing, ClaimsPrincipal principal,
        IClock clock) =>
        (new UpdatedAggregate(), [FilingLifecycleDecider.Reinstate(filing, command, clock.GetCurrentInstant(), CurrentUser.From(principal).ToActor())]);
}

public static class CancelFilingEndpoint
{
    public static ProblemDetails Before(FilingRecord filing, ClaimsPrincipal principal, AccessControl access) => FilingAccess.Decide(filing, principal, access);

    public static ProblemDetails Validate(CancelFiling c) => FieldChecks.Reason(c.Reason, "reason", "请填写理由（不超过2000字）。");

    /// <summary>Cancels the filing and sends its number to the discard pool in the same transaction (FIL-24).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/filings/{filingId}/cancel", OperationId = "cancelFiling")]
    [ProducesResponseType<FilingRecord>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<(UpdatedAggregate, Events)> Post(CancelFiling command, [Aggregate("filingId")] FilingRecord filing,
        ClaimsPrincipal principal, IDocumentSession session, FilingNumberAllocator allocator, IClock clock)
    {
        var by = CurrentUser.From(principal).ToActor();
        var survivor = command.MergedIntoFilingId is { } target ? await session.LoadAsync<FilingRecord>(target) : null;
        var cancelled = FilingLifecycleDecider.Cancel(filing, command, survivor, clock.GetCurrentInstant(), by);
        await allocator.DiscardAsync(session, FilingNumber.Parse(filing.FilingNumber), command.Reason.Trim(), by);
        return (new UpdatedAggregate(), [cancelled]);
    }
}
