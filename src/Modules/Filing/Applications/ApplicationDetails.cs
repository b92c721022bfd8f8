using Assessment.Filing.Materials;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace Assessment.Filing.Applications;

/// <summary>One step of an application's history (全程留痕): what happened, when, by whom, and why.</summary>
public sealed record ApplicationStep(Instant At, string Action, string ActorName, string ActorRole, string? AuthorityCode, string? Detail);

public sealed record MaterialDetails(Guid Id, int Item, string FileName, string ContentType, long Size, string Sha256, Instant AttachedAt);

public sealed record PledgeDetails(int Item, string Pledge, Instant PledgedAt);

public sealed record ExpertFindings(Guid UserId, string OnSiteFindings, bool RecommendsFiling, string Opinion);

/// <summary>
/// What an application's page shows beyond the decision state (<see cref="FilingApplication"/>): the files, opinions and
/// reasons, the filing it led to, and who did what and when. Projected in the same transaction as each event.
/// </summary>
public sealed class ApplicationDetails
{
    public Guid Id { get; set; }
    public LocalDate? SubmittedOn { get; set; }
    public List<ExceptionRequest> ExceptionRequests { get; set; } = [];
    public string? ForwardOpinion { get; set; }
    public List<ExceptionDecision> ExceptionDecisions { get; set; } = [];
    public List<string> MissingItems { get; set; } = [];
    public string? ReturnReason { get; set; }
    public List<MaterialDetails> Materials { get; set; } = [];
    public List<PledgeDetails> Pledges { get; set; } = [];
    public List<string> EvaluationMethods { get; set; } = [];
    public string? EvaluationInstructions { get; set; }
    public List<ExpertFindings> Findings { get; set; } = [];
    public bool? EvaluationPassed { get; set; }
    public string? FilingNumber { get; set; }
    public LocalDate? ValidFrom { get; set; }
    public LocalDate? ValidUntil { get; set; }
    public string? RejectionRuleId { get; set; }
    public string? RejectionReason { get; set; }
    public List<ApplicationStep> Steps { get; set; } = [];
}

public sealed class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public override ApplicationDetails Evolve(ApplicationDetails? snapshot, Guid id, IEvent e)
    {
        var d = snapshot ?? new ApplicationDetails { Id = id };
        switch (e.Data)
        {
            case ApplicationSubmitted s:
                d.SubmittedOn = s.SubmittedOn;
                d.ExceptionRequests = s.ExceptionRequests.ToList();
                d.ForwardOpinion = null;
                d.MissingItems = [];
                d.ReturnReason = null;
                break;
            case ApplicationForwarded f: d.ForwardOpinion = f.Opinion; break;
            case ApplicationAccepted a: d.ExceptionDecisions = a.ExceptionDecisions.ToList(); break;
            case ApplicationReturned r:
                d.MissingItems = r.MissingItems.ToList();
                d.ReturnReason = r.Reason;
                break;
            case MaterialAttached m:
                d.Materials.Add(new MaterialDetails(m.MaterialId, m.Item, m.FileName, m.ContentType, m.Size, m.Sha256, m.AttachedAt)); break;
            case MaterialRemoved m: d.Materials.RemoveAll(x => x.Id == m.MaterialId); break;
            case MaterialPledged p:
                d.Pledges.RemoveAll(x => x.Item == p.Item);
                d.Pledges.Add(new PledgeDetails(p.Item, p.Pledge, p.PledgedAt));
                break;
            case ExpertsAssigned x:
                d.EvaluationMethods = x.Methods.ToList();
                d.EvaluationInstructions = x.Instructions;
                d.Findings = [];
                break;
            case EvaluationScored s:
                d.Findings.RemoveAll(x => x.UserId == s.ExpertUserId);
                d.Findings.Add(new ExpertFindings(s.ExpertUserId, s.OnSiteFindings, s.RecommendsFiling, s.Opinion));
                break;
            case EvaluationConcluded c:
                d.EvaluationPassed = c.Passed;
                if (!c.Passed) (d.RejectionRuleId, d.RejectionReason) = ("FIL-16", c.Reason);
                break;
            case ApplicationGranted g: (d.FilingNumber, d.ValidFrom, d.ValidUntil) = (g.FilingNumber, g.ValidFrom, g.ValidUntil); break;
            case ApplicationRejected r: (d.RejectionRuleId, d.RejectionReason) = (r.RuleId, r.Reason); break;
        }
        if (Describe(e.Data) is ({ } action, var detail))
        {
            var by = (Actor)e.Data.GetType().GetProperty(nameof(ApplicationDrafted.By))!.GetValue(e.Data)!;
            d.Steps.Add(new ApplicationStep(OccurredAt(e.Data) ?? Instant.FromDateTimeOffset(e.Timestamp), action, by.Name, by.Role,
                by.AuthorityCode, detail));
        }
        return d;
    }

    /// <summary>
    /// When the step happened, as the decision recorded it: the store's timestamp is when it was written, which for
    /// imported or back-dated history (the demo data) is not the same.
    /// </summary>
    private static Instant? OccurredAt(object data) => data switch
    {
        ApplicationDrafted d => d.DraftedAt,
        ApplicationDetailsChanged d => d.ChangedAt,
        MaterialAttached m => m.AttachedAt,
        MaterialRemoved m => m.RemovedAt,
        MaterialPledged p => p.PledgedAt,
        ApplicationSubmitted s => s.SubmittedAt,
        ApplicationForwarded f => f.ForwardedAt,
        ApplicationAccepted a => a.AcceptedAt,
        ApplicationReturned r => r.ReturnedAt,
        ExpertsAssigned x => x.AssignedAt,
        EvaluationScored s => s.ScoredAt,
        EvaluationConcluded c => c.ConcludedAt,
        PublicityStarted p => p.StartedAt,
        PublicityProgressed p => p.ReceivedAt,
        ApplicationGranted g => g.GrantedAt,
        ApplicationRejected r => r.RejectedAt,
        _ => null,
    };

    /// <summary>The step in words; null for what is not a person's step.</summary>
    public static (string? Action, string? Detail) Describe(object data) => data switch
    {
        ApplicationDrafted d => (d.Kind switch { ApplicationKind.Renewal => "起草续期备案申请", ApplicationKind.Change => "起草变更备案申请", _ => "起草备案申请" }, null),
        ApplicationDetailsChanged d => ("修改申报内容", $"职业（工种）{d.Occupations.Count}个"
            + (d.Occupations.Count(l => l.Mapping is not null) is > 0 and var mapped ? $"，其中按相邻近原则对应{mapped}个" : "")
            + (d.Preferences.Count > 0 ? "，申报了择优条件" : "")),
        MaterialAttached m => ("上传材料", $"{MaterialItems.Name(m.Item)}：{m.FileName}"),
        MaterialRemoved => ("删除材料", null),
        MaterialPledged p => ("承诺后补材料（告知承诺）", MaterialItems.Name(p.Item)),
        ApplicationSubmitted s => ("提交申请",
            s.ExceptionRequests.Count > 0 ? $"申请例外：{string.Join("、", s.ExceptionRequests.Select(r => r.RuleId))}" : null),
        ApplicationForwarded f => ("初审通过并报送", f.Opinion),
        ApplicationAccepted a => ("受理", a.Remarks),
        ApplicationReturned r => ("退回补正", $"{r.Reason}（需补正：{string.Join("、", r.MissingItems)}）"),
        ExpertsAssigned x => ("指派评估专家", string.Join("、", x.Experts.Select(p => p.DisplayName))),
        EvaluationScored s => ("专家评分", $"平均 {s.Scores.Average(x => x.Score):0.#} 分，{(s.RecommendsFiling ? "建议备案" : "不建议备案")}"),
        EvaluationConcluded c => (c.Passed ? "技术评估通过" : "技术评估未通过", c.Reason),
        PublicityStarted p => ("开始公示", $"{p.WindowStart:yyyy-MM-dd}至{p.WindowEnd:yyyy-MM-dd}（{p.WorkingDays}个工作日）"),
        PublicityProgressed p => p.NoticeStatus switch
        {
            NoticeStatus.Closed => ("公示期满",
                p.OpenObjections + p.UpheldObjections == 0 ? "无未决或成立的异议" : $"未处理异议{p.OpenObjections}件，成立{p.UpheldObjections}件"),
            NoticeStatus.Withdrawn => ("公示撤回", null),
            _ => ("公示收到异议或处理", $"未处理{p.OpenObjections}件，成立{p.UpheldObjections}件"),
        },
        ApplicationGranted g => ("准予备案", $"备案号 {g.FilingNumber}，有效期 {g.ValidFrom:yyyy-MM-dd} 至 {g.ValidUntil:yyyy-MM-dd}"),
        ApplicationRejected r => ("不予备案", r.Reason),
        _ => (null, null),
    };
}
