using Assessment.Filing.Applications;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.Filing.Submission;

/// <summary>
/// What an applicant of a given type may apply for (FIL-02 enterprises, FIL-03 technical schools), as its jurisdiction's
/// policy says (<c>filing.enterprises</c>, <c>filing.technicalSchools</c>, each with the article it comes from). Only
/// 黄人社函〔2021〕26号 sets these rules; 皖人社秘〔2020〕65号, 桂人社函〔2020〕203号 and 中就培函〔2020〕16号 let a filed
/// enterprise or school serve the public and know no 相邻近原则. Pure; part of <see cref="SubmissionRules"/>.
/// </summary>
public static class ApplicantRules
{
    /// <summary>An enterprise's own people: 本企业职工（含劳务派遣、劳务外包等各类用工人员）.</summary>
    public static readonly IReadOnlySet<EvaluatedPopulation> OwnPeople =
        new HashSet<EvaluatedPopulation> { EvaluatedPopulation.OwnStaff, EvaluatedPopulation.DispatchedOrOutsourced };

    public static string PopulationName(EvaluatedPopulation population) => population switch
    {
        EvaluatedPopulation.OwnStaff => "本单位职工",
        EvaluatedPopulation.DispatchedOrOutsourced => "劳务派遣、劳务外包等用工人员",
        EvaluatedPopulation.Students => "在校学生",
        _ => "企业职工和社会劳动者（社会人员）",
    };

    /// <summary>
    /// FIL-02. [HB] 黄人社函〔2021〕26号 一（一）: an enterprise evaluates 本企业职工（含劳务派遣、劳务外包等各类用工人员）
    /// — declaring anyone else is refused; its occupations 结合生产经营主业 — it states its main business for the
    /// reviewer to judge; an occupation 职业分类大典未列入 may be applied for 按照相邻近原则 — the line names the
    /// enterprise's own job, the nearest catalog occupation (checked by FIL-01) and why. Where the policy does not allow
    /// the mapping (every other notice), or the applicant is not an enterprise, a mapped line is refused.
    /// An enterprise is the 用人单位 category (Y); a training company filing as 社会培训评价组织 (S) is not.
    /// </summary>
    public static void Fil02Enterprise(FilingApplication app, SubmissionContext ctx, List<RuleViolation> violations)
    {
        var rules = ctx.Policy.Filing.Enterprises;
        var enterprise = ctx.Category == OrganizationCategory.Y;
        foreach (var (line, i) in SubmissionRules.Lines(app))
        {
            if (line.Mapping is not { } mapping) continue;
            if (!enterprise)
                violations.Add(new("FIL-02", "filing.nearest-mapping-not-allowed",
                    $"只有企业（用人单位）可按相邻近原则对应申报职业（工种），请直接申报职业分类大典中的职业（工种），不填“{mapping.RequestedName}”。",
                    Target: SubmissionRules.Line(i)));
            else if (!rules.NearestOccupationMapping)
                violations.Add(new("FIL-02", "filing.nearest-mapping-not-allowed",
                    $"{ctx.Policy.ShortName}不适用相邻近原则，“{mapping.RequestedName}”请直接按职业分类大典中的职业（工种）申报。",
                    Target: SubmissionRules.Line(i)));
            else if (ctx.Catalog.Find(null, mapping.RequestedName) is not null)
                violations.Add(new("FIL-02", "filing.nearest-mapping-unneeded",
                    $"“{mapping.RequestedName}”已收录于职业分类大典，请直接申报，不需按相邻近原则对应为“{line.Name}”。", Target: SubmissionRules.Line(i)));
        }
        if (!enterprise) return;
        if (rules.OwnStaffOnly)
        {
            if (app.Populations.Count == 0)
                violations.Add(new("FIL-02", "filing.enterprise.population-missing",
                    "请申报评价对象：企业面向本企业职工（含劳务派遣、劳务外包等各类用工人员）开展认定。", Target: "/evaluatedPopulations"));
            var outside = app.Populations.Where(p => !OwnPeople.Contains(p)).ToList();
            if (outside.Count > 0)
                violations.Add(new("FIL-02", "filing.enterprise.external-candidates",
                    $"企业开展职业技能等级认定只面向本企业职工（含劳务派遣、劳务外包等各类用工人员），{ctx.Policy.ShortName}不受理面向"
                    + $"{string.Join("、", outside.Select(PopulationName))}的企业备案；如拟面向社会开展认定，请以社会培训评价组织申请。",
                    Target: "/evaluatedPopulations"));
        }
        if (rules.MainBusinessRequired && string.IsNullOrWhiteSpace(app.MainBusiness))
            violations.Add(new("FIL-02", "filing.enterprise.main-business-missing",
                "请填写企业的生产经营主业：企业应结合生产经营主业确定评价职业（工种）。", Target: "/mainBusiness"));
    }

    /// <summary>
    /// FIL-03. [HB] 黄人社函〔2021〕26号 一（二）: a 技工院校's occupations for its students 应与院校专业设置相对应, and for
    /// enterprise and public workers 须与学校开设的专业一致 — both mean: every occupation applied for is covered by a
    /// major the school declares (name, or catalog code/name of the same occupation).
    /// </summary>
    public static void Fil03TechnicalSchool(FilingApplication app, SubmissionContext ctx, List<RuleViolation> violations)
    {
        if (ctx.Nature != OrganizationNature.TechnicalSchool || !ctx.Policy.Filing.TechnicalSchools.OccupationsMatchMajors) return;
        var covered = app.Majors.SelectMany(m => m.Occupations).SelectMany(o => Keys(ctx, o, o)).ToHashSet();
        foreach (var (line, i) in SubmissionRules.Lines(app).Where(x => !Keys(ctx, x.Line.Code, x.Line.Name).Any(covered.Contains)))
            violations.Add(new("FIL-03", "filing.school.occupation-not-in-majors",
                $"“{line.Name}”不对应本校申报的任何专业：技工院校面向学生认定的职业（工种）应与专业设置相对应，"
                + "面向企业、社会劳动者认定的职业（工种）须与学校开设的专业一致。", Target: SubmissionRules.Line(i)));
    }

    private static IEnumerable<string> Keys(SubmissionContext ctx, string? code, string name)
    {
        yield return name.Trim();
        if (code is not null) yield return code.Trim();
        if (ctx.Catalog.Find(code, name) is { } entry) yield return entry.Key;
    }
}
