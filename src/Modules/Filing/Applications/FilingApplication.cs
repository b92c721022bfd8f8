using System.ComponentModel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Applications;

/// <summary>A material attached to the application: which item it serves (the file itself is in <see cref="ApplicationDetails"/>).</summary>
public sealed class MaterialRef
{
    public Guid Id { get; set; }
    public int Item { get; set; }
}

public sealed class PledgeRef
{
    public int Item { get; set; }

    /// <summary>When the pledged item was produced (a material of that item attached after the pledge).</summary>
    public Instant? ProducedAt { get; set; }

    /// <summary>Stored with the document so that lists can filter on it.</summary>
    public bool IsProduced => ProducedAt is not null;
}

public sealed class ExpertEvaluation
{
    public Guid UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public List<SubjectScore> Scores { get; set; } = [];
    public Instant? ScoredAt { get; set; }
    public bool HasScored => ScoredAt is not null;
}

/// <summary>
/// A filing (备案) application by one organization to one jurisdiction for one service scope: the state its decisions
/// need (stream per application, snapshot projected inline). What only its page shows is in <see cref="ApplicationDetails"/>.
/// </summary>
[DisplayName("备案申请")]
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
    public ApplicationKind Kind { get; set; }
    /// <summary>The filing a renewal or change applies to; for a new application, the filing it produced.</summary>
    public Guid? FilingId { get; set; }
    public ApplicationStatus Status { get; set; }
    public Instant DraftedAt { get; set; }
    public LocalDate? SubmittedOn { get; set; }
    public List<OccupationLine> Occupations { get; set; } = [];
    public int ConsecutiveYears { get; set; }
    public int CumulativePersonTimes { get; set; }
    public bool SubsidizedTraining { get; set; }
    /// <summary>FIL-09: codes of the policy's preference flags the applicant declares.</summary>
    public List<string> Preferences { get; set; } = [];
    /// <summary>FIL-09: a flagged application comes first among those of its status — a flag, never a score. Stored for the lists.</summary>
    public bool Preferred => Preferences.Count > 0;
    /// <summary>The status' place in the procedure (statuses are stored by name), stored so lists can order by it.</summary>
    public int Stage => (int)Status;
    public List<EvaluatedPopulation> Populations { get; set; } = [];
    /// <summary>FIL-02: the enterprise's main business (生产经营主业), which its occupations follow.</summary>
    public string? MainBusiness { get; set; }
    /// <summary>FIL-03: the school's majors and the occupations each covers.</summary>
    public List<SchoolMajor> Majors { get; set; } = [];
    public List<EvaluationSite> Sites { get; set; } = [];
    /// <summary>FIL-14: the authority whose queue holds the application.</summary>
    public string? HandlingAuthority { get; set; }
    public string? FirstReviewAuthority { get; set; }
    public bool Forwarded { get; set; }
    /// <summary>FIL-15: the last working day for the acceptance decision.</summary>
    public LocalDate? AcceptanceDeadline { get; set; }
    public List<RuleViolation> ExceptedViolations { get; set; } = [];
    public List<MaterialRef> Materials { get; set; } = [];
    public List<PledgeRef> Pledges { get; set; } = [];
    public List<ExpertEvaluation> Experts { get; set; } = [];
    public string? EvaluationReason { get; set; }
    public decimal? AverageScore { get; set; }
    public Guid? PublicityNoticeId { get; set; }
    public LocalDate? PublicityStart { get; set; }
    public LocalDate? PublicityEnd { get; set; }
    public long PublicityNoticeVersion { get; set; }
    public NoticeStatus? PublicityStatus { get; set; }
    public int OpenObjections { get; set; }
    public int UpheldObjections { get; set; }

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
        Jurisdiction = e.Jurisdiction, Scope = e.Scope, Status = ApplicationStatus.Draft, DraftedAt = e.DraftedAt, Kind = e.Kind,
        FilingId = e.FilingId,
    };

    public void Apply(ApplicationDetailsChanged e)
    {
        Occupations = e.Occupations.ToList();
        ConsecutiveYears = e.ConsecutiveYears;
        CumulativePersonTimes = e.CumulativePersonTimes;
        SubsidizedTraining = e.SubsidizedTraining;
        Preferences = e.Preferences.ToList();
        Sites = e.Sites?.ToList() ?? [];
        Populations = e.Populations?.ToList() ?? [];
        MainBusiness = e.MainBusiness;
        Majors = e.Majors?.ToList() ?? [];
    }

    public void Apply(ApplicationSubmitted e)
    {
        Status = ApplicationStatus.Submitted;
        SubmittedOn = e.SubmittedOn;
        HandlingAuthority = e.HandlingAuthority;
        FirstReviewAuthority = e.FirstReviewAuthority;
        AcceptanceDeadline = e.AcceptanceDeadline;
        ExceptedViolations = e.ExceptedViolations.ToList();
        Forwarded = false;
    }

    public void Apply(ApplicationForwarded e) => Forwarded = true;

    public void Apply(ApplicationAccepted e) => Status = ApplicationStatus.Accepted;

    public void Apply(ApplicationReturned e) => Status = ApplicationStatus.Returned;

    public void Apply(MaterialAttached e)
    {
        Materials.Add(new MaterialRef { Id = e.MaterialId, Item = e.Item });
        foreach (var pledge in Pledges.Where(p => p.Item == e.Item && p.ProducedAt is null)) pledge.ProducedAt = e.AttachedAt;
    }

    public void Apply(MaterialRemoved e) => Materials.RemoveAll(m => m.Id == e.MaterialId);

    public void Apply(MaterialPledged e)
    {
        Pledges.RemoveAll(p => p.Item == e.Item);
        Pledges.Add(new PledgeRef { Item = e.Item });
    }

    public void Apply(ExpertsAssigned e)
    {
        Status = ApplicationStatus.UnderEvaluation;
        Experts = e.Experts.Select(x => new ExpertEvaluation { UserId = x.UserId, DisplayName = x.DisplayName }).ToList();
    }

    public void Apply(EvaluationScored e)
    {
        var expert = Experts.Single(x => x.UserId == e.ExpertUserId);
        expert.Scores = e.Scores.ToList();
        expert.ScoredAt = e.ScoredAt;
    }

    public void Apply(EvaluationConcluded e)
    {
        Status = e.Passed ? ApplicationStatus.EvaluationPassed : ApplicationStatus.Rejected;
        EvaluationReason = e.Reason;
        AverageScore = e.AverageScore;
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
    }

    public void Apply(ApplicationRejected e) => Status = ApplicationStatus.Rejected;
}
