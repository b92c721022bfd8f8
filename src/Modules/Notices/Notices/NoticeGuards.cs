using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Notices.Notices;

/// <summary>
/// Who may act on a notice. A notice is public, so everyone sees it; anyone objects during its window (no account);
/// the reviewers of its area (and the areas above) resolve objections and withdraw it.
/// </summary>
public static class NoticeGuards
{
    public const string Publish = "publishNotice";
    public const string Lodge = "lodgeObjection";
    public const string Resolve = "resolveObjection";
    public const string Withdraw = "withdrawNotice";

    private const string OnlyAreaReviewer = "只有本辖区审核人员可以处理。";

    public static readonly GuardTable<Notice> Table = new GuardTable<Notice>("公告", (_, _) => true)
        .Creation(Publish, c => c.User.Role == Roles.Reviewer && c.User.AuthorityCode is not null, "只有主管部门审核人员可以发布公告。")
        .Operation(Lodge, (_, _) => true, "", (n, c) => n.Status == NoticeStatus.Open && c.Today >= n.WindowStart && c.Today <= n.WindowEnd)
        .Operation(Resolve, AreaReviewer, OnlyAreaReviewer, (n, _) => n.OpenObjections > 0)
        .Operation(Withdraw, AreaReviewer, OnlyAreaReviewer, (n, _) => n.Status == NoticeStatus.Open);

    /// <summary>A notice is published for the reviewer's own area or an area below it.</summary>
    public static ProblemDetails MayPublishIn(string area, AccessContext c) =>
        c.Access.CanDecideFor(c.User, area) ? WolverineContinue.NoProblems : Problems.Forbidden("只能发布本辖区及下级辖区的公告。");

    private static bool AreaReviewer(Notice n, AccessContext c) => c.User.Role == Roles.Reviewer && c.Access.CanDecideFor(c.User, n.AreaCode);
}
