using Assessment.Filing.Materials;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace Assessment.Filing.Applications;

/// <summary>One step of an application's history (全程留痕): what happened, when, by whom, and why.</summary>
public sealed record ApplicationStep(Instant At, string Action, string ActorName, string ActorRole, string? AuthorityCode, string? Detail);

/// <summary>Who did what and when on an application, for its page; projected in the same transaction as each event.</summary>
public sealed class ApplicationHistory
{
    public Guid Id { get; set; }
    public List<ApplicationStep> Steps { get; set; } = [];
}

public sealed class ApplicationHistoryProjection : SingleStreamProjection<ApplicationHistory, Guid>
{
    public override ApplicationHistory Evolve(ApplicationHistory? snapshot, Guid id, IEvent e)
    {
        var history = snapshot ?? new ApplicationHistory { Id = id };
        if (Describe(e.Data) is not ({ } action, var detail)) return history;
        var by = ActorOf(e.Data);
        history.Steps.Add(new ApplicationStep(Instant.FromDateTimeOffset(e.Timestamp), action, by.Name, by.Role, by.AuthorityCode, detail));
        return history;
    }

    private static Actor ActorOf(object data) => (Actor)data.GetType().GetProperty(nameof(ApplicationDrafted.By))!.GetValue(data)!;

    /// <summary>The step in words; null for events that are not a person's step (the Notices module's reports).</summary>
    public static (string? Action, string? Detail) Describe(object data) => data switch
    {
        ApplicationDrafted d => (d.Kind switch { ApplicationKind.Renewal => "起草续期备案申请", ApplicationKind.Change => "起草变更备案申请", _ => "起草备案申请" }, null),
        ApplicationDetailsChanged d => ("修改申报内容", $"职业（工种）{d.Occupations.Count}个"),
        MaterialAttached m => ("上传材料", $"{MaterialItems.Name(m.Item)}：{m.FileName}"),
        MaterialRemoved => ("删除材料", null),
        MaterialPledged p => ("承诺后补材料（告知承诺）", MaterialItems.Name(p.Item)),
        ApplicationSubmitted s => ("提交申请", s.ExceptionRequests.Count > 0 ? $"申请例外：{string.Join("、", s.ExceptionRequests.Select(r => r.RuleId))}" : null),
        ApplicationForwarded f => ("初审通过并报送", f.Opinion),
        ApplicationAccepted a => ("受理", a.Remarks),
        ApplicationReturned r => ("退回补正", $"{r.Reason}（需补正：{string.Join("、", r.MissingItems)}）"),
        ExpertsAssigned x => ("指派评估专家", string.Join("、", x.Experts.Select(p => p.DisplayName))),
        EvaluationScored s => ("专家评分", $"平均 {s.Scores.Average(x => x.Score):0.#} 分，{(s.RecommendsFiling ? "建议备案" : "不建议备案")}"),
        EvaluationConcluded c => (c.Passed ? "技术评估通过" : "技术评估未通过", c.Reason),
        PublicityStarted p => ("开始公示", $"{p.WindowStart:yyyy-MM-dd}至{p.WindowEnd:yyyy-MM-dd}（{p.WorkingDays}个工作日）"),
        PublicityProgressed p => p.NoticeStatus switch
        {
            NoticeStatus.Closed => ("公示期满", p.OpenObjections + p.UpheldObjections == 0 ? "无未决或成立的异议" : $"未处理异议{p.OpenObjections}件，成立{p.UpheldObjections}件"),
            NoticeStatus.Withdrawn => ("公示撤回", null),
            _ => ("公示收到异议或处理", $"未处理{p.OpenObjections}件，成立{p.UpheldObjections}件"),
        },
        ApplicationGranted g => ("准予备案", $"备案号 {g.FilingNumber}，有效期 {g.ValidFrom:yyyy-MM-dd} 至 {g.ValidUntil:yyyy-MM-dd}"),
        ApplicationRejected r => ("不予备案", $"{r.RuleId}：{r.Reason}"),
        _ => (null, null),
    };
}
