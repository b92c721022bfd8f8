using Assessment.Batches.Batches;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.Batches.Staffing;

/// <summary>
/// BAT-01 and BAT-05 (培训评价不相容岗位分离与回避): a plan names invigilators, examiners and internal quality supervisors;
/// nobody is both examiner and supervisor, nobody examines a candidate they declared a relation to, no member of staff
/// sits the exam, and every occupation and level has an examiner qualified for it.
/// </summary>
public static class StaffingRules
{
    public static IReadOnlyList<RuleViolation> Check(Batch batch, Candidates.Roster roster)
    {
        var violations = new List<RuleViolation>();
        (StaffRole Role, string Name)[] required =
            [(StaffRole.Invigilator, "监考人员"), (StaffRole.Examiner, "考评人员"), (StaffRole.QualitySupervisor, "内部质量督导员")];
        foreach (var (role, name) in required)
        {
            if (batch.Staff.All(s => s.Role != role))
                violations.Add(new("BAT-01", "batch.staff-missing", $"请安排{name}。"));
        }
        foreach (var person in batch.Staff.GroupBy(s => s.DocumentNumber))
        {
            var roles = person.Select(p => p.Role).ToHashSet();
            if (roles.Contains(StaffRole.Examiner) && roles.Contains(StaffRole.QualitySupervisor))
                violations.Add(new("BAT-05", "batch.incompatible-roles", $"{person.First().Name}不能在同一批次中既任考评人员又任内部质量督导员。"));
        }
        var candidates = roster.Candidates.ToDictionary(c => c.DocumentNumber, c => c);
        foreach (var s in batch.Staff.DistinctBy(s => s.DocumentNumber))
        {
            if (candidates.TryGetValue(s.DocumentNumber, out var self))
                violations.Add(new("BAT-05", "batch.staff-is-candidate", $"{s.Name}是本批次考生，不能担任工作人员。"));
        }
        foreach (var s in batch.Staff.Where(s => s.Role == StaffRole.Examiner))
        {
            foreach (var related in s.DeclaredRelations.Where(candidates.ContainsKey))
                violations.Add(new("BAT-05", "batch.examiner-related-to-candidate",
                    $"考评人员{s.Name}申报与考生{candidates[related].Name}有培训或亲属等关系，应当回避。"));
        }
        foreach (var o in batch.Occupations.DistinctBy(o => (o.Key, o.Level)))
        {
            if (batch.Staff.Any(s => s.Role == StaffRole.Examiner)
                && !batch.Staff.Any(s => s.Role == StaffRole.Examiner && s.Occupations.Contains(o.Name) && s.Levels.Contains(o.Level)))
                violations.Add(new("BAT-05", "batch.no-qualified-examiner", $"没有可考评“{o.Name}”{SkillLevel.FromNumber(o.Level).FullName}的考评人员。"));
        }
        return violations;
    }
}
