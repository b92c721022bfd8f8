using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;

namespace Assessment.Notices.Notices;

/// <summary>
/// Who may act on a notice. A notice is public, so everyone sees it; anyone objects during its window (no account);
/// the reviewers of its area (and the areas above) resolve objections and withdraw it.
/// </summary>
public static class NoticeGuards
{
    public const string Lodge = "lodgeObjection";
    public const string Resolve = "resolveObjection";
    public const string Withdraw = "withdrawNotice";

    private const string OnlyAreaReviewer = "只有本辖区审核人员可以处理。";

    public static readonly GuardTable<Notice> Table = new GuardTable<Notice>("公告", (_, _) => true)
        .Operation(Lodge, (_, _) => true, "", (n, c) => n.Status == NoticeStatus.Open && c.Today >= n.WindowStart && c.Today <= n.WindowEnd)
        .Operation(Resolve, AreaReviewer, OnlyAreaReviewer, (n, _) => n.OpenObjections > 0)
        .Operation(Withdraw, AreaReviewer, OnlyAreaReviewer, (n, _) => n.Status == NoticeStatus.Open);

    private static bool AreaReviewer(Notice n, AccessContext c) => c.User.Role == Roles.Reviewer && c.Access.CanDecideFor(c.User, n.AreaCode);
}
