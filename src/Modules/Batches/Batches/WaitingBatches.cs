using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Marten;

namespace Assessment.Batches.Batches;

/// <summary>
/// The Batches module's part of the workbench. The receiving authority's reviewers: reported results to accept or return (BAT-07;
/// no policy sets the authority a deadline for it) and suspended batches to resume (BAT-04). The organization: results to report
/// by the BAT-07 deadline, returned reports to correct and suspended batches to rectify (BAT-04). An item waits when
/// <see cref="BatchGuards"/> lets the caller take its deciding step now.
/// </summary>
public sealed class WaitingBatches : IWaitingItems
{
    public async Task<IReadOnlyList<WaitingItem>> ForAsync(AccessContext caller, IQuerySession session, int limit, CancellationToken ct = default)
    {
        var user = caller.User;
        if (!user.HasScope(ScopePolicies.BatchesRead[ScopePolicies.Prefix.Length..])) return [];
        IQueryable<Batch> query;
        if (user.OrganizationId is { } org)
            query = session.Query<Batch>().Where(b => b.OrganizationId == org
                && (b.Status == BatchStatus.Publicized || b.Status == BatchStatus.Suspended
                    || b.Status == BatchStatus.ResultsRecorded && b.ReturnReason != null));
        else if (user.Role == Roles.Reviewer && user.AuthorityCode is { } code)
            query = session.Query<Batch>().Where(b => b.AreaCode == code && (b.Status == BatchStatus.Reported || b.Status == BatchStatus.Suspended));
        else return [];
        var found = await query.OrderBy(b => b.ReportDueOn).ThenBy(b => b.LastChangedAt).Take(limit).ToListAsync(ct);
        return found.Select(b => Item(b, caller)).OfType<WaitingItem>().ToList();
    }

    private static WaitingItem? Item(Batch b, AccessContext caller)
    {
        var title = caller.User.OrganizationId is null ? $"{b.OrganizationName}·{b.Title}" : b.Title;
        WaitingItem Waiting(string kind, string expected, string? rule = null) =>
            new(kind, b.Id, title, $"/batches/{b.Id}", expected, rule is null ? null : b.ReportDueOn, rule, b.Jurisdiction,
                b.LastChangedAt);
        var table = BatchGuards.Table;
        if (table.Allows(BatchGuards.AcceptReport, b, caller))
            return Waiting(WaitingKinds.ReportToReview, $"审核认定结果报备（{b.ReportedOn:yyyy-MM-dd}报备），通过或退回");
        if (table.Allows(BatchGuards.Resume, b, caller))
            return Waiting(WaitingKinds.SuspendedBatch, b.RectificationPending
                ? "评价机构已提交整改报告：审核后恢复批次或退回整改"
                : "督查发现问题已暂停，核实整改后恢复批次");
        if (table.Allows(BatchGuards.SubmitRectification, b, caller))
            return Waiting(WaitingKinds.SuspendedBatch, "批次已暂停：针对暂停原因整改，提交整改报告并申请恢复");
        if (table.Allows(BatchGuards.SubmitReport, b, caller))
            return Waiting(WaitingKinds.ReportDue, "结果公示期满无异议，向主管部门报备认定结果", b.ReportDueOn is null ? null : "BAT-07");
        if (b.ReturnReason is { } reason && table.Allows(BatchGuards.StartPublicity, b, caller))
            return Waiting(WaitingKinds.ReturnedReport, $"结果报备被退回（{reason}），更正后重新公示并报备");
        return null;
    }
}
