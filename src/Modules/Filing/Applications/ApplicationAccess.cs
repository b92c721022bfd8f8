using System.Security.Claims;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Applications;

/// <summary>
/// Who may see and act on an application — the same rule the lists apply, so an id never reveals more than a list:
/// the organization sees its own (drafts included); a draft is nobody else's business; an expert sees only the
/// applications assigned to it; everyone else needs the area (<see cref="AccessControl"/>). Hidden means 404.
/// </summary>
public static class ApplicationAccess
{
    public static bool CanSee(FilingApplication application, CurrentUser user, AccessControl access)
    {
        if (!access.CanSee(user, application.AccessScope())) return false;
        if (user.OrganizationId is not null) return true;
        if (application.Status == ApplicationStatus.Draft) return false;
        return user.Role != Roles.Expert || application.Experts.Any(e => e.UserId == user.Id);
    }

    public static ProblemDetails Visible(FilingApplication application, ClaimsPrincipal principal, AccessControl access) =>
        CanSee(application, CurrentUser.From(principal), access) ? WolverineContinue.NoProblems : Problems.NotFound("备案申请");

    /// <summary>Changes by the applying organization only.</summary>
    public static ProblemDetails OwnerOnly(FilingApplication application, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!CanSee(application, user, access)) return Problems.NotFound("备案申请");
        return user.OrganizationId == application.OrganizationId ? WolverineContinue.NoProblems : Problems.Forbidden("只有申请机构可以修改或提交申请。");
    }

    /// <summary>Decisions by the authority that holds the application now (403 for other reviewers who may see it).</summary>
    public static ProblemDetails CurrentAuthority(FilingApplication application, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!CanSee(application, user, access)) return Problems.NotFound("备案申请");
        if (application.CurrentAuthority is { } stage && user.AuthorityCode != stage)
            return Problems.Forbidden("该申请当前由其他主管部门办理。");
        return WolverineContinue.NoProblems;
    }

    /// <summary>Scoring by an expert assigned to the application.</summary>
    public static ProblemDetails AssignedExpert(FilingApplication application, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!CanSee(application, user, access)) return Problems.NotFound("备案申请");
        return application.Experts.Any(e => e.UserId == user.Id) ? WolverineContinue.NoProblems : Problems.Forbidden("您未被指派评估该申请。");
    }
}
