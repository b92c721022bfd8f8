using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Privacy;
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

    /// <summary>The objections with the objectors' contacts (masked in the list; one opened in full: <see cref="GetObjection"/>).</summary>
    public const string ListObjections = "listObjections";
    public const string GetObjection = "getObjection";

    private const string OnlyAreaReviewer = "只有本辖区审核人员可以处理。";

    public static readonly GuardTable<Notice> Table = new GuardTable<Notice>("公告", (_, _) => true)
        .Creation(Publish, c => c.User.Role == Roles.Reviewer && c.User.AuthorityCode is not null, "只有主管部门审核人员可以发布公告。")
        .Operation(Lodge, (_, _) => true, "", (n, c) => n.Status == NoticeStatus.Open && c.Today >= n.WindowStart && c.Today <= n.WindowEnd)
        .Operation(Resolve, AreaReviewer, OnlyAreaReviewer, (n, _) => n.OpenObjections > 0)
        .Operation(Withdraw, AreaReviewer, OnlyAreaReviewer, (n, _) => n.Status == NoticeStatus.Open)
        .Operation(ListObjections, ReadsObjections, OnlyObjectionReaders, (n, _) => n.Objections.Count > 0)
        // AUD-04: an objector's contacts in full for the publishing authority and auditors, as the one personal-data rule says
        .Operation(GetObjection, (n, c) => PersonalDataRule.ForOneRecord(c, n.ObjectorsData()) == PersonalDataView.Full, OnlyPublisher,
            (n, _) => n.Objections.Count > 0);

    private const string OnlyObjectionReaders = "异议人的联系方式仅本辖区及上级主管部门审核人员和审计人员可以查看。";
    private const string OnlyPublisher = "异议人的完整联系方式仅发布公告的主管部门和审计人员可以查看（AUD-04）。";

    /// <summary>Whose data the objectors' contacts are: held by the authority that published the notice (no organization holds them).</summary>
    public static PersonalDataHolder ObjectorsData(this Notice n) => new(Guid.Empty, n.AreaCode);

    private static bool ReadsObjections(Notice n, AccessContext c) => c.User.Role switch
    {
        Roles.Auditor => true,
        Roles.Reviewer => c.Access.CanSee(c.User, n.Scope()),
        Roles.ApiClient => c.User.AuthorityCode is not null && c.Access.CanSee(c.User, n.Scope()),
        _ => false,
    };

    /// <summary>A notice is published for the reviewer's own area or an area below it.</summary>
    public static ProblemDetails MayPublishIn(string area, AccessContext c) =>
        c.Access.CanDecideFor(c.User, area) ? WolverineContinue.NoProblems : Problems.Forbidden("只能发布本辖区及下级辖区的公告。");

    private static bool AreaReviewer(Notice n, AccessContext c) => c.User.Role == Roles.Reviewer && c.Access.CanDecideFor(c.User, n.AreaCode);
}
