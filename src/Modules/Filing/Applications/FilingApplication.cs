using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Applications;

public enum ApplicationStatus { Draft, Submitted, Returned, Accepted }

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
    Instant DraftedAt, Actor By);

public sealed record ApplicationDetailsChanged(
    Guid ApplicationId, IReadOnlyList<OccupationLine> Occupations, int ConsecutiveYears, int CumulativePersonTimes,
    bool SubsidizedTraining, IReadOnlyList<string> Preferences, Actor By);

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

/// <summary>A filing (备案) application by one organization to one jurisdiction for one service scope.</summary>
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

    /// <summary>The authority that must act now: the city while its first review is pending, else the handling authority.</summary>
    public string? CurrentAuthority => Status != ApplicationStatus.Submitted ? null
        : FirstReviewAuthority is not null && !Forwarded ? FirstReviewAuthority : HandlingAuthority;

    public ResourceScope AccessScope() => new(AreaCode, OrganizationId);

    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.Returned;

    public static FilingApplication Create(ApplicationDrafted e) => new()
    {
        Id = e.ApplicationId, OrganizationId = e.OrganizationId, OrganizationName = e.OrganizationName, AreaCode = e.AreaCode,
        Jurisdiction = e.Jurisdiction, Scope = e.Scope, Status = ApplicationStatus.Draft, DraftedAt = e.DraftedAt,
    };

    public void Apply(ApplicationDetailsChanged e)
    {
        Occupations = e.Occupations.ToList();
        ConsecutiveYears = e.ConsecutiveYears;
        CumulativePersonTimes = e.CumulativePersonTimes;
        SubsidizedTraining = e.SubsidizedTraining;
        Preferences = e.Preferences.ToList();
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
    }

    public void Apply(ApplicationReturned e)
    {
        Status = ApplicationStatus.Returned;
        MissingItems = e.MissingItems.ToList();
        ReturnReason = e.Reason;
    }
}
