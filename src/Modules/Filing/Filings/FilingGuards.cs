using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;

namespace Assessment.Filing.Filings;

/// <summary>
/// Who may see and act on a granted filing: anyone whose area holds it (the organization its own); suspension, reinstatement
/// and cancellation by a reviewer or inspector of an authority over the filing's area (FIL-19/FIL-24).
/// </summary>
public static class FilingGuards
{
    public const string Suspend = "suspendFiling";
    public const string Reinstate = "reinstateFiling";
    public const string Cancel = "cancelFiling";

    /// <summary>Renewal (FIL-20) and change (FIL-21) start as a new application drafted from the filing by its organization.</summary>
    public const string DraftFrom = "draftFilingApplication";

    private const string OnlyAuthority = "只有本辖区主管部门可以处理该备案。";

    public static readonly GuardTable<FilingRecord> Table = new GuardTable<FilingRecord>("备案", (f, c) => c.Access.CanSee(c.User, f.AccessScope()))
        .Operation(Suspend, Decides, OnlyAuthority, (f, _) => f.Status == FilingStatus.Active)
        .Operation(Reinstate, Decides, OnlyAuthority, (f, _) => f.Status == FilingStatus.Suspended)
        .Operation(Cancel, Decides, OnlyAuthority, (f, _) => f.Status != FilingStatus.Cancelled)
        .Operation(DraftFrom, (f, c) => c.User.Role == Roles.Organization && c.User.OrganizationId == f.OrganizationId,
            "只有持有该备案的评价机构可以申请续期或变更。", (f, _) => f.Status != FilingStatus.Cancelled);

    private static bool Decides(FilingRecord f, AccessContext c) => c.User.Role == Roles.Reviewer && c.Access.CanDecideFor(c.User, f.AreaCode);
}

/// <summary>A filing as its reader sees it, with the operations the caller may take now (from <see cref="FilingGuards"/>).</summary>
public sealed record FilingView(
    Guid Id, long Version, Guid OrganizationId, string OrganizationName, string FilingNumber, string Jurisdiction, string Scope,
    string AreaCode, string GrantingAuthority, FilingStatus Status, NodaTime.LocalDate ValidFrom, NodaTime.LocalDate ValidUntil,
    IReadOnlyList<FiledOccupation> Occupations, IReadOnlyList<EvaluationSite> Sites, Guid? MergedInto, Guid ApplicationId,
    string ReportedTo, NodaTime.Instant GrantedAt, string? StatusReason, NodaTime.LocalDate? LastCertificationOn, IReadOnlyList<string> Actions)
{
    public static FilingView Of(FilingRecord f, AccessContext caller) => new(
        f.Id, f.Version, f.OrganizationId, f.OrganizationName, f.FilingNumber, f.Jurisdiction, f.Scope, f.AreaCode, f.GrantingAuthority,
        f.Status, f.ValidFrom, f.ValidUntil, f.Occupations, f.Sites, f.MergedInto, f.ApplicationId, f.ReportedTo, f.GrantedAt,
        f.StatusReason, f.LastCertificationOn, FilingGuards.Table.Actions(f, caller));
}
