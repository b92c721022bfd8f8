using System.Security.Claims;
using Assessment.Notices.Notices;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Notices.Reading;

public static class ListObjectionsEndpoint
{
    /// <summary>List a notice's objections with the objectors' contact details.</summary>
    /// <remarks>Personal data: only for the reviewers of the notice's area (and the areas above), auditors, and third-party
    /// systems of such an authority holding the notices:objections scope. Everyone else gets 404.</remarks>
    [Authorize(Policy = ScopePolicies.NoticeObjectionsRead)]
    [WolverineGet("/api/notices/{noticeId}/objections", OperationId = "listObjections", Summary = "查看异议及异议人联系方式")]
    [ProducesResponseType<List<Objection>>(200)]
    public static async Task<IResult> Get(Guid noticeId, ClaimsPrincipal principal, IQuerySession session, AccessControl access)
    {
        var notice = await session.LoadAsync<Notice>(noticeId);
        return notice is not null && MaySeeContacts(CurrentUser.From(principal), notice, access)
            ? Results.Ok(notice.Objections)
            : Results.Problem(Problems.NotFound<Notice>());
    }

    public static bool MaySeeContacts(CurrentUser user, Notice notice, AccessControl access) => user.Role switch
    {
        Roles.Auditor => true,
        Roles.Reviewer => access.CanSee(user, notice.Scope()),
        Roles.ApiClient => user.AuthorityCode is not null && access.CanSee(user, notice.Scope()),
        _ => false,
    };
}
