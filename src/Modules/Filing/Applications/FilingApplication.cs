using Assessment.Filing.Acceptance;
using Assessment.Filing.Catalog;
using Assessment.Filing.Drafting;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Applications;

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
