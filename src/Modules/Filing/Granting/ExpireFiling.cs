using Assessment.Filing.Filings;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using NodaTime;
using Wolverine.Marten;

namespace Assessment.Filing.Granting;

/// <summary>Scheduled for the day after a filing's validity ends (FIL-20).</summary>
public sealed record ExpireFiling(Guid FilingId);

public static class ExpireFilingHandler
{
    /// <summary>Expires a filing whose validity has ended; renewed, cancelled or already expired filings are left alone.</summary>
    public static Events Handle(ExpireFiling command, [WriteAggregate(nameof(ExpireFiling.FilingId))] FilingRecord filing, Instant now) =>
        filing.IsFiled && now.Date() > filing.ValidUntil
            ? [new FilingExpired(filing.Id, filing.ValidUntil, now, Actor.System)]
            : [];
}
