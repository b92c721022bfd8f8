using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
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
    bool PriorSeniorEvaluation);

/// <summary>An applicant asks a reviewer to except a rule written 原则上, with its reasons.</summary>
public sealed record ExceptionRequest(string RuleId, string Justification);

public sealed record ApplicationDrafted(
    Guid ApplicationId, Guid OrganizationId, string OrganizationName, string AreaCode, string Jurisdiction, string Scope,
    Instant DraftedAt, Actor By, ApplicationKind Kind = ApplicationKind.New, Guid? FilingId = null);

public sealed record ApplicationDetailsChanged(
    Guid ApplicationId, IReadOnlyList<OccupationLine> Occupations, int ConsecutiveYears, int CumulativePersonTimes,
    bool SubsidizedTraining, IReadOnlyList<string> Preferences, Actor By, IReadOnlyList<EvaluationSite>? Sites = null);

public sealed record ApplicationSubmitted(
    Guid ApplicationId, LocalDate SubmittedOn, Instant SubmittedAt, string HandlingAuthority, string? FirstReviewAuthority,
    LocalDate? AcceptanceDeadline, IReadOnlyList<ExceptionRequest> ExceptionRequests,
    IReadOnlyList<RuleViolation> ExceptedViolations, Actor By);

/// <summary>A city's first review (FIL-14 [GX]): passed on to the handling authority with an opinion.</summary>
public sealed record ApplicationForwarded(Guid ApplicationId, string FromAuthority, string ToAuthority, string Opinion, Instant ForwardedAt, Actor By);

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

public sealed class MaterialRef
{
    public Guid Id { get; set; }
    public int Item { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public Instant AttachedAt { get; set; }
}

public sealed class PledgeRef
{
    public int Item { get; set; }
    public string Pledge { get; set; } = "";
    public Instant PledgedAt { get; set; }
    /// <summary>When the pledged item was produced (a material of that item attached after the pledge).</summary>
    public Instant? ProducedAt { get; set; }

    /// <summary>Stored with the document so that lists can filter on it.</summary>
    public bool IsProduced => ProducedAt is not null;
}

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

public sealed class ExpertEvaluation
{
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<SubjectScore> Scores { get; set; } = [];
    public string? OnSiteFindings { get; set; }
    public bool? RecommendsFiling { get; set; }
    public string? Opinion { get; set; }
    public Instant? ScoredAt { get; set; }
    public bool HasScored => ScoredAt is not null;
}

/// <summary>A filing (备案) application by one organization to one jurisdiction for one service scope.</summary>
[System.ComponentModel.DisplayName("备案申请")]
public sealed class FilingApplication
{
    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string Scope { get; set; } = "";
    public ApplicationStatus Status { get; set; }
    public List<OccupationLine> Occupations { get; set; } = [];
    public int ConsecutiveYears { get; set; }
    public int CumulativePersonTimes { get; set; }
    public bool SubsidizedTraining { get; set; }
    public List<string> Preferences { get; set; } = [];
    public Instant DraftedAt { get; set; }
    public LocalDate? SubmittedOn { get; set; }
    /// <summary>FIL-14: the authority whose queue holds the application.</summary>
    public string? HandlingAuthority { get; set; }
    public string? FirstReviewAuthority { get; set; }
    /// <summary>FIL-15: the last working day for the acceptance decision.</summary>
    public LocalDate? AcceptanceDeadline { get; set; }
    public List<ExceptionRequest> ExceptionRequests { get; set; } = [];
    public List<RuleViolation> ExceptedViolations { get; set; } = [];
    public bool Forwarded { get; set; }
    public string? ForwardOpinion { get; set; }
    public List<ExceptionDecision> ExceptionDecisions { get; set; } = [];
    public List<string> MissingItems { get; set; } = [];
    public string? ReturnReason { get; set; }
    public int Submissions { get; set; }
    public ApplicationKind Kind { get; set; }
    /// <summary>The filing a renewal or change applies to; for a new application, the filing it produced.</summary>
    public Guid? FilingId { get; set; }
    public List<EvaluationSite> Sites { get; set; } = [];
    public Instant? AcceptedAt { get; set; }
    public List<ExpertEvaluation> Experts { get; set; } = [];
    public List<string> EvaluationMethods { get; set; } = [];
    public string? EvaluationInstructions { get; set; }
    public bool? EvaluationPassed { get; set; }
    public string? EvaluationReason { get; set; }
    public decimal? AverageScore { get; set; }
    public Guid? PublicityNoticeId { get; set; }
    public LocalDate? PublicityStart { get; set; }
    public LocalDate? PublicityEnd { get; set; }
    public long PublicityNoticeVersion { get; set; }
    public NoticeStatus? PublicityStatus { get; set; }
    public int OpenObjections { get; set; }
    public int UpheldObjections { get; set; }
    public string? FilingNumber { get; set; }
    public LocalDate? ValidFrom { get; set; }
    public LocalDate? ValidUntil { get; set; }
    public List<MaterialRef> Materials { get; set; } = [];
    public List<PledgeRef> Pledges { get; set; } = [];
    public string? RejectionRuleId { get; set; }
    public string? RejectionReason { get; set; }

    /// <summary>The authority that must act now: the city while its first review is pending, else the handling authority.</summary>
    public string? CurrentAuthority => Status switch
    {
        ApplicationStatus.Submitted => FirstReviewAuthority is not null && !Forwarded ? FirstReviewAuthority : HandlingAuthority,
        ApplicationStatus.Accepted or ApplicationStatus.UnderEvaluation or ApplicationStatus.EvaluationPassed or ApplicationStatus.InPublicity
            => HandlingAuthority,
        _ => null,
    };

    public ResourceScope AccessScope() => new(AreaCode, OrganizationId);

    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.Returned;

    public static FilingApplication Create(ApplicationDrafted e) => new()
    {
        Id = e.ApplicationId, OrganizationId = e.OrganizationId, OrganizationName = e.OrganizationName, AreaCode = e.AreaCode,
        Jurisdiction = e.Jurisdiction, Scope = e.Scope, Status = ApplicationStatus.Draft, DraftedAt = e.DraftedAt,
        Kind = e.Kind, FilingId = e.FilingId,
    };

    public void Apply(ApplicationDetailsChanged e)
    {
        Occupations = e.Occupations.ToList();
        ConsecutiveYears = e.ConsecutiveYears;
        CumulativePersonTimes = e.CumulativePersonTimes;
        SubsidizedTraining = e.SubsidizedTraining;
        Preferences = e.Preferences.ToList();
        Sites = e.Sites?.ToList() ?? [];
    }

    public void Apply(ApplicationSubmitted e)
    {
        Status = ApplicationStatus.Submitted;
        SubmittedOn = e.SubmittedOn;
        HandlingAuthority = e.HandlingAuthority;
        FirstReviewAuthority = e.FirstReviewAuthority;
        AcceptanceDeadline = e.AcceptanceDeadline;
        ExceptionRequests = e.ExceptionRequests.ToList();
        ExceptedViolations = e.ExceptedViolations.ToList();
        Forwarded = false;
        ForwardOpinion = null;
        Submissions++;
    }

    public void Apply(ApplicationForwarded e)
    {
        Forwarded = true;
        ForwardOpinion = e.Opinion;
    }

    public void Apply(ApplicationAccepted e)
    {
        Status = ApplicationStatus.Accepted;
        ExceptionDecisions = e.ExceptionDecisions.ToList();
        AcceptedAt = e.AcceptedAt;
    }

    public void Apply(MaterialAttached e)
    {
        Materials.Add(new MaterialRef
        {
            Id = e.MaterialId, Item = e.Item, FileName = e.FileName, ContentType = e.ContentType, Size = e.Size, Sha256 = e.Sha256,
            AttachedAt = e.AttachedAt,
        });
        foreach (var pledge in Pledges.Where(p => p.Item == e.Item && p.ProducedAt is null)) pledge.ProducedAt = e.AttachedAt;
    }

    public void Apply(MaterialRemoved e) => Materials.RemoveAll(m => m.Id == e.MaterialId);

    public void Apply(MaterialPledged e)
    {
        Pledges.RemoveAll(p => p.Item == e.Item);
        Pledges.Add(new PledgeRef { Item = e.Item, Pledge = e.Pledge, PledgedAt = e.PledgedAt });
    }

    public void Apply(ExpertsAssigned e)
    {
        Status = ApplicationStatus.UnderEvaluation;
        Experts = e.Experts.Select(x => new ExpertEvaluation { UserId = x.UserId, UserName = x.UserName, DisplayName = x.DisplayName }).ToList();
        EvaluationMethods = e.Methods.ToList();
        EvaluationInstructions = e.Instructions;
    }

    public void Apply(EvaluationScored e)
    {
        var expert = Experts.Single(x => x.UserId == e.ExpertUserId);
        expert.Scores = e.Scores.ToList();
        expert.OnSiteFindings = e.OnSiteFindings;
        expert.RecommendsFiling = e.RecommendsFiling;
        expert.Opinion = e.Opinion;
        expert.ScoredAt = e.ScoredAt;
    }

    public void Apply(EvaluationConcluded e)
    {
        Status = e.Passed ? ApplicationStatus.EvaluationPassed : ApplicationStatus.Rejected;
        EvaluationPassed = e.Passed;
        EvaluationReason = e.Reason;
        AverageScore = e.AverageScore;
        if (!e.Passed) { RejectionRuleId = "FIL-16"; RejectionReason = e.Reason; }
    }

    public void Apply(PublicityStarted e)
    {
        Status = ApplicationStatus.InPublicity;
        PublicityNoticeId = e.NoticeId;
        PublicityStart = e.WindowStart;
        PublicityEnd = e.WindowEnd;
        PublicityNoticeVersion = 1;
        PublicityStatus = NoticeStatus.Open;
        OpenObjections = 0;
        UpheldObjections = 0;
    }

    public void Apply(PublicityProgressed e)
    {
        PublicityNoticeVersion = e.NoticeVersion;
        PublicityStatus = e.NoticeStatus;
        OpenObjections = e.OpenObjections;
        UpheldObjections = e.UpheldObjections;
        // A withdrawn publicity notice returns the application to be publicized again.
        if (e.NoticeStatus == NoticeStatus.Withdrawn) Status = ApplicationStatus.EvaluationPassed;
    }

    public void Apply(ApplicationGranted e)
    {
        Status = ApplicationStatus.Granted;
        FilingId = e.FilingId;
        FilingNumber = e.FilingNumber;
        ValidFrom = e.ValidFrom;
        ValidUntil = e.ValidUntil;
    }

    public void Apply(ApplicationRejected e)
    {
        Status = ApplicationStatus.Rejected;
        RejectionRuleId = e.RuleId;
        RejectionReason = e.Reason;
    }

    public void Apply(ApplicationReturned e)
    {
        Status = ApplicationStatus.Returned;
        MissingItems = e.MissingItems.ToList();
        ReturnReason = e.Reason;
    }
}
