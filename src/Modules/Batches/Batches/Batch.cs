using Assessment.SharedKernel.Identity;
using NodaTime;

namespace Assessment.Batches.Batches;

/// <summary>
/// A certification batch (认定批次): what decisions need — the plan, staff, candidates, results and where the batch
/// stands. Stream per batch; the snapshot is projected inline. Screens read <see cref="BatchDetails"/> for the ledger.
/// </summary>
[System.ComponentModel.DisplayName("认定批次")]
public sealed class Batch
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public Guid FilingId { get; set; }
    public string FilingNumber { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    /// <summary>The authority area the batch belongs to: the receiving authority once filed (list and access rule).</summary>
    public string AreaCode { get; set; } = "";
    public string? ReceivingAuthority { get; set; }
    public string? CopiedTo { get; set; }
    public BatchStatus Status { get; set; }
    /// <summary>The status a suspension interrupted (restored on resumption).</summary>
    public BatchStatus? SuspendedFrom { get; set; }
    public string Title { get; set; } = "";
    public List<BatchOccupation> Occupations { get; set; } = [];
    public List<string> Subjects { get; set; } = [];
    public List<LocalDate> ExamDays { get; set; } = [];
    public List<BatchSite> Sites { get; set; } = [];
    public decimal FeePerCandidate { get; set; }
    public string? FeeStandard { get; set; }
    public List<StaffAssignment> Staff { get; set; } = [];
    public List<Candidate> Candidates { get; set; } = [];
    public List<CandidateResult> Results { get; set; } = [];
    public LocalDate? FiledOn { get; set; }
    public LocalDate? PlanDeadline { get; set; }
    public Guid? AnnouncementNoticeId { get; set; }
    public Guid? PublicityNoticeId { get; set; }
    public long PublicityNoticeVersion { get; set; }
    public LocalDate? PublicityStart { get; set; }
    public LocalDate? PublicityEnd { get; set; }
    public int OpenObjections { get; set; }
    public int UpheldObjections { get; set; }
    public LocalDate? ReportDueOn { get; set; }
    public LocalDate? ReportedOn { get; set; }
    public string? ReturnReason { get; set; }
    public Instant DraftedAt { get; set; }
    public Instant LastChangedAt { get; set; }

    public LocalDate? FirstExamDay => ExamDays.Count == 0 ? null : ExamDays.Min();
    public bool HasTechnicianLevels => Occupations.Any(o => o.Level <= 2);
    public ResourceScope AccessScope() => new(AreaCode, OrganizationId);

    /// <summary>The candidates who passed, in the order they were entered.</summary>
    public IEnumerable<Candidate> Qualified()
    {
        var passed = Results.Where(r => r.Passed).Select(r => r.CandidateId).ToHashSet();
        return Candidates.Where(c => passed.Contains(c.Id));
    }

    public static Batch Create(BatchDrafted e) => new()
    {
        Id = e.BatchId, OrganizationId = e.OrganizationId, OrganizationName = e.OrganizationName, FilingId = e.FilingId,
        FilingNumber = e.FilingNumber, Jurisdiction = e.Jurisdiction, Title = e.Title, Status = BatchStatus.Draft,
        DraftedAt = e.DraftedAt, LastChangedAt = e.DraftedAt, AreaCode = e.AreaCode,
    };

    public void Apply(BatchPlanChanged e)
    {
        Title = e.Title;
        Occupations = e.Occupations.ToList();
        Subjects = e.Subjects.ToList();
        ExamDays = e.ExamDays.Order().ToList();
        Sites = e.Sites.ToList();
        FeePerCandidate = e.FeePerCandidate;
        FeeStandard = e.FeeStandard;
        LastChangedAt = e.ChangedAt;
    }

    public void Apply(BatchStaffAssigned e) { Staff = e.Staff.ToList(); LastChangedAt = e.AssignedAt; }

    public void Apply(CandidatesAdded e) { Candidates.AddRange(e.Candidates); LastChangedAt = e.AddedAt; }

    public void Apply(CandidateRemoved e)
    {
        Candidates.RemoveAll(c => c.Id == e.CandidateId);
        Photos.Remove(e.CandidateId);
        LastChangedAt = e.RemovedAt;
    }

    /// <summary>Each candidate's current 2-inch photo (CRT-03), by candidate id: the photo id of the stored bytes.</summary>
    public Dictionary<Guid, Guid> Photos { get; set; } = [];

    public void Apply(CandidatePhotoUploaded e) { Photos[e.CandidateId] = e.PhotoId; LastChangedAt = e.UploadedAt; }

    public void Apply(BatchPlanFiled e)
    {
        Status = BatchStatus.Filed;
        ReceivingAuthority = e.ReceivingAuthority;
        AreaCode = e.ReceivingAuthority;
        CopiedTo = e.CopiedTo;
        FiledOn = e.FiledOn;
        PlanDeadline = e.LeadDeadline;
        AnnouncementNoticeId = e.AnnouncementNoticeId;
        LastChangedAt = e.FiledAt;
    }

    public List<InspectorDispatch> Inspectors { get; set; } = [];
    /// <summary>Dispatched inspectors' user ids, for their list ("my spot checks").</summary>
    public List<Guid> InspectorIds { get; set; } = [];

    public void Apply(InspectorDispatched e)
    {
        Inspectors.Add(new InspectorDispatch(e.InspectorId, e.InspectorName, e.Step, e.On));
        if (!InspectorIds.Contains(e.InspectorId)) InspectorIds.Add(e.InspectorId);
        LastChangedAt = e.DispatchedAt;
    }

    public void Apply(SpotCheckRecorded e) => LastChangedAt = e.RecordedAt;

    public void Apply(BatchSuspended e)
    {
        SuspendedFrom = Status;
        Status = BatchStatus.Suspended;
        LastChangedAt = e.SuspendedAt;
    }

    public void Apply(BatchResumed e)
    {
        Status = SuspendedFrom ?? BatchStatus.Filed;
        SuspendedFrom = null;
        LastChangedAt = e.ResumedAt;
    }

    public void Apply(ResultsRecorded e)
    {
        var replaced = e.Results.Select(r => r.CandidateId).ToHashSet();
        Results.RemoveAll(x => replaced.Contains(x.CandidateId));
        Results.AddRange(e.Results);
        Status = BatchStatus.ResultsRecorded;
        LastChangedAt = e.RecordedAt;
    }

    public void Apply(ResultsPublicityStarted e)
    {
        Status = BatchStatus.InPublicity;
        PublicityNoticeId = e.NoticeId;
        PublicityNoticeVersion = 0;
        PublicityStart = e.WindowStart;
        PublicityEnd = e.WindowEnd;
        OpenObjections = 0;
        UpheldObjections = 0;
        LastChangedAt = e.StartedAt;
    }

    public void Apply(ResultsPublicityProgressed e)
    {
        PublicityNoticeVersion = e.NoticeVersion;
        OpenObjections = e.OpenObjections;
        UpheldObjections = e.UpheldObjections;
        if (e.Clean)
        {
            Status = BatchStatus.Publicized;
            ReportDueOn = e.ReportDueOn;
        }
        LastChangedAt = e.At;
    }

    public void Apply(ResultsReopened e)
    {
        Status = BatchStatus.ResultsRecorded;
        PublicityNoticeId = null;
        PublicityStart = null;
        PublicityEnd = null;
        LastChangedAt = e.At;
    }

    public void Apply(ResultsReportSubmitted e)
    {
        Status = BatchStatus.Reported;
        ReportedOn = e.SubmittedOn;
        ReturnReason = null;
        LastChangedAt = e.SubmittedAt;
    }

    public void Apply(ResultsReportAccepted e) { Status = BatchStatus.Accepted; LastChangedAt = e.AcceptedAt; }

    public void Apply(ResultsReportReturned e)
    {
        // the organization corrects the results and publicizes them again before it reports again
        Status = BatchStatus.ResultsRecorded;
        PublicityNoticeId = null;
        PublicityStart = null;
        PublicityEnd = null;
        ReportDueOn = null;
        ReturnReason = e.Reason;
        LastChangedAt = e.ReturnedAt;
    }

    /// <summary>Deadlines already flagged ("BAT-07:2026-12-01"), so a check delivered twice flags once.</summary>
    public List<string> FlaggedDeadlines { get; set; } = [];

    public void Apply(BatchDeadlineMissed e) => FlaggedDeadlines.Add($"{e.RuleId}:{e.DueOn:yyyy-MM-dd}");
}
