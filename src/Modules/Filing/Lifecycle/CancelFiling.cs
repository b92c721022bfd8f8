using Assessment.Filing.Filings;
using Assessment.Filing.Numbering;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Lifecycle;

/// <summary>Cancels a filing; with <paramref name="MergedIntoFilingId"/> it records a merger into that filing (FIL-24).</summary>
public sealed record CancelFiling(long Version, string Reason, Guid? MergedIntoFilingId);

public static class CancelFilingEndpoint
{
    public static ProblemDetails Before(FilingRecord filing, AccessContext caller) => FilingGuards.Table.Check(FilingGuards.Cancel, filing, caller);

    public static ProblemDetails Validate(CancelFiling c) => FieldChecks.Reason(c.Reason, "reason", "请填写理由（不超过2000字）。");

    /// <summary>Cancels the filing and sends its number to the discard pool in the same transaction (FIL-24).</summary>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/filings/{filingId}/cancel", OperationId = FilingGuards.Cancel, Summary = "注销备案")]
    public static async Task<(UpdatedAggregate, Events)> Post(CancelFiling command, [Aggregate("filingId")] FilingRecord filing,
        IDocumentSession session, FilingNumberAllocator allocator, Instant now, Actor by)
    {
        var survivor = command.MergedIntoFilingId is { } target ? await session.LoadAsync<FilingRecord>(target) : null;
        var cancelled = FilingLifecycleDecider.Cancel(filing, command, survivor, now, by);
        await allocator.DiscardAsync(session, FilingNumber.Parse(filing.FilingNumber), command.Reason.Trim(), by);
        return (new UpdatedAggregate(), [cancelled]);
    }
}
