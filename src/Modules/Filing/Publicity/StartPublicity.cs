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

public sealed record StartPublicity(long Version, LocalDate? StartDate = null, int? WorkingDays = null);

public static class StartPublicityEndpoint
{
    public static ProblemDetails Before(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        ApplicationAccess.CurrentAuthority(application, principal, access);

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/filing/applications/{applicationId}/publicity", OperationId = "startFilingPublicity", Summary = "发起备案公示")]
    public static (UpdatedAggregate, Events, OutgoingMessages) Post(StartPublicity command, [Aggregate("applicationId")] FilingApplication application,
        PolicyCatalog catalog, IWorkingDayCalendar calendar, Instant now, Actor by)
    {
        var (started, notice) = PublicityDecider.Start(application, catalog.Get(application.Jurisdiction), catalog, calendar.Current, command,
            now.Date(), now, by);
        return (new UpdatedAggregate(), [started], [notice]);
    }
}
