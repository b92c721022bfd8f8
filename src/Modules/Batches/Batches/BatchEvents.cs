using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Batches.Batches;

/// <summary>Where a batch stands. A plan is drafted, filed with the authority (BAT-01/02), run (spot checks may suspend
/// it, BAT-04), its results recorded, publicized (BAT-06), reported (BAT-07) and the report accepted or returned.</summary>
public enum BatchStatus { Draft, Filed, Suspended, ResultsRecorded, InPublicity, Publicized, Reported, Accepted }

/// <summary>A staff role in a batch (BAT-01, BAT-05).</summary>
public enum StaffRole { Invigilator, Examiner, QualitySupervisor }

/// <summary>An occupation (工种) and level the batch certifies; the key is the filing's catalog key.</summary>
public sealed record BatchOccupation(string Key, string Name, string? Code, int Level);

/// <summary>Where the exams take place; <paramref name="AreaCode"/> is the city or county (division code).</summary>
public sealed record BatchSite(string Name, string Address, string AreaCode);

/// <summary>A person of the batch's staff: who they are, their role, and the candidates they declared a relation to
/// (trained them, family …) by identity number (BAT-05).</summary>
public sealed record StaffAssignment(Guid StaffId, string Name, string DocumentNumber, string Qualification, StaffRole Role,
    IReadOnlyList<string> Occupations, IReadOnlyList<int> Levels, IReadOnlyList<string> DeclaredRelations);

/// <summary>A candidate (考生) with the data 附件5 needs (BAT-09).</summary>
public sealed record Candidate(Guid Id, string Name, int DocumentType, string DocumentNumber, string Employer, string OccupationKey,
    int Level, string? Phone, string CityName);

/// <summary>A candidate's score in one exam subject (理论知识, 操作技能 …).</summary>
public sealed record ExamSubjectScore(string Subject, decimal Score);

/// <summary>A candidate's result: absent, or a score per subject; passed when every subject reaches the pass mark.</summary>
public sealed record CandidateResult(Guid CandidateId, bool Absent, IReadOnlyList<ExamSubjectScore> Scores, bool Passed);

/// <summary>A filed organization drafted a batch under one of its filings; <paramref name="AreaCode"/> is the filing's area.</summary>
public sealed record BatchDrafted(Guid BatchId, Guid OrganizationId, string OrganizationName, Guid FilingId, string FilingNumber,
    string Jurisdiction, string AreaCode, string Title, Instant DraftedAt, Actor By);

public sealed record BatchPlanChanged(Guid BatchId, string Title, IReadOnlyList<BatchOccupation> Occupations, IReadOnlyList<string> Subjects,
    IReadOnlyList<LocalDate> ExamDays, IReadOnlyList<BatchSite> Sites, decimal FeePerCandidate, string? FeeStandard, Instant ChangedAt, Actor By);

public sealed record BatchStaffAssigned(Guid BatchId, IReadOnlyList<StaffAssignment> Staff, Instant AssignedAt, Actor By);

public sealed record CandidatesAdded(Guid BatchId, IReadOnlyList<Candidate> Candidates, string? SourceFile, Instant AddedAt, Actor By);

public sealed record CandidateRemoved(Guid BatchId, Guid CandidateId, Instant RemovedAt, Actor By);

/// <summary>
/// CRT-03: the organization uploaded a candidate's 2-inch photo (replacing any earlier one). The bytes are stored once, as
/// normalized (<paramref name="Width"/> × <paramref name="Height"/> JPEG of <paramref name="Bytes"/> bytes, SHA-256
/// <paramref name="Sha256"/>), under <paramref name="PhotoId"/>; the event carries the reference only.
/// </summary>
public sealed record CandidatePhotoUploaded(Guid BatchId, Guid CandidateId, Guid PhotoId, string Sha256, int Width, int Height, int Bytes,
    string? SourceFile, Instant UploadedAt, Actor By);

/// <summary>BAT-01/02: the plan reached <paramref name="ReceivingAuthority"/> (copied to <paramref name="CopiedTo"/> for
/// 技师/高级技师); <paramref name="LeadDeadline"/> is the last day it could be filed; the announcement notice where the
/// policy asks for one.</summary>
public sealed record BatchPlanFiled(Guid BatchId, string ReceivingAuthority, string? CopiedTo, LocalDate FiledOn, LocalDate LeadDeadline,
    Guid? AnnouncementNoticeId, LocalDate? AnnouncementStart, LocalDate? AnnouncementEnd, Instant FiledAt, Actor By);

/// <summary>BAT-04: the authority dispatched an inspector (督查员) to a key step on a day.</summary>
public sealed record InspectorDispatched(Guid BatchId, Guid InspectorId, string InspectorName, string Step, LocalDate On, Instant DispatchedAt,
    Actor By);

/// <summary>A dispatch as the batch keeps it.</summary>
public sealed record InspectorDispatch(Guid InspectorId, string InspectorName, string Step, LocalDate On);

/// <summary>BAT-04: an inspector's spot check of one step.</summary>
public sealed record SpotCheckRecorded(Guid BatchId, Guid SpotCheckId, string Step, LocalDateTime CheckedAt, string Findings,
    bool Suspends, Instant RecordedAt, Actor By);

public sealed record BatchSuspended(Guid BatchId, string Reason, Instant SuspendedAt, Actor By);

public sealed record BatchResumed(Guid BatchId, string Reason, Instant ResumedAt, Actor By);

/// <summary>BAT-04: the organization reports how it rectified what suspended the batch, and asks the receiving authority to resume it.</summary>
public sealed record BatchRectificationSubmitted(Guid BatchId, string Report, Instant SubmittedAt, Actor By);

/// <summary>BAT-04: the receiving authority found the rectification insufficient; the organization rectifies and reports again.</summary>
public sealed record BatchRectificationReturned(Guid BatchId, string Reason, Instant ReturnedAt, Actor By);

public sealed record ResultsRecorded(Guid BatchId, IReadOnlyList<CandidateResult> Results, string? SourceFile, Instant RecordedAt, Actor By);

/// <summary>BAT-06: the results publicity notice was requested with its window.</summary>
public sealed record ResultsPublicityStarted(Guid BatchId, Guid NoticeId, LocalDate WindowStart, LocalDate WindowEnd, int Length, string Unit,
    Instant StartedAt, Actor By);

/// <summary>The results notice changed (objections, closing). <paramref name="Clean"/>: closed without objection; the BAT-07
/// deadline <paramref name="ReportDueOn"/> then follows (null while the calendar of that year is not yet published).</summary>
public sealed record ResultsPublicityProgressed(Guid BatchId, Guid NoticeId, long NoticeVersion, bool Closed, int OpenObjections,
    int UpheldObjections, bool Clean, LocalDate? ReportDueOn, Instant At, Actor By);

/// <summary>An upheld objection reopened the results: the publicity is over and results are corrected and publicized again.</summary>
public sealed record ResultsReopened(Guid BatchId, Guid NoticeId, string Reason, Instant At, Actor By);

public sealed record ResultsReportSubmitted(Guid BatchId, LocalDate SubmittedOn, LocalDate? DueOn, bool Late, Instant SubmittedAt, Actor By);

public sealed record ResultsReportAccepted(Guid BatchId, string Opinion, Instant AcceptedAt, Actor By);

public sealed record ResultsReportReturned(Guid BatchId, string Reason, Instant ReturnedAt, Actor By);

/// <summary>A deadline passed with the step not done (BAT-01 plan, BAT-07 report): flagged to both sides.</summary>
public sealed record BatchDeadlineMissed(Guid BatchId, string RuleId, string What, LocalDate DueOn, Instant At, Actor By);
