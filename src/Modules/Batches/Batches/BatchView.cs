using Assessment.SharedKernel.Values;
using Assessment.Batches.Candidates;
using Assessment.Batches.Planning;
using Assessment.Batches.Scoring;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Batches.Batches;

public sealed record CandidateView(Guid Id, string Name, int DocumentType, string DocumentNumber, string Employer, string Occupation, int Level,
    string? Phone, string CityName, CandidateResult? Result, bool HasPhoto = false);

/// <summary>A member of the batch's staff; <paramref name="DeclaredRelations"/> are candidates' identity numbers, masked like the roster.</summary>
public sealed record StaffView(Guid StaffId, string Name, string Qualification, StaffRole Role, IReadOnlyList<string> Occupations,
    IReadOnlyList<string> DeclaredRelations);

/// <summary>A batch as the caller may see it: its roster masked for everyone (a candidate is opened on its own to see it in full, as
/// the one personal-data rule allows: <see cref="BatchGuards.GetCandidate"/> among the actions), what still
/// blocks filing (for a draft), BAT-03 as the filing stands now (for a filed plan), the steps the caller may take now (operation ids),
/// and the ledger.</summary>
public sealed record BatchView(
    Guid Id, long Version, string Title, Guid OrganizationId, string OrganizationName, Guid FilingId, string FilingNumber, string Jurisdiction,
    string AreaCode, string? ReceivingAuthority, string? ReceivingAuthorityName, string? CopiedTo, BatchStatus Status,
    IReadOnlyList<BatchOccupation> Occupations,
    IReadOnlyList<string> Subjects, IReadOnlyList<LocalDate> ExamDays, IReadOnlyList<BatchSite> Sites, decimal FeePerCandidate, string? FeeStandard,
    IReadOnlyList<StaffView> Staff, IReadOnlyList<CandidateView> Candidates, LocalDate? FiledOn, LocalDate? PlanDeadline,
    Guid? AnnouncementNoticeId, Guid? PublicityNoticeId, LocalDate? PublicityStart, LocalDate? PublicityEnd, int OpenObjections,
    LocalDate? ReportDueOn, LocalDate? ReportedOn, int Passed, int Absent, IReadOnlyList<RuleViolation> Blocking,
    IReadOnlyList<RuleViolation> Eligibility, IReadOnlyList<InspectorDispatch> Inspectors, IReadOnlyList<string> Actions, BatchDetails Details);

public sealed record BatchListItem(Guid Id, long Version, string Title, string OrganizationName, string FilingNumber, string Jurisdiction,
    string? ReceivingAuthority, string? ReceivingAuthorityName, BatchStatus Status, LocalDate? FirstExamDay, int Candidates, LocalDate? PlanDeadline,
    LocalDate? ReportDueOn,
    Instant LastChangedAt, Guid OrganizationId, Guid FilingId);

/// <summary>A page of batches, with what the caller may start from the list (<see cref="BatchGuards.Draft"/>).</summary>
public sealed record BatchList(IReadOnlyList<BatchListItem> Items, long Total, int Page, int PageSize, IReadOnlyList<string> Actions);

/// <summary>What the batch page reads besides the batch: its roster, ledger and inspections (projections of its stream).</summary>
public sealed record BatchPage(Roster Roster, BatchDetails? Details, Running.BatchInspections? Inspections);

public static class BatchViews
{
    public static BatchListItem Item(Batch b, PolicyCatalog catalog) => new(b.Id, b.Version, b.Title, b.OrganizationName, b.FilingNumber,
        b.Jurisdiction, b.ReceivingAuthority, b.ReceivingAuthority is { } r ? catalog.FindAuthority(r)?.Name : null, b.Status, b.FirstExamDay,
        b.CandidateCount, b.PlanDeadline, b.ReportDueOn, b.LastChangedAt, b.OrganizationId, b.FilingId);

    /// <summary>The batch page: the decision state, the roster (masked), the ledger and, for authorities, the dispatched inspectors.</summary>
    public static BatchView For(Batch b, BatchPage page, AccessContext caller, PolicyCatalog catalog, PlanContext? context)
    {
        var candidates = page.Roster.Entries.Select(e => Candidate(b, e, PersonalDataView.Masked)).ToList();
        var staff = b.Staff.Select(s => new StaffView(s.StaffId, s.Name, s.Qualification, s.Role, s.Occupations,
            s.DeclaredRelations.Select(Masking.Document).ToList())).ToList();
        var blocking = b.Status == BatchStatus.Draft && context is not null ? PlanningDecider.Problems(b, page.Roster, context) : [];
        // a draft shows the last day its plan can be filed (BAT-01/02) before it is missed
        var planDeadline = b.PlanDeadline
            ?? (b.Status == BatchStatus.Draft && context is not null ? PlanningDecider.DraftDeadline(b, context) : null);
        // BAT-03 as the filing stands today, for a plan the authority has received and that has not run yet
        var eligibility = b.Status is BatchStatus.Filed or BatchStatus.Suspended && context is not null
            ? Planning.Eligibility.Check(b, context.Filings, catalog) : [];
        return new BatchView(b.Id, b.Version, b.Title, b.OrganizationId, b.OrganizationName, b.FilingId, b.FilingNumber, b.Jurisdiction, b.AreaCode,
            b.ReceivingAuthority, b.ReceivingAuthority is { } r ? catalog.FindAuthority(r)?.Name : null, b.CopiedTo, b.Status, b.Occupations,
            b.Subjects,
            b.ExamDays, b.Sites, b.FeePerCandidate, b.FeeStandard, staff, candidates, b.FiledOn, planDeadline, b.AnnouncementNoticeId,
            b.PublicityNoticeId, b.PublicityStart, b.PublicityEnd, b.OpenObjections, b.ReportDueOn, b.ReportedOn,
            b.Counted(CandidateMarks.Passed), b.Counted(CandidateMarks.Absent), blocking, eligibility,
            // an inspection is not announced to the organization it checks
            caller.User.OrganizationId is null ? page.Inspections?.Dispatches ?? [] : [],
            BatchGuards.Table.Actions(b, caller), page.Details ?? new BatchDetails { Id = b.Id });
    }

    /// <summary>One candidate, masked or in full as <paramref name="view"/> says.</summary>
    public static CandidateView Candidate(Batch b, BatchCandidate entry, PersonalDataView view)
    {
        var (c, full) = (entry.Candidate, view == PersonalDataView.Full);
        return new CandidateView(c.Id, full ? c.Name : Masking.Name(c.Name), c.DocumentType,
            full ? c.DocumentNumber : Masking.Document(c.DocumentNumber), c.Employer,
            b.Occupations.FirstOrDefault(o => o.Key == c.OccupationKey)?.Name ?? c.OccupationKey, c.Level,
            full ? c.Phone : Masking.Phone(c.Phone), c.CityName, entry.Result, entry.PhotoId is not null);
    }
}
