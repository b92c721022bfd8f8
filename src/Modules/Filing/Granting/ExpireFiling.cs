using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
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
