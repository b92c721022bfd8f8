using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Values;
using JasperFx.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace Assessment.Batches.Batches;

/// <summary>One line of a batch's ledger (工作台账, BAT-10): what happened, when, by whom, why, and the document it produced.</summary>
public sealed record LedgerEntry(Instant At, string Action, string ActorName, string ActorRole, string? AuthorityCode, string? Detail,
    string? Document);

/// <summary>BAT-04: one rectification report of a suspended batch and what became of it (待审核 while both are null).</summary>
public sealed record RectificationDetails(Instant SubmittedAt, string SubmittedBy, string Report, Instant? DecidedAt, bool? Accepted,
    string? Decision);

public sealed record SpotCheckDetails(Guid Id, string Step, LocalDateTime CheckedAt, string Findings, bool Suspended, string InspectorName);

/// <summary>What a batch's page shows beyond the decision state: spot checks, opinions, reasons and the ledger.</summary>
public sealed class BatchDetails
{
    public Guid Id { get; set; }
    public List<SpotCheckDetails> SpotChecks { get; set; } = [];
    public string? SuspensionReason { get; set; }
    /// <summary>The rectification reports of the current and earlier suspensions, oldest first.</summary>
    public List<RectificationDetails> Rectifications { get; set; } = [];
    public string? AcceptanceOpinion { get; set; }
    public string? ReturnReason { get; set; }
    public bool ReportLate { get; set; }
    public List<string> MissedDeadlines { get; set; } = [];
    public List<LedgerEntry> Ledger { get; set; } = [];
}

/// <summary>Builds <see cref="BatchDetails"/>; authorities are written by their names (报芜湖市人力资源和社会保障局), never by code.</summary>
public sealed class BatchDetailsProjection(PolicyCatalog catalog) : SingleStreamProjection<BatchDetails, Guid>
{
    public override BatchDetails Evolve(BatchDetails? snapshot, Guid id, IEvent e)
    {
        var d = snapshot ?? new BatchDetails { Id = id };
        switch (e.Data)
        {
            case SpotCheckRecorded s:
                d.SpotChecks.Add(new SpotCheckDetails(s.SpotCheckId, s.Step, s.CheckedAt, s.Findings, s.Suspends, s.By.Name));
                break;
            case BatchSuspended s: d.SuspensionReason = s.Reason; break;
            case BatchResumed r:
                d.SuspensionReason = null;
                Decide(d, r.ResumedAt, true, r.Reason);
                break;
            case BatchRectificationSubmitted r: d.Rectifications.Add(new(r.SubmittedAt, r.By.Name, r.Report, null, null, null)); break;
            case BatchRectificationReturned r: Decide(d, r.ReturnedAt, false, r.Reason); break;
            case ResultsReportSubmitted r: d.ReportLate = r.Late; d.ReturnReason = null; break;
            case ResultsReportAccepted a: d.AcceptanceOpinion = a.Opinion; break;
            case ResultsReportReturned r: d.ReturnReason = r.Reason; break;
            case BatchDeadlineMissed m: d.MissedDeadlines.Add($"{m.What}：应于{m.DueOn:yyyy-MM-dd}前完成"); break;
        }
        if (Entry(e.Data) is { } entry) d.Ledger.Add(entry);
        return d;
    }

    private LedgerEntry? Entry(object data) => data switch
    {
        BatchDrafted x => Line(x.DraftedAt, x.By, "新建认定批次", x.Title, null),
        BatchPlanChanged x => Line(x.ChangedAt, x.By, "修改认定计划",
            $"{string.Join("、", x.Occupations.Select(o => $"{o.Name}{SkillLevel.FromNumber(o.Level).FullName}"))}；" +
            $"认定日{string.Join("、", x.ExamDays.Select(d => d.ToString("yyyy-MM-dd", null)))}；收费每人{x.FeePerCandidate:0.##}元", null),
        BatchStaffAssigned x => Line(x.AssignedAt, x.By, "安排考务人员", $"{x.Staff.Count}人次", null),
        CandidatesAdded x => Line(x.AddedAt, x.By, x.SourceFile is null ? "录入考生" : "导入考生", $"{x.Candidates.Count}名", x.SourceFile),
        CandidateRemoved x => Line(x.RemovedAt, x.By, "移除考生", null, null),
        CandidatePhotoUploaded x => Line(x.UploadedAt, x.By, "上传考生照片", null, null), // whose photo stays with those who see personal data
        BatchPlanFiled x => Line(x.FiledAt, x.By, x.AnnouncementNoticeId is null ? "报备认定计划" : "报备认定计划并发布认定公告",
            $"报{Authority(x.ReceivingAuthority)}{(x.CopiedTo is null ? "" : $"，抄报{Authority(x.CopiedTo)}")}；最迟报备日{x.LeadDeadline:yyyy-MM-dd}",
            null),
        InspectorDispatched x => Line(x.DispatchedAt, x.By, "选派督查员", null, null), // who, when and where stay with the authority
        SpotCheckRecorded x => Line(x.RecordedAt, x.By, "督查抽查", $"{x.Step}：{x.Findings}", null),
        BatchSuspended x => Line(x.SuspendedAt, x.By, "暂停批次", x.Reason, null),
        BatchResumed x => Line(x.ResumedAt, x.By, "恢复批次", x.Reason, null),
        BatchRectificationSubmitted x => Line(x.SubmittedAt, x.By, "提交整改报告，申请恢复", x.Report, null),
        BatchRectificationReturned x => Line(x.ReturnedAt, x.By, "退回整改报告", x.Reason, null),
        ResultsRecorded x => Line(x.RecordedAt, x.By, x.SourceFile is null ? "录入成绩" : "导入成绩", $"{x.Results.Count}名考生", x.SourceFile),
        ResultsPublicityStarted x => Line(x.StartedAt, x.By, "发起结果公示", $"{x.WindowStart:yyyy-MM-dd}至{x.WindowEnd:yyyy-MM-dd}", null),
        ResultsPublicityProgressed { Closed: true } x => Line(x.At, x.By, "结果公示期满",
            x.ReportDueOn is { } due ? $"无异议；应于{due:yyyy-MM-dd}前报备结果" : $"尚有{x.OpenObjections}件异议未处理", null),
        ResultsPublicityProgressed { OpenObjections: > 0 } x => Line(x.At, x.By, "结果公示收到异议", $"未处理{x.OpenObjections}件", null),
        ResultsReopened x => Line(x.At, x.By, "异议成立，成绩重新核定", x.Reason, null),
        ResultsReportSubmitted x => Line(x.SubmittedAt, x.By, "报备认定结果", x.Late ? $"逾期报备（应于{x.DueOn:yyyy-MM-dd}前）" : null, "附件4、附件5"),
        ResultsReportAccepted x => Line(x.AcceptedAt, x.By, "认定结果审核通过", x.Opinion, null),
        ResultsReportReturned x => Line(x.ReturnedAt, x.By, "退回认定结果", x.Reason, null),
        BatchDeadlineMissed x => Line(x.At, x.By, "逾期提醒", $"{x.What}应于{x.DueOn:yyyy-MM-dd}前完成", null),
        _ => null,
    };

    private string Authority(string code) => catalog.FindAuthority(code)?.Name ?? code;

    /// <summary>The pending rectification, if any, is decided: resumed (accepted) or returned.</summary>
    private static void Decide(BatchDetails d, Instant at, bool accepted, string decision)
    {
        var pending = d.Rectifications.FindLastIndex(r => r.DecidedAt is null);
        if (pending >= 0) d.Rectifications[pending] = d.Rectifications[pending] with { DecidedAt = at, Accepted = accepted, Decision = decision };
    }

    private static LedgerEntry Line(Instant at, Actor by, string action, string? detail, string? document) =>
        new(at, action, by.Name, by.Role, by.AuthorityCode, detail, document);
}
