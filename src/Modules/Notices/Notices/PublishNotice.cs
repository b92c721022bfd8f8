using Assessment.SharedKernel.Contracts;
using System.Security.Claims;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Notices.Notices;

public sealed record PublishNotice(
    NoticeKind Kind, string Subject, string Body, string? AreaCode, LocalDate? StartDate, int? Length, string? SubjectReference);

/// <summary>Scheduled at the end of a notice's window; closes it on its own (no cron outside the app).</summary>
public sealed record CloseNoticeWindow(Guid NoticeId);

/// <summary>A reviewer publishes a notice for its own area (or an area below it).</summary>
public static class PublishNoticeEndpoint
{
    public static ProblemDetails Validate(PublishNotice command, ClaimsPrincipal principal, AccessControl access, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(command.Kind)) errors["kind"] = ["公告类型无效。"];
        if (string.IsNullOrWhiteSpace(command.Subject) || command.Subject.Length > 200) errors["subject"] = ["标题不能为空且不超过200字。"];
        if (string.IsNullOrWhiteSpace(command.Body) || command.Body.Length > 20000) errors["body"] = ["正文不能为空且不超过20000字。"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var user = CurrentUser.From(principal);
        var area = command.AreaCode ?? user.AuthorityCode;
        if (area is null || !catalog.IsKnownArea(area)) return Problems.Validation("areaCode", "公告所属辖区未配置。");
        return access.CanDecideFor(user, area) ? WolverineContinue.NoProblems : Problems.Forbidden("只能发布本辖区及下级辖区的公告。");
    }

    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/notices", OperationId = "publishNotice")]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(422)]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(PublishNotice command, ClaimsPrincipal principal,
        PolicyCatalog catalog, IWorkingDayCalendar calendar, IClock clock)
    {
        var user = CurrentUser.From(principal);
        var area = command.AreaCode ?? user.AuthorityCode!;
        var policy = catalog.PolicyForArea(area);
        var today = clock.Today();
        var start = command.StartDate ?? today;
        if (start < today)
            throw new BusinessRuleException(new RuleViolation("NTC", "notice.start-in-past", "公告开始日期不能早于今天。"));
        var window = NoticeWindow.Compute(command.Kind, policy, calendar.Current, start, command.Length);
        var id = Guid.CreateVersion7();
        var published = new NoticePublished(id, command.Kind, command.Subject.Trim(), command.Body.Trim(), area, policy.Id,
            policy.CalendarLayer, window.Start, window.End, window.Length, window.Unit, command.SubjectReference,
            clock.GetCurrentInstant(), user.ToActor());
        return (new CreationResponse<Guid>($"/api/notices/{id}", id), MartenOps.StartStream<Notice>(id, published),
            [CloseNoticeWindowHandler.Close(id, window.End, clock)]);
    }
}

public static class CloseNoticeWindowHandler
{
    /// <summary>Closes an open notice whose window has ended; a notice withdrawn or closed already is left alone.</summary>
    public static (Events, OutgoingMessages) Handle(CloseNoticeWindow command, [WriteAggregate] Notice notice, IClock clock)
    {
        if (notice.Status != NoticeStatus.Open || clock.Today() <= notice.WindowEnd) return ([], []);
        var closed = new NoticeWindowClosed(notice.Id, notice.OpenObjections,
            notice.Objections.Count(o => o.Outcome == ObjectionOutcome.Upheld), clock.GetCurrentInstant(), Actor.System);
        return ([closed], notice.Signal(closed).ToMessages());
    }

    internal static Instant ClosesAt(LocalDate windowEnd) => windowEnd.PlusDays(1).AtStartOfDayInZone(ChinaTime.Zone).ToInstant();

    /// <summary>The close of a window: scheduled for the day after it ends, or at once when, by the clock, that has passed.</summary>
    internal static object Close(Guid noticeId, LocalDate windowEnd, IClock clock)
    {
        var at = ClosesAt(windowEnd);
        return at <= clock.GetCurrentInstant() ? new CloseNoticeWindow(noticeId) : new CloseNoticeWindow(noticeId).ScheduledAt(at.ToDateTimeOffset());
    }

    /// <summary>Publishes a notice another module asked for (<see cref="OpenNotice"/>), at most once per notice id.</summary>
    public static async Task<OutgoingMessages> Handle(OpenNotice command, Marten.IDocumentSession session, IClock clock)
    {
        if (await session.Events.FetchStreamStateAsync(command.NoticeId) is not null) return [];
        var published = new NoticePublished(command.NoticeId, command.Kind, command.Subject, command.Body, command.AreaCode,
            command.Jurisdiction, command.CalendarLayer, command.WindowStart, command.WindowEnd, command.Length, command.LengthUnit,
            command.SubjectReference, command.RequestedAt, command.By);
        session.Events.StartStream<Notice>(command.NoticeId, published);
        return [Close(command.NoticeId, command.WindowEnd, clock)];
    }
}
