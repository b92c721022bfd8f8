using System.Security.Claims;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Filing.Filings;

internal static class FilingAccess
{
    /// <summary>404 outside the caller's jurisdiction; 403 unless the caller may decide for the filing's area.</summary>
    public static ProblemDetails Decide(FilingRecord filing, ClaimsPrincipal principal, AccessControl access)
    {
        var user = CurrentUser.From(principal);
        if (!access.CanSee(user, filing.AccessScope())) return Problems.NotFound("备案");
        return access.CanDecideFor(user, filing.AreaCode) ? WolverineContinue.NoProblems : Problems.Forbidden("只有本辖区主管部门可以处理该备案。");
    }

}
