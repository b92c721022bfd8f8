using Assessment.Batches.Batches;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Batches.Staffing;

public static class StaffingDecider
{
    public static BatchStaffAssigned Assign(Batch batch, AssignBatchStaff c, StaffingInputs inputs, Instant now, Actor by)
    {
        if (batch.Status != BatchStatus.Draft)
            throw new BusinessRuleException(new RuleViolation("BAT-01", "batch.plan-already-filed", "认定计划已报备，不能再调整人员。"));
        var own = inputs.Members.Where(r => r.OrganizationId == batch.OrganizationId).ToDictionary(r => r.Id);
        var unknown = c.Staff.Where(s => !own.ContainsKey(s.StaffId)).Select(s => s.StaffId).Distinct().ToList();
        if (unknown.Count > 0)
            throw new BusinessRuleException(new RuleViolation("BAT-05", "batch.staff-not-on-roster", $"有{unknown.Count}名人员不在本机构的人员名册中。"));
        var staff = c.Staff.Select(s =>
        {
            var m = own[s.StaffId];
            return new StaffAssignment(m.Id, m.Name, m.DocumentNumber, m.Qualification, s.Role, m.Occupations, m.Levels,
                (s.DeclaredRelations ?? []).Select(r => r.Trim().ToUpperInvariant()).Where(r => r.Length > 0)
                    .Select(r => Unmasked(batch, s.StaffId, r)).Distinct().ToList());
        }).ToList();
        var assigned = new BatchStaffAssigned(batch.Id, staff, now, by);
        var preview = new Batch { Staff = staff, Occupations = batch.Occupations };
        var separation = StaffingRules.Check(preview, inputs.Candidates)
            .Where(v => v.RuleId == "BAT-05" && v.Code != "batch.no-qualified-examiner").ToList();
        if (separation.Count > 0) throw new BusinessRuleException(separation);
        return assigned;
    }

    /// <summary>
    /// The batch view shows declared relations masked like the roster (AUD-04), so a client that sends the staff back unchanged
    /// sends them masked: such a value keeps the person's relation already declared in this batch; a masked value that matches
    /// none is refused, never stored (BAT-05 checks need the full number).
    /// </summary>
    private static string Unmasked(Batch batch, Guid staffId, string relation)
    {
        if (!relation.Contains('*', StringComparison.Ordinal)) return relation;
        var matches = batch.Staff.Where(x => x.StaffId == staffId).SelectMany(x => x.DeclaredRelations)
            .Where(p => Masking.Document(p) == relation).Distinct().ToList();
        // two declared numbers may mask alike (same region, same last digits): only an unambiguous one is kept
        return matches.Count == 1
            ? matches[0]
            : throw new BusinessRuleException(new RuleViolation("BAT-05", "batch.declared-relation-masked",
                $"申报关系“{relation}”须填写完整的证件号码。"));
    }
}
