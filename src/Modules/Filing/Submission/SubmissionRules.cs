using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;
using NodaTime.Text;

namespace Assessment.Filing.Submission;

/// <summary>An organization's current filing, as far as submission rules need it (FIL-13, FIL-10).</summary>
public sealed record ExistingFiling(IReadOnlyList<OccupationLine> Occupations, bool HasRunCertification);

/// <summary>Everything the submission rules read besides the application itself.</summary>
public sealed record SubmissionContext(
    PolicyCatalog Policies,
    JurisdictionPolicy Policy,
    OrganizationCategory Category,
    OccupationCatalog Catalog,
    LocalDate Today,
    IReadOnlyDictionary<string, int> FiledOrganizationsPerOccupation,
    ExistingFiling? Existing,
    /// <summary>FIL-10 [AH]: an enterprise or school already filed for the same occupations and levels.</summary>
    bool FiledForSameOccupations = false,
    /// <summary>机构性质 (FIL-03 applies to 技工院校; FIL-04 to 社会培训评价组织 that are not schools).</summary>
    OrganizationNature Nature = OrganizationNature.Other);

/// <summary>
/// The policy checks run at submission. Pure: every failing rule is reported at once, each with its rule ID; rules the
/// notices write 原则上 are marked so a reviewer may except them with a recorded reason.
/// </summary>
public static class SubmissionRules
{
    public static IReadOnlyList<RuleViolation> Evaluate(FilingApplication app, SubmissionContext ctx)
    {
        var violations = new List<RuleViolation>();
        var policy = ctx.Policy;
        var scope = policy.Filing.Scopes.SingleOrDefault(s => s.Scope == app.Scope);
        if (scope is null)
        {
            violations.Add(new("FIL-14", "filing.scope-not-offered", $"{policy.ShortName}不受理“{app.Scope}”范围的备案申请。"));
            return violations;
        }
        if (!ctx.Policies.IsWithin(app.AreaCode, policy.RootAuthority))
            violations.Add(new("FIL-05", "filing.outside-jurisdiction", $"机构登记所在地不在{policy.ShortName}辖区内，不能向其申请备案。"));
        if (scope.HandledBy is AuthorityLevels.City && ctx.Policies.Ancestry(app.AreaCode).All(a => a.Level != AuthorityLevels.City))
            violations.Add(new("FIL-14", "filing.no-city-authority", $"{scope.Name}的申请由所在市受理，机构登记所在地不属于任何市。"));
        if (app.Occupations.Count == 0)
            violations.Add(new("FIL-11", "filing.no-occupations", "请至少填写一个拟开展认定的职业（工种）。"));

        Fil01Catalog(app, ctx, violations);
        ApplicantRules.Fil02Enterprise(app, ctx, violations);
        ApplicantRules.Fil03TechnicalSchool(app, ctx, violations);
        Fil04SocialOrganizations(app, ctx, violations);
        Fil06Experience(app, scope, violations);
        Fil07LevelCap(app, scope, violations);
        Fil08TechnicianLevels(app, policy, violations);
        Fil12Windows(policy, ctx.Today, violations);
        Fil13Idle(app, ctx, violations);
        Fil10Materials(app, ctx, violations);
        return violations;
    }

    internal static IEnumerable<(OccupationLine Line, int Index)> Lines(FilingApplication app) => app.Occupations.Select((l, i) => (l, i));

    internal static string Line(int index) => $"/occupations/{index}";

    private static void Fil01Catalog(FilingApplication app, SubmissionContext ctx, List<RuleViolation> violations)
    {
        foreach (var (line, i) in Lines(app))
        {
            var entry = ctx.Catalog.Find(line.Code, line.Name);
            if (entry is null)
                violations.Add(new("FIL-01", "filing.occupation-not-in-catalog",
                    $"“{line.Name}”不在职业分类大典或人力资源社会保障部发布的技能类职业（工种）目录中。", Target: Line(i)));
            else if (entry.Type == OccupationType.Access)
                violations.Add(new("FIL-01", "filing.access-type-occupation", $"“{line.Name}”属于准入类职业资格，不纳入职业技能等级认定范围。", Target: Line(i)));
        }
    }

    private static void Fil04SocialOrganizations(FilingApplication app, SubmissionContext ctx, List<RuleViolation> violations)
    {
        // 黄人社函〔2021〕26号 一（三） limits 社会培训评价组织; a 技工院校 is bound by 一（二） instead (FIL-03).
        if (ctx.Policy.Filing.SocialOrganizationLimits is not { } limits || ctx.Category != OrganizationCategory.S) return;
        if (ctx.Nature == OrganizationNature.TechnicalSchool) return;
        if (app.Occupations.Count > limits.MaxOccupations)
            violations.Add(new("FIL-04", "filing.too-many-occupations",
                $"社会培训评价组织开展认定的职业（工种）原则上不超过{limits.MaxOccupations}个，本申请为{app.Occupations.Count}个。", limits.OverridableInPrinciple));
        foreach (var (line, i) in Lines(app))
        {
            var key = ctx.Catalog.Find(line.Code, line.Name)?.Key ?? line.Code ?? line.Name;
            if (ctx.FiledOrganizationsPerOccupation.TryGetValue(key, out var filed) && filed >= limits.MaxFiledOrganizationsPerOccupation)
                violations.Add(new("FIL-04", "filing.occupation-saturated",
                    $"“{line.Name}”已有{filed}家机构备案，原则上不再新增。", limits.OverridableInPrinciple, Line(i)));
        }
    }

    private static void Fil06Experience(FilingApplication app, ServiceScopePolicy scope, List<RuleViolation> violations)
    {
        if (scope.Threshold is not { } t) return;
        if (scope.SubsidizedTrainingSubstitutes && app.SubsidizedTraining) return;
        var alternative = scope.SubsidizedTrainingSubstitutes ? "（或承担政府补贴性职业技能培训任务）" : "";
        if (app.ConsecutiveYears < t.Years)
            violations.Add(new("FIL-06", "filing.experience.years",
                $"{scope.Name}原则上需连续{t.Years}年以上相关培训评价经历{alternative}，申报为{app.ConsecutiveYears}年。", scope.OverridableInPrinciple));
        if (app.CumulativePersonTimes < t.CumulativePersonTimes)
            violations.Add(new("FIL-06", "filing.experience.cumulative",
                $"{scope.Name}原则上需累计{t.CumulativePersonTimes:N0}人次以上培训评价规模{alternative}，申报为{app.CumulativePersonTimes:N0}人次。",
                scope.OverridableInPrinciple));
        foreach (var (line, i) in Lines(app).Where(x => x.Line.PersonTimes < t.PerOccupationPersonTimes))
            violations.Add(new("FIL-06", "filing.experience.per-occupation",
                $"“{line.Name}”培训评价规模原则上不少于{t.PerOccupationPersonTimes:N0}人次，申报为{line.PersonTimes:N0}人次。", scope.OverridableInPrinciple, Line(i)));
    }

    private static void Fil07LevelCap(FilingApplication app, ServiceScopePolicy scope, List<RuleViolation> violations)
    {
        if (scope.MaxLevel is not { } cap) return;
        var capName = SkillLevel.FromNumber(cap).FullName;
        foreach (var (line, i) in Lines(app).Where(x => x.Line.HighestLevel < cap))
            violations.Add(new("FIL-07", "filing.level-above-cap",
                $"{scope.Name}原则上申报{capName}及以下等级，“{line.Name}”申报至{SkillLevel.FromNumber(line.HighestLevel).FullName}。",
                scope.OverridableInPrinciple, Line(i)));
    }

    private static void Fil08TechnicianLevels(FilingApplication app, JurisdictionPolicy policy, List<RuleViolation> violations)
    {
        if (!policy.Filing.TechnicianLevelsRequirePriorSeniorExperience) return;
        foreach (var (line, i) in Lines(app).Where(x => x.Line.HighestLevel <= SkillLevel.Technician.Number && !x.Line.PriorSeniorEvaluation))
            violations.Add(new("FIL-08", "filing.technician-without-senior-experience",
                $"申报“{line.Name}”技师、高级技师等级，应具有相应（相近）职业（工种）高级工及以上等级评价工作经历。", Target: Line(i)));
    }

    private static void Fil12Windows(JurisdictionPolicy policy, LocalDate today, List<RuleViolation> violations)
    {
        var windows = policy.Filing.ApplicationWindows;
        if (windows.Count == 0) return;
        var md = today.ToString("MM-dd", null);
        if (windows.Any(w => string.CompareOrdinal(md, w.Opens) >= 0 && string.CompareOrdinal(md, w.Closes) <= 0)) return;
        var next = windows.Select(w => (Window: w, Opens: OpensOnOrAfter(w, today))).OrderBy(x => x.Opens).First();
        violations.Add(new("FIL-12", "filing.outside-application-window",
            $"{policy.ShortName}备案集中在{string.Join("、", windows.Select(w => w.Name))}办理，其他时间不予受理；下一次申报自{next.Opens:yyyy-MM-dd}开始。"));
    }

    private static LocalDate OpensOnOrAfter(ApplicationWindow w, LocalDate today)
    {
        var pattern = LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd");
        var thisYear = pattern.Parse($"{today.Year}-{w.Opens}").Value;
        return thisYear >= today ? thisYear : pattern.Parse($"{today.Year + 1}-{w.Opens}").Value;
    }

    /// <summary>FIL-10: every required item has a file, or — where the policy allows 告知承诺 — a pledge.</summary>
    private static void Fil10Materials(FilingApplication app, SubmissionContext ctx, List<RuleViolation> violations)
    {
        var simplified = ctx.Policy.Filing.SimplifiedMaterialsForFiledOrganizations && ctx.FiledForSameOccupations;
        var required = simplified ? Materials.MaterialItems.Simplified : Materials.MaterialItems.Names.Keys.Order().ToList();
        foreach (var item in required)
        {
            if (app.Materials.Any(m => m.Item == item)) continue;
            if (ctx.Policy.Filing.PledgeableMaterials.Contains(item) && app.Pledges.Any(p => p.Item == item)) continue;
            var pledgeable = ctx.Policy.Filing.PledgeableMaterials.Contains(item) ? "（可选择告知承诺，在技术评估时提交）" : "";
            violations.Add(new("FIL-10", "filing.material-missing", $"缺少申报材料{Materials.MaterialItems.Name(item)}{pledgeable}。",
                Target: $"/materialItems/{item}"));
        }
    }

    private static void Fil13Idle(FilingApplication app, SubmissionContext ctx, List<RuleViolation> violations)
    {
        if (ctx.Policy.Filing.IdleRule is not { } idle || ctx.Existing is not { } existing || existing.HasRunCertification) return;
        if (ctx.Today < LocalDatePattern.Iso.Parse(idle.EffectiveFrom).Value) return;
        var adds = app.Occupations.Any(line => existing.Occupations.All(e => e.Name != line.Name)
                                               || existing.Occupations.Any(e => e.Name == line.Name && line.HighestLevel < e.HighestLevel));
        if (adds)
            violations.Add(new("FIL-13", "filing.idle-organization",
                "已备案的职业（工种）尚未开展认定工作，原则上不得申报新的职业（工种）和等级。", true));
    }
}
