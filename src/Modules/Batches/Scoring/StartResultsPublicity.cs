using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Scoring;

public sealed record StartResultsPublicity(long Version, LocalDate? StartDate = null);

public static class StartResultsPublicityEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.StartPublicity, batch, caller);

    /// <summary>The candidates: the notice names those who passed.</summary>
    public static Task<Roster> LoadAsync(Batch batch, IQuerySession session) => session.RosterAsync(batch.Id);

    /// <summary>Publicize the results (BAT-06) for the policy's length, names and identity numbers masked.</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/publicity", OperationId = BatchGuards.StartPublicity, Summary = "发起认定结果公示")]
    public static (BatchChange, Events, OutgoingMessages) Post(StartResultsPublicity command, [Aggregate("batchId")] Batch batch,
        Roster roster, PolicyCatalog catalog, IWorkingDayCalendar calendar, Instant now, Actor by)
    {
        var start = command.StartDate is { } s && s > now.Date() ? s : now.Date();
        var (started, notice) = ResultsDecider.StartPublicity(batch, roster, catalog, calendar.Current, start, Guid.CreateVersion7(), now, by);
        return (BatchChange.After(batch), [started], [notice]);
    }
}

/// <summary>Keeps a batch's results publicity in step with its notice (objections, closing); a clean close schedules the
/// BAT-07 deadline check.</summary>
public static class ResultsNoticeStateChangedHandler
{
    public static async Task<OutgoingMessages> Handle(NoticeStateChanged message, IDocumentSession session, PolicyCatalog catalog,
        IWorkingDayCalendar calendar, Instant now)
    {
        var messages = new OutgoingMessages();
        if (message.Kind != NoticeKind.ResultsPublicity || PlanningDecider.BatchOf(message.SubjectReference) is not { } batchId) return messages;
        var stream = await session.Events.FetchForWriting<Batch>(batchId);
        if (ResultsDecider.Progress(stream.Aggregate, message, catalog, calendar.Current, now) is not { } progressed) return messages;
        stream.AppendOne(progressed);
        if (progressed is ResultsPublicityProgressed { ReportDueOn: { } dueOn })
            messages.Add(Reporting.ReportDeadlineCheck.For(batchId, dueOn, now));
        return messages;
    }
}
