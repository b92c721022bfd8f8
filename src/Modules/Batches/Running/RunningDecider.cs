using Assessment.Batches.Batches;
using Assessment.Batches.Planning;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Batches.Running;

/// <summary>Spot checks and suspensions while a batch runs (BAT-03 on the exam day, BAT-04).</summary>
public static class RunningDecider
{
    public static BatchSuspended? CheckOnExamDay(Batch batch, IReadOnlyList<OrganizationFiling> filings, PolicyCatalog catalog, Instant now)
    {
        if (batch.Status != BatchStatus.Filed) return null;
        var broken = Eligibility.Check(batch, filings, catalog).Where(v => v.Code is "batch.filing-not-active" or "batch.filing-not-valid-on-exam-day"
            or "batch.filing-unknown").ToList();
        return broken.Count == 0 ? null
            : new BatchSuspended(batch.Id, "认定日核验：" + string.Join("；", broken.Select(v => v.Message)), now, Actor.System);
    }

    public static InspectorDispatched Dispatch(Batch batch, DispatchInspector c, AccountSummary? inspector, AccessControl access, Instant now,
        Actor by)
    {
        if (batch.Status is BatchStatus.Draft or BatchStatus.Accepted)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.not-running", "只能对已报备、尚未办结的批次选派督查员。"));
        if (inspector is null || inspector.Role != Roles.Inspector || !access.CanDecideFor(inspector.AsUser(), batch.AreaCode))
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.inspector-not-eligible", "只能选派本辖区在职的督查员。"));
        if (batch.FirstExamDay is { } first && (c.On < batch.FiledOn || c.On > batch.ExamDays[^1].PlusDays(30)))
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.inspection-day",
                $"督查日期应在报备之后、认定结束（{batch.ExamDays[^1]:yyyy-MM-dd}）后30天之内。"));
        return new InspectorDispatched(batch.Id, inspector.Id, inspector.DisplayName, c.Step.Trim(), c.On, now, by);
    }

    public static IEnumerable<object> SpotCheck(Batch batch, RecordSpotCheck c, Guid id, Instant now, Actor by)
    {
        if (batch.Status is BatchStatus.Draft or BatchStatus.Accepted)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.not-running", "只能对已报备、尚未办结的批次进行抽查。"));
        if (c.Suspend && batch.Status == BatchStatus.Suspended)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.already-suspended", "该批次已暂停。"));
        if (c.Suspend && batch.Status is not (BatchStatus.Filed or BatchStatus.ResultsRecorded))
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.suspend-after-publicity",
                "结果公示开始后不能暂停批次；如发现问题，请通过公示异议或退回结果报备处理。"));
        yield return new SpotCheckRecorded(batch.Id, id, c.Step.Trim(), c.CheckedAt, c.Findings.Trim(), c.Suspend, now, by);
        if (c.Suspend) yield return new BatchSuspended(batch.Id, c.Findings.Trim(), now, by);
    }

    /// <summary>BAT-04: the organization's rectification of a suspended batch, one at a time until the authority decides.</summary>
    public static BatchRectificationSubmitted SubmitRectification(Batch batch, string report, Instant now, Actor by)
    {
        if (batch.Status != BatchStatus.Suspended)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.not-suspended", "该批次未暂停，无需提交整改报告。"));
        if (batch.RectificationPending)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.rectification-pending", "整改报告已提交，正在等待受理部门审核。"));
        return new BatchRectificationSubmitted(batch.Id, report.Trim(), now, by);
    }

    /// <summary>BAT-04: the receiving authority returns a rectification it finds insufficient, saying why.</summary>
    public static BatchRectificationReturned ReturnRectification(Batch batch, string reason, Instant now, Actor by)
    {
        if (batch.Status != BatchStatus.Suspended || !batch.RectificationPending)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.no-rectification", "该批次没有待审核的整改报告。"));
        return new BatchRectificationReturned(batch.Id, reason.Trim(), now, by);
    }

    /// <summary>Lifts a suspension — not while the filing itself no longer allows the batch (BAT-03).</summary>
    public static BatchResumed Resume(Batch batch, string reason, IReadOnlyList<OrganizationFiling> filings, PolicyCatalog catalog, Instant now,
        Actor by)
    {
        if (batch.Status != BatchStatus.Suspended)
            throw new BusinessRuleException(new RuleViolation("BAT-04", "batch.not-suspended", "该批次未暂停。"));
        var filing = Eligibility.Check(batch, filings, catalog).Where(v => v.Code is "batch.filing-not-active" or "batch.filing-unknown").ToList();
        if (filing.Count > 0) throw new BusinessRuleException(filing);
        return new BatchResumed(batch.Id, reason.Trim(), now, by);
    }
}
