using System.Security.Claims;
using System.Text;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Submission;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Publicity;

/// <summary>Keeps an application's publicity in step with its notice (objections lodged/resolved, closing, withdrawal).</summary>
public static class NoticeStateChangedHandler
{
    public static async Task Handle(NoticeStateChanged message, IDocumentSession session, Instant now)
    {
        if (message.Kind != NoticeKind.FilingPublicity || PublicityDecider.ApplicationOf(message.SubjectReference) is not { } applicationId) return;
        var stream = await session.Events.FetchForWriting<FilingApplication>(applicationId);
        if (PublicityDecider.Progress(stream.Aggregate, message, now) is { } progressed) stream.AppendOne(progressed);
    }
}
