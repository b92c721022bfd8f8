using Assessment.Filing.Applications;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Publicity;

public sealed record StartPublicity(long Version, LocalDate? StartDate = null, int? WorkingDays = null);

public static class StartPublicityEndpoint
{
    public static ProblemDetails Before(FilingApplication application, AccessContext caller) =>
        ApplicationGuards.Table.Check(ApplicationGuards.StartPublicity, application, caller);

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/publicity", OperationId = ApplicationGuards.StartPublicity, Summary = "发起备案公示")]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(StartPublicity command,
        [Aggregate("applicationId")] FilingApplication application,
        PolicyCatalog catalog, IWorkingDayCalendar calendar, Instant now, Actor by)
    {
        var (started, notice) = PublicityDecider.Start(application, catalog.Get(application.Jurisdiction), catalog, calendar.Current, command,
            now.Date(), now, by);
        return (new UpdatedAggregate(), [started], [notice]);
    }
}
