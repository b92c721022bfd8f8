using Assessment.Filing.Filings;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Filing.Lifecycle;

/// <summary>Suspension, reinstatement and cancellation of a filing (used by supervision too). Pure: state in, events out.</summary>
public static class FilingLifecycleDecider
{
    public static FilingSuspended Suspend(FilingRecord f, SuspendFiling c, Instant now, Actor by) =>
        f.Status == FilingStatus.Active
            ? new FilingSuspended(f.Id, c.Reason.Trim(), now, by)
            : throw new BusinessRuleException(new RuleViolation("FIL-19", "filing.not-active", "只能暂停有效状态的备案。"));

    public static FilingReinstated Reinstate(FilingRecord f, ReinstateFiling c, Instant now, Actor by) =>
        f.Status == FilingStatus.Suspended
            ? new FilingReinstated(f.Id, c.Reason.Trim(), now, by)
            : throw new BusinessRuleException(new RuleViolation("FIL-19", "filing.not-suspended", "只能恢复已暂停的备案。"));

    /// <summary>
    /// FIL-24 mergers: a body absorbed into another is cancelled and the absorber keeps its number; bodies merged into a
    /// new one are cancelled once the new body holds its own (new) filing. Either way the survivor must be filed.
    /// </summary>
    public static FilingCancelled Cancel(FilingRecord f, CancelFiling c, FilingRecord? survivor, Instant now, Actor by)
    {
        if (f.Status == FilingStatus.Cancelled)
            throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.already-cancelled", "该备案已注销。"));
        if (c.MergedIntoFilingId is not null)
        {
            if (survivor is null || survivor.Id == f.Id || !survivor.IsFiled)
                throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.merger-target-invalid", "合并后的存续机构须持有有效备案。"));
            if (survivor.Jurisdiction != f.Jurisdiction)
                throw new BusinessRuleException(new RuleViolation("FIL-24", "filing.merger-other-jurisdiction", "合并双方须在同一辖区备案。"));
        }
        return new FilingCancelled(f.Id, c.Reason.Trim(), survivor?.Id, survivor?.FilingNumber, now, by);
    }
}
