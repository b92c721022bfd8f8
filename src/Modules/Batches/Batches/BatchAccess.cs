using System.Security.Claims;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Batches.Batches;

/// <summary>
/// Who may see and act on a batch — the rule the lists apply too: the organization sees its own (drafts included); a
/// draft is nobody else's business; authorities see the batches filed in their area and below; experts have no part in
/// batches. Hidden means 404.
/// </summary>
public static class BatchAccess
{
    /// <summary>The organization's own users, and third-party systems acting for an organization (with the batches scopes).</summary>
    public const string OrganizationRoles = Roles.Organization + "," + Roles.ApiClient;

    public static bool CanSee(Batch batch, CurrentUser user, AccessControl access)
    {
        if (!access.CanSee(user, batch.AccessScope())) return false;
        if (user.OrganizationId is not null) return true;
        if (batch.Status == BatchStatus.Draft) return false;
        return user.Role != Roles.Expert;
    }

    /// <summary>BAT-09: identity numbers and phones are shown to the organization, the receiving authority (its reviewers and
    /// systems) and auditors; everyone else — other authorities above it, inspectors, administrators — sees them masked.</summary>
    public static bool SeesPersonalData(Batch batch, CurrentUser user, AccessControl access) =>
        CanSee(batch, user, access) && (user.Role == Roles.Auditor
                                        || user.OrganizationId == batch.OrganizationId
                                        || user.Role is Roles.Reviewer or Roles.ApiClient && user.AuthorityCode == batch.ReceivingAuthority);

    public static ProblemDetails Visible(Batch batch, ClaimsPrincipal principal, AccessControl access) =>
        CanSee(batch, CurrentUser.From(principal), access) ? WolverineContinue.NoProblems : Problems.NotFound("认定批次");

    /// <summary>Changes by the organization that runs the batch.</summary>
    public static ProblemDetails OwnerOnly(Batch batch, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!CanSee(batch, user, access)) return Problems.NotFound("认定批次");
        return user.OrganizationId == batch.OrganizationId ? WolverineContinue.NoProblems : Problems.Forbidden("只有组织认定的评价机构可以办理。");
    }

    /// <summary>Decisions by the authority that received the plan (403 for other authorities that may see it).</summary>
    public static ProblemDetails ReceivingAuthority(Batch batch, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!CanSee(batch, user, access)) return Problems.NotFound("认定批次");
        return user.AuthorityCode == batch.ReceivingAuthority ? WolverineContinue.NoProblems : Problems.Forbidden("该批次由其他主管部门受理。");
    }

    /// <summary>Spot checks (BAT-04): an inspector or reviewer of an authority over the batch's area.</summary>
    public static ProblemDetails Supervising(Batch batch, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!CanSee(batch, user, access)) return Problems.NotFound("认定批次");
        return access.CanDecideFor(user, batch.AreaCode) ? WolverineContinue.NoProblems : Problems.Forbidden("只有主管部门的督查员或审核人员可以记录抽查。");
    }
}
