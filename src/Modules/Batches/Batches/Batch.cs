using Assessment.SharedKernel.Identity;
using NodaTime;

namespace Assessment.Batches.Batches;

/// <summary>
/// A certification batch (认定批次): what decisions need — the plan, staff, where the batch stands and, per candidate, only
/// marks (scored, passed, absent, photographed). Stream per batch; the snapshot is projected inline. The roster itself
/// (names, documents, scores, photos) is the <see cref="Candidates.BatchCandidate"/> projection, loaded by the decisions that
/// need it (<see cref="Candidates.Roster"/>); screens read it and <see cref="BatchDetails"/> (ledger, inspectors).
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
    /// <summary>Each candidate of the batch by id, with what guards and counts need; the rest is in the roster projection.</summary>
    public Dictionary<Guid, CandidateMarks> Marks { get; set; } = [];
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

    public int CandidateCount => Marks.Count;
    public bool HasCandidate(Guid candidateId) => Marks.ContainsKey(candidateId);
    public int Counted(CandidateMarks mark) => Marks.Values.Count(m => m.HasFlag(mark));
    public bool Any(CandidateMarks mark) => Marks.Values.Any(m => m.HasFlag(mark));

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

    public void Apply(CandidatesAdded e)
    {
        foreach (var c in e.Candidates) Marks[c.Id] = CandidateMarks.None;
        LastChangedAt = e.AddedAt;
    }

    public void Apply(CandidateRemoved e)
    {
        Marks.Remove(e.CandidateId);
        LastChangedAt = e.RemovedAt;
    }

    public void Apply(CandidatePhotoUploaded e)
    {
        if (Marks.TryGetValue(e.CandidateId, out var marks)) Marks[e.CandidateId] = marks | CandidateMarks.Photographed;
        LastChangedAt = e.UploadedAt;
    }

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

    public void Apply(InspectorDispatched e) => LastChangedAt = e.DispatchedAt;

    public void Apply(SpotCheckRecorded e) => LastChangedAt = e.RecordedAt;

    public void Apply(BatchSuspended e)
    {
        SuspendedFrom = Status;
        Status = BatchStatus.Suspended;
        RectificationPending = false;
        LastChangedAt = e.SuspendedAt;
    }

    public void Apply(BatchResumed e)
    {
        Status = SuspendedFrom ?? BatchStatus.Filed;
        SuspendedFrom = null;
        RectificationPending = false;
        LastChangedAt = e.ResumedAt;
    }

    /// <summary>BAT-04: the organization's rectification report waits for the receiving authority.</summary>
    public bool RectificationPending { get; set; }

    public void Apply(BatchRectificationSubmitted e) { RectificationPending = true; LastChangedAt = e.SubmittedAt; }

    public void Apply(BatchRectificationReturned e) { RectificationPending = false; LastChangedAt = e.ReturnedAt; }

    public void Apply(ResultsRecorded e)
    {
        foreach (var r in e.Results)
        {
            if (!Marks.TryGetValue(r.CandidateId, out var marks)) continue;
            var kept = marks & CandidateMarks.Photographed;
            Marks[r.CandidateId] = kept | CandidateMarks.Scored
                | (r.Absent ? CandidateMarks.Absent : CandidateMarks.None) | (r.Passed ? CandidateMarks.Passed : CandidateMarks.None);
        }
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

/// <summary>What a batch keeps of one candidate for its decisions and counts.</summary>
[Flags]
public enum CandidateMarks { None = 0, Scored = 1, Passed = 2, Absent = 4, Photographed = 8 }
