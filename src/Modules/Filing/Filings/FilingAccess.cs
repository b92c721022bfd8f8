using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

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
