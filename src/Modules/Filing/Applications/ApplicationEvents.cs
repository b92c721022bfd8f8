using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Returned,
    /// <summary>FIL-15 accepted; awaiting expert assignment.</summary>
    Accepted,
    /// <summary>FIL-16 experts assigned and scoring.</summary>
    UnderEvaluation,
    /// <summary>FIL-16 passed; awaiting publicity.</summary>
    EvaluationPassed,
    /// <summary>FIL-17 in publicity (or awaiting the outcome of objections).</summary>
    InPublicity,
    /// <summary>FIL-18 filed.</summary>
    Granted,
    /// <summary>Not filed: evaluation failed or an objection was upheld.</summary>
    Rejected,
}

/// <summary>What the application asks for: a first filing, renewal of a filing (FIL-20) or a change to one (FIL-21).</summary>
public enum ApplicationKind { New, Renewal, Change }

/// <summary>An evaluation site (站点) published in the directory (FIL-19).</summary>
public sealed record EvaluationSite(string Name, string Address);

/// <summary>
/// One occupation (工种) applied for, with the evaluation experience behind it (FIL-06, FIL-11). Levels run from the
/// highest (1 = 一级/高级技师) to the lowest (5 = 五级/初级工).
/// </summary>
public sealed record OccupationLine(
    string Name,
    string? Code,
    int HighestLevel,
    int LowestLevel,
    bool IsNewOccupation,
    LocalDate? EvaluationSince,
    int PersonTimes,
    /// <summary>FIL-08: has evaluated at 高级工 or above in this or a near occupation.</summary>
    bool PriorSeniorEvaluation,
    /// <summary>FIL-02 相邻近原则: the job the enterprise evaluates is not in the catalog; this line is its nearest catalog occupation.</summary>
    OccupationMapping? Mapping = null);

/// <summary>FIL-02 相邻近原则: the enterprise's own job (not in the catalog) and why the line's catalog occupation is the nearest one.</summary>
public sealed record OccupationMapping(string RequestedName, string Reason);

/// <summary>Whom the organization evaluates (FIL-02 enterprises, FIL-03 technical schools).</summary>
public enum EvaluatedPopulation
{
    /// <summary>本单位职工.</summary>
    OwnStaff,
    /// <summary>劳务派遣、劳务外包等各类用工人员 — an enterprise's own people too (FIL-02 [HB]).</summary>
    DispatchedOrOutsourced,
    /// <summary>在校学生.</summary>
    Students,
    /// <summary>企业职工和社会劳动者（社会人员）— people outside the organization.</summary>
    ExternalWorkers,
}

/// <summary>FIL-03: a major (专业) a technical school teaches and the catalog occupations it covers.</summary>
public sealed record SchoolMajor(string Name, IReadOnlyList<string> Occupations);

/// <summary>An applicant asks a reviewer to except a rule written 原则上, with its reasons.</summary>
public sealed record ExceptionRequest(string RuleId, string Justification);

public sealed record ApplicationDrafted(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName, string AreaCode, string Jurisdiction, string Scope,
    Instant DraftedAt, Actor By, ApplicationKind Kind = ApplicationKind.New, Guid? FilingId = null);

public sealed record ApplicationDetailsChanged(
    Guid ApplicationId, IReadOnlyList<OccupationLine> Occupations, int ConsecutiveYears, int CumulativePersonTimes,
    bool SubsidizedTraining, IReadOnlyList<string> Preferences, Actor By, IReadOnlyList<EvaluationSite>? Sites = null, Instant? ChangedAt = null,
    IReadOnlyList<EvaluatedPopulation>? Populations = null, string? MainBusiness = null, IReadOnlyList<SchoolMajor>? Majors = null);

public sealed record ApplicationSubmitted(
    Guid ApplicationId, LocalDate SubmittedOn, Instant SubmittedAt, string HandlingAuthority, string? FirstReviewAuthority,
    LocalDate? AcceptanceDeadline, IReadOnlyList<ExceptionRequest> ExceptionRequests,
    IReadOnlyList<RuleViolation> ExceptedViolations, Actor By);

/// <summary>A city's first review (FIL-14 [GX]): passed on to the handling authority with an opinion.</summary>
public sealed record ApplicationForwarded(Guid ApplicationId, string FromAuthority, string ToAuthority, string Opinion, Instant ForwardedAt,
    Actor By);

/// <summary>A reviewer's decision on one excepted 原则上 rule.</summary>
public sealed record ExceptionDecision(string RuleId, bool Granted, string Reason);

/// <summary>FIL-15: the materials are complete; the application goes on to technical evaluation.</summary>
public sealed record ApplicationAccepted(Guid ApplicationId, string Authority, string? Remarks, IReadOnlyList<ExceptionDecision> ExceptionDecisions,
    Instant AcceptedAt, Actor By);

/// <summary>FIL-15: returned with what is missing; the organization corrects and submits again.</summary>
public sealed record ApplicationReturned(Guid ApplicationId, string Authority, IReadOnlyList<string> MissingItems, string Reason,
    Instant ReturnedAt, Actor By);

/// <summary>FIL-10: a material file stored with the application; its type was checked by content, its SHA-256 recorded.</summary>
public sealed record MaterialAttached(Guid ApplicationId, Guid MaterialId, int Item, string FileName, string ContentType, long Size, string Sha256,
    Instant AttachedAt, Actor By);

public sealed record MaterialRemoved(Guid ApplicationId, Guid MaterialId, Instant RemovedAt, Actor By);

/// <summary>FIL-10 [HB] 告知承诺: an item pledged at submission, to be produced by the technical evaluation.</summary>
public sealed record MaterialPledged(Guid ApplicationId, int Item, string Pledge, Instant PledgedAt, Actor By);

/// <summary>An expert assigned to a technical evaluation (FIL-16).</summary>
public sealed record AssignedExpert(Guid UserId, string UserName, string DisplayName);

/// <summary>FIL-16: the handling authority assigns experts and the evaluation methods from its policy.</summary>
public sealed record ExpertsAssigned(Guid ApplicationId, IReadOnlyList<AssignedExpert> Experts, IReadOnlyList<string> Methods,
    string? Instructions, Instant AssignedAt, Actor By);

/// <summary>One evaluation subject's score (0–100) with the expert's comment.</summary>
public sealed record SubjectScore(string Subject, int Score, string? Comment);

/// <summary>FIL-16: one expert's scores, on-site findings and recommendation; a later score by the same expert replaces it.</summary>
public sealed record EvaluationScored(Guid ApplicationId, Guid ExpertUserId, IReadOnlyList<SubjectScore> Scores, string OnSiteFindings,
    bool RecommendsFiling, string Opinion, Instant ScoredAt, Actor By);

/// <summary>FIL-16: the authority's conclusion with its reason.</summary>
public sealed record EvaluationConcluded(Guid ApplicationId, bool Passed, string Reason, decimal AverageScore, Instant ConcludedAt, Actor By);

/// <summary>FIL-17: the application is publicized as notice <paramref name="NoticeId"/> over the given window.</summary>
public sealed record PublicityStarted(Guid ApplicationId, Guid NoticeId, LocalDate WindowStart, LocalDate WindowEnd, int WorkingDays,
    Instant StartedAt, Actor By);

/// <summary>FIL-17: what the Notices module reported about the publicity notice (objections, closing, withdrawal).</summary>
public sealed record PublicityProgressed(Guid ApplicationId, Guid NoticeId, long NoticeVersion, NoticeStatus NoticeStatus,
    int OpenObjections, int UpheldObjections, Instant ReceivedAt, Actor By);

/// <summary>FIL-18: filing granted; the filing itself is stream <paramref name="FilingId"/>.</summary>
public sealed record ApplicationGranted(Guid ApplicationId, Guid FilingId, string FilingNumber, LocalDate ValidFrom, LocalDate ValidUntil,
    Instant GrantedAt, Actor By, string? Basis = null);

/// <summary>The authority declines to file (FIL-17 upheld objection), with its reason.</summary>
public sealed record ApplicationRejected(Guid ApplicationId, string RuleId, string Reason, Instant RejectedAt, Actor By);
