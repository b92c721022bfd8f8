using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.Batches.Running;
using Assessment.SharedKernel.Policies;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Batches.Planning;

public sealed record FileBatchPlan(long Version);

/// <summary>What filing is decided on: the organization's filings, the calendars and today, and the batch's candidates.</summary>
public sealed record PlanFiling(PlanContext Context, Roster Roster);

public static class FileBatchPlanEndpoint
{
    public static ProblemDetails Before(Batch batch, AccessContext caller) => BatchGuards.Table.Check(BatchGuards.FilePlan, batch, caller);

    public static async Task<PlanFiling> LoadAsync(Batch batch, IOrganizationFilings filings, IQuerySession session, PolicyCatalog catalog,
        IWorkingDayCalendar calendar, Instant now) =>
        new(new(await filings.OfOrganizationAsync(session, batch.OrganizationId), catalog, calendar.Current, now.Date()),
            await session.RosterAsync(batch.Id));

    /// <summary>
    /// File the plan with the authority (BAT-01) — or, where the policy asks, publish the certification announcement
    /// (BAT-02) — after every rule of BAT-01/03/05/09/10 holds; a 422 lists every broken rule.
    /// </summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesWrite)]
    [WolverinePost("/api/batches/{batchId}/file", OperationId = BatchGuards.FilePlan, Summary = "报备认定计划")]
    public static (BatchChange, Events, OutgoingMessages) Post(FileBatchPlan command, [Aggregate("batchId")] Batch batch, PlanFiling filing,
        Instant now, Actor by)
    {
        var (filed, notice) = PlanningDecider.File(batch, filing.Roster, filing.Context, Guid.CreateVersion7(), now, by);
        var messages = new OutgoingMessages();
        if (notice is not null) messages.Add(notice);
        messages.Add(ExamDayCheck.For(batch.Id, batch.FirstExamDay!.Value, now));
        return (BatchChange.After(batch), [filed], messages);
    }
}
