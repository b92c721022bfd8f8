using Assessment.Notices.Notices;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Notices.Objections;

public sealed record LodgeObjection(string Name, string Content, string? Phone = null, string? Email = null);

public sealed record ObjectionReceipt(Guid NoticeId, Guid ObjectionId, Instant LodgedAt, string Message);

public static class LodgeObjectionEndpoint
{
    public static ProblemDetails Before(Notice notice, AccessContext caller) => NoticeGuards.Table.Check(NoticeGuards.Lodge, notice, caller);

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

    /// <summary>Object to a notice during its window (anyone, no account).</summary>
    /// <remarks>Contact details reach only the reviewers of the notice's area; an open objection holds up what the notice
    /// publicizes (FIL-17). The public appends its own independent event, so no version is asked for. Throttled per client.</remarks>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicWrite)]
    [WolverinePost("/api/notices/{noticeId}/objections", OperationId = NoticeGuards.Lodge, Summary = "提出异议")]
    public static (ObjectionReceipt, Events, OutgoingMessages) Post(LodgeObjection command,
        [Aggregate("noticeId", ChecksClientVersion = false)] Notice notice,
        Instant now)
    {
        var lodged = NoticeDecider.Lodge(notice, command, Guid.CreateVersion7(), now.Date(), now);
        return (new ObjectionReceipt(notice.Id, lodged.ObjectionId, now, "异议已受理，主管部门处理后将通过您留下的联系方式反馈。"), [lodged],
            NoticeSignals.After(notice, [lodged]));
    }
}
