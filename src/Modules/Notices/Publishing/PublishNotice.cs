using Assessment.SharedKernel.Access;
using System.Security.Claims;
using Assessment.Notices.Closing;
using Assessment.Notices.Notices;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
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

namespace Assessment.Notices.Publishing;

public sealed record PublishNotice(
    NoticeKind Kind, string Subject, string Body, string? AreaCode = null, LocalDate? StartDate = null, int? Length = null,
    string? SubjectReference = null);

public static class PublishNoticeEndpoint
{
    public static ProblemDetails Before(AccessContext caller) => NoticeGuards.Table.CheckCreation(NoticeGuards.Publish, caller);

    public static ProblemDetails Validate(PublishNotice command, AccessContext caller, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(command.Kind)) errors["kind"] = ["公告类型无效。"];
        if (string.IsNullOrWhiteSpace(command.Subject) || command.Subject.Length > 200) errors["subject"] = ["标题不能为空且不超过200字。"];
        if (string.IsNullOrWhiteSpace(command.Body) || command.Body.Length > 20000) errors["body"] = ["正文不能为空且不超过20000字。"];
        if (errors.Count > 0) return Problems.Validation(errors);
        var area = command.AreaCode ?? caller.User.AuthorityCode;
        if (area is null || !catalog.IsKnownArea(area)) return Problems.Validation("areaCode", "公告所属辖区未配置。");
        return NoticeGuards.MayPublishIn(area, caller);
    }

    /// <summary>Publish a notice for the reviewer's own area or an area below it.</summary>
    /// <remarks>The window is counted on the area's calendar and is at least the policy's minimum for the kind (FIL-17, BAT-06);
    /// the notice closes on its own at the end of the window.</remarks>
    [Authorize(Roles = Roles.Reviewer)]
    [WolverinePost("/api/notices", OperationId = NoticeGuards.Publish, Summary = "发布公告")]
    public static (CreationResponse<Guid>, IStartStream, OutgoingMessages) Post(PublishNotice command, ClaimsPrincipal principal,
        PolicyCatalog catalog, IWorkingDayCalendar calendar, Instant now, Actor by)
    {
        var area = command.AreaCode ?? CurrentUser.From(principal).AuthorityCode!;
        var id = Guid.CreateVersion7();
        var published = NoticeDecider.Publish(id, command, area, catalog.PolicyForArea(area), calendar.Current, now.Date(), now, by);
        return (new CreationResponse<Guid>($"/api/notices/{id}", id), MartenOps.StartStream<Notice>(id, published),
            [CloseNoticeWindowHandler.Close(id, published.WindowEnd, now)]);
    }
}
