using Assessment.Certificates.Issuance;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Certificates.Ranges;

/// <summary>The organization a range goes to, as the Filing module publishes it, and the policy of the jurisdiction it is registered in.</summary>
public sealed record RangeHolder(Guid OrganizationId, string Name, string AreaCode, JurisdictionPolicy Policy);

/// <summary>CRT-01 [AH]: allocating serial ranges to an organization. Pure: state in, event out.</summary>
public static class RangeDecider
{
    /// <param name="sequence">The organization's sequence for the year and level (null: never opened).</param>
    public static CertificateSerialRangeAllocated Allocate(CertificateSerialSequence? sequence, RangeHolder holder, AllocateCertificateRange c,
        Instant now, Actor by)
    {
        var policy = holder.Policy;
        if (!policy.Certificates.SerialsFromAllocatedRanges)
            throw new BusinessRuleException(new RuleViolation("CRT-01", "certificate.ranges-not-used",
                $"{policy.ShortName}的证书编号由系统按机构、年度、等级从000001起顺序编排，不分配号段。"));
        var from = int.Parse(c.From, System.Globalization.CultureInfo.InvariantCulture);
        var to = int.Parse(c.To, System.Globalization.CultureInfo.InvariantCulture);
        var violations = new List<RuleViolation>();
        if (from < 1 || to < 1)
            violations.Add(new("CRT-01", "certificate.range-out-of-bounds", "号段应在000001至999999之间。", Target: from < 1 ? "/from" : "/to"));
        else if (from > to)
            violations.Add(new("CRT-01", "certificate.range-reversed", $"起始号{c.From}大于终止号{c.To}。", Target: "/to"));
        else if (sequence?.Ranges.FirstOrDefault(r => r.From <= to && from <= r.To) is { } overlapped)
            violations.Add(new("CRT-01", "certificate.range-overlaps",
                $"与已分配的号段{SerialPool.Format(overlapped.From, overlapped.To)}重叠：同一机构、年度、等级的号段不得重叠。", Target: "/from"));
        if (c.Year < now.InZone(SharedKernel.ChinaTime.Zone).Year)
            violations.Add(new("CRT-01", "certificate.range-past-year", $"{c.Year}年已过去，证书只按发证当年的号段编号。", Target: "/year"));
        if (violations.Count > 0) throw new BusinessRuleException(violations);
        return new CertificateSerialRangeAllocated(CertificateSerials.SequenceId(holder.OrganizationId, c.Year, c.Level), holder.OrganizationId,
            holder.Name, holder.AreaCode, c.Year, c.Level, from, to, c.DocumentNumber.Trim(),
            string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(),
            now, by);
    }
}
