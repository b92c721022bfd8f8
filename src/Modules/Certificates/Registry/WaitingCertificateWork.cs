using Assessment.Certificates.Issuance;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Marten;

namespace Assessment.Certificates.Registry;

/// <summary>
/// The Certificates module's part of the workbench: open correction requests the caller may approve or reject
/// (<see cref="CertificateCorrectionGuards"/>: the receiving authority's reviewers) and halted issuances the caller may resume
/// (<see cref="IssuanceGuards"/>: the issuing organization, or an authority's reviewer who sees the batch). No rule sets a deadline.
/// </summary>
public sealed class WaitingCertificateWork : IWaitingItems
{
    public async Task<IReadOnlyList<WaitingItem>> ForAsync(AccessContext caller, IQuerySession session, int limit, CancellationToken ct = default)
    {
        if (!caller.User.HasScope(ScopePolicies.CertificatesRead[ScopePolicies.Prefix.Length..])) return [];
        var items = new List<WaitingItem>();
        if (caller.User.Role == Roles.Reviewer) items.AddRange(await CorrectionsAsync(caller, session, limit, ct));
        items.AddRange(await HaltedAsync(caller, session, limit, ct));
        return items.Take(limit).ToList();
    }

    private static async Task<IEnumerable<WaitingItem>> CorrectionsAsync(AccessContext caller, IQuerySession session, int limit,
        CancellationToken ct)
    {
        var parameters = new List<object>();
        var where = $"{CertificateAccess.Filter(caller.User, caller.Access, parameters)} and r.state = '{CertificateCorrectionStatus.Open}'";
        var (rows, _) = await session.Registry().PageCorrectionsAsync(where, parameters.ToArray(), 1, limit, ct);
        return rows.Where(f => CertificateCorrectionGuards.Table.Allows(CertificateCorrectionGuards.Approve, f, caller)
                               || CertificateCorrectionGuards.Table.Allows(CertificateCorrectionGuards.Reject, f, caller))
            .Select(f => new WaitingItem(WaitingKinds.CertificateCorrection, f.Correction.Id,
                $"证书{f.Certificate.Number}（{f.Certificate.OrganizationName}·{f.Certificate.BatchTitle}）",
                $"/certificates?correction={f.Correction.Id}", $"比对持证人信息，审批更正申请（{f.Correction.Reason}）", null, null,
                f.Certificate.Jurisdiction, f.Correction.RequestedAt));
    }

    private static async Task<IEnumerable<WaitingItem>> HaltedAsync(AccessContext caller, IQuerySession session, int limit, CancellationToken ct)
    {
        var query = session.Query<BatchIssuance>().Where(i => i.Status == IssuanceStatus.Halted);
        if (caller.User.OrganizationId is { } org) query = query.Where(i => i.OrganizationId == org);
        var halted = await query.OrderBy(i => i.StartedAt).Take(limit).ToListAsync(ct);
        if (halted.Count == 0) return [];
        var batches = (await session.LoadManyAsync<AcceptedBatch>(ct, halted.Select(i => i.BatchId))).ToDictionary(b => b.Id);
        return halted.Where(i => batches.ContainsKey(i.BatchId))
            .Select(i => new IssuanceOfBatch(batches[i.BatchId], i))
            .Where(i => IssuanceGuards.Table.Allows(IssuanceGuards.Resume, i, caller))
            .Select(i => new WaitingItem(WaitingKinds.HaltedIssuance, i.Batch.Id, $"{i.Batch.OrganizationName}·{i.Batch.Title}",
                $"/certificates?batchId={i.Batch.Id}", $"证书核发已中止（{i.Issuance!.HaltedReason}），处理后恢复发证", null, null,
                i.Batch.Jurisdiction, i.Issuance.StartedAt));
    }
}
