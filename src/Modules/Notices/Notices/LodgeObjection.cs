using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Values;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Notices.Notices;

public sealed record LodgeObjection(string Name, string? Phone, string? Email, string Content);

public sealed record ObjectionReceipt(Guid NoticeId, Guid ObjectionId, Instant LodgedAt, string Message);

/// <summary>Anyone may object to a notice during its window, leaving contact details (FIL-17).</summary>
public static class LodgeObjectionEndpoint
{
    public static ProblemDetails Validate(LodgeObjection command)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Length > 50) errors["name"] = ["请填写姓名或单位名称（不超过50字）。"];
        var phone = command.Phone?.Trim();
        var email = command.Email?.Trim();
        if (string.IsNullOrEmpty(phone) && string.IsNullOrEmpty(email)) errors["phone"] = ["请至少留下联系电话或电子邮箱，以便反馈处理结果。"];
        if (!string.IsNullOrEmpty(phone) && !ContactDetails.IsPhone(phone)) errors["phone"] = [$"联系电话格式不正确：{ContactDetails.PhoneHint}。"];
        if (!string.IsNullOrEmpty(email) && !ContactDetails.IsEmail(email)) errors["email"] = ["电子邮箱格式不正确。"];
        if (string.IsNullOrWhiteSpace(command.Content) || command.Content.Trim().Length is < 10 or > 2000)
            errors["content"] = ["异议内容应为10至2000字，请写明事实与理由。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicWrite)]
    [WolverinePost("/api/notices/{noticeId}/objections", OperationId = "lodgeObjection")]
    [ProducesResponseType<ObjectionReceipt>(200)]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404), ProducesResponseType<ProblemDetails>(409), ProducesResponseType<ProblemDetails>(422)]
    public static (ObjectionReceipt, Events, OutgoingMessages) Post(LodgeObjection command, [Aggregate("noticeId", ChecksClientVersion = false)] Notice notice, IClock clock)
    {
        var today = clock.Today();
        if (notice.Status != NoticeStatus.Open || today < notice.WindowStart || today > notice.WindowEnd)
            throw new BusinessRuleException(new RuleViolation(NoticeWindow.RuleFor(notice.Kind), "notice.not-open-for-objections",
                $"该公告的异议期为{notice.WindowStart:yyyy-MM-dd}至{notice.WindowEnd:yyyy-MM-dd}，当前不在异议期内。"));
        var now = clock.GetCurrentInstant();
        var id = Guid.CreateVersion7();
        var lodged = new ObjectionLodged(notice.Id, id, command.Name.Trim(), Blank(command.Phone), Blank(command.Email),
            command.Content.Trim(), now, Actor.Anonymous(command.Name.Trim()));
        return (new ObjectionReceipt(notice.Id, id, now, "异议已受理，主管部门处理后将通过您留下的联系方式反馈。"), [lodged],
            notice.Signal(lodged).ToMessages());
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

}
