using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;

namespace Assessment.Filing.Applications;

/// <summary>
/// Who may see and act on a filing application — the same rule the lists apply, so an id never reveals more than a list:
/// the organization sees its own (drafts included); a draft is nobody else's business; an expert sees only the applications
/// assigned to it; everyone else needs the area (<see cref="AccessControl"/>). Hidden means 404. The organization edits
/// and submits; the authority holding the application now decides; an assigned expert scores.
/// </summary>
public static class ApplicationGuards
{
    public const string Draft = "draftFilingApplication";
    public const string Change = "changeFilingApplication";
    public const string Attach = "attachFilingMaterial";
    public const string Remove = "removeFilingMaterial";
    public const string Pledge = "pledgeFilingMaterial";
    public const string Submit = "submitFilingApplication";
    public const string Score = "scoreEvaluation";
    public const string Forward = "forwardFilingApplication";
    public const string Accept = "acceptFilingApplication";
    public const string Return = "returnFilingApplication";
    public const string AssignExperts = "assignEvaluationExperts";
    public const string Conclude = "concludeEvaluation";
    public const string StartPublicity = "startFilingPublicity";
    public const string Reject = "rejectFilingApplication";
    public const string Grant = "grantFiling";

    private const string OnlyApplicant = "只有申请机构可以修改或提交申请。";
    private const string OtherAuthority = "该申请当前由其他主管部门办理。";

    public static readonly GuardTable<FilingApplication> Table = new GuardTable<FilingApplication>("备案申请", (a, c) => CanSee(a, c.User, c.Access))
        .Creation(Draft, c => c.User.Role == Roles.Organization && c.User.OrganizationId is not null, "只有评价机构可以申请备案。")
        .Operation(Change, Applicant, OnlyApplicant, (a, _) => a.IsEditable)
        .Operation(Attach, Applicant, OnlyApplicant, (a, _) => a.IsEditable || AwaitsPledgedMaterial(a))
        .Operation(Remove, Applicant, OnlyApplicant, (a, _) => a.IsEditable)
        .Operation(Pledge, Applicant, OnlyApplicant, (a, _) => a.IsEditable)
        .Operation(Submit, Applicant, OnlyApplicant, (a, _) => a.IsEditable)
        .Operation(Score, (a, c) => c.User.Role == Roles.Expert && a.Experts.Any(e => e.UserId == c.User.Id), "您未被指派评估该申请。",
            (a, c) => a.Status == ApplicationStatus.UnderEvaluation && a.Experts.Any(e => e.UserId == c.User.Id && !e.HasScored))
        .Operation(Forward, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.Submitted && FirstReviewPending(a))
        .Operation(Accept, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.Submitted && !FirstReviewPending(a))
        .Operation(Return, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.Submitted)
        .Operation(AssignExperts, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.Accepted)
        .Operation(Conclude, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.UnderEvaluation
            && a.Experts.Count > 0 && a.Experts.All(e => e.HasScored) && a.Pledges.All(p => p.ProducedAt is not null))
        .Operation(StartPublicity, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.EvaluationPassed)
        .Operation(Reject, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.InPublicity && a.UpheldObjections > 0)
        .Operation(Grant, Handles, OtherAuthority, (a, _) => a.Status == ApplicationStatus.InPublicity && a.UpheldObjections == 0
            && a.PublicityStatus == NoticeStatus.Closed && a.OpenObjections == 0);

    /// <summary>The visibility rule of <see cref="Table"/>; the lists filter by its query form.</summary>
    public static bool CanSee(FilingApplication application, CurrentUser user, AccessControl access)
    {
        if (!access.CanSee(user, application.AccessScope())) return false;
        if (user.OrganizationId is not null) return true;
        if (application.Status == ApplicationStatus.Draft) return false;
        return user.Role != Roles.Expert || application.Experts.Any(e => e.UserId == user.Id);
    }

    /// <summary>
    /// The view's actions: the table's, less pledging where the jurisdiction's policy names no pledgeable material
    /// (the guard cannot see the policy; the decider refuses it there).
    /// </summary>
    public static IReadOnlyList<string> Actions(FilingApplication application, AccessContext caller, JurisdictionPolicy policy) =>
        Table.Actions(application, caller).Where(a => a != Pledge || policy.Filing.PledgeableMaterials.Count > 0).ToList();

    /// <summary>Does the application wait for the caller (the list's "awaiting me")?</summary>
    public static bool AwaitsCaller(FilingApplication a, CurrentUser caller) => caller.Role switch
    {
        Roles.Expert => a.Status == ApplicationStatus.UnderEvaluation && a.Experts.Any(e => e.UserId == caller.Id && !e.HasScored),
        Roles.Reviewer => caller.AuthorityCode is { } code && a.CurrentAuthority == code,
        Roles.Organization => caller.OrganizationId == a.OrganizationId && (a.IsEditable || AwaitsPledgedMaterial(a)),
        _ => false,
    };

    private static bool Applicant(FilingApplication a, AccessContext c) =>
        c.User.Role == Roles.Organization && c.User.OrganizationId == a.OrganizationId;

    /// <summary>A reviewer of the authority holding the application now; once nobody holds it, the decider answers (422).</summary>
    private static bool Handles(FilingApplication a, AccessContext c) =>
        c.User.Role == Roles.Reviewer && (a.CurrentAuthority is not { } stage || c.User.AuthorityCode == stage);

    private static bool FirstReviewPending(FilingApplication a) => a.FirstReviewAuthority is not null && !a.Forwarded;

    private static bool AwaitsPledgedMaterial(FilingApplication a) =>
        a.Status == ApplicationStatus.UnderEvaluation && a.Pledges.Any(p => p.ProducedAt is null);
}
