using Assessment.Batches.Batches;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;

namespace Assessment.Batches.Planning;

/// <summary>
/// BAT-03 (with FIL-22 and FIL-23): a batch may certify only what its filing covers, while the filing stands on every
/// exam day, at sites inside the filing's territory — a pilot organization only in its registration city. Checked at
/// submission and again when the exam day comes.
/// </summary>
public static class Eligibility
{
    public static IReadOnlyList<RuleViolation> Check(Batch batch, IReadOnlyList<OrganizationFiling> filings, PolicyCatalog catalog)
    {
        var violations = new List<RuleViolation>();
        var filing = filings.FirstOrDefault(f => f.FilingId == batch.FilingId);
        if (filing is null)
        {
            violations.Add(new("BAT-03", "batch.filing-unknown", "批次所依据的备案不存在。"));
            return violations;
        }
        var policy = catalog.Get(filing.Jurisdiction);
        if (filing.Status != FilingState.Active)
            violations.Add(new("BAT-03", "batch.filing-not-active",
                $"备案{filing.FilingNumber}当前{StateName(filing.Status)}，不得组织认定。"));
        foreach (var day in batch.ExamDays.Where(d => d < filing.ValidFrom || d > filing.ValidUntil).Take(1))
            violations.Add(new("BAT-03", "batch.filing-not-valid-on-exam-day",
                $"认定日{day:yyyy-MM-dd}不在备案有效期（{filing.ValidFrom:yyyy-MM-dd}至{filing.ValidUntil:yyyy-MM-dd}）内。"));

        for (var i = 0; i < batch.Occupations.Count; i++)
        {
            var o = batch.Occupations[i];
            var filed = filing.Occupations.FirstOrDefault(f => f.Key == o.Key || f.Name == o.Name);
            if (filed is null || !filed.Covers(o.Level))
                violations.Add(new("BAT-03", "batch.occupation-not-filed",
                    $"“{o.Name}”{SharedKernel.Values.SkillLevel.FromNumber(o.Level).FullName}不在备案的职业（工种）和等级范围内。", Target: $"/occupations/{i}"));
        }

        var territory = Territory(filing, catalog);
        var registrationCity = CityOf(filing.OrganizationAreaCode, catalog);
        var pilot = policy.Filing.PilotYear && batch.ExamDays.Any(d => d < filing.FiledOn.PlusYears(1));
        for (var i = 0; i < batch.Sites.Count; i++)
        {
            var site = batch.Sites[i];
            var siteCity = CityOf(site.AreaCode, catalog);
            if (!catalog.IsWithin(site.AreaCode, territory))
                violations.Add(new("FIL-23", "batch.site-outside-territory",
                    $"认定考点“{site.Name}”（{catalog.AreaName(site.AreaCode)}）不在备案的服务区域（{catalog.AreaName(territory)}）内。", Target: $"/sites/{i}"));
            else if (pilot && siteCity != registrationCity)
                violations.Add(new("FIL-22", "batch.pilot-outside-registration-city",
                    $"试点期间（备案后一年内）只能在登记注册地（{catalog.AreaName(registrationCity)}）组织认定，考点“{site.Name}”不在其内。", Target: $"/sites/{i}"));
            else if (policy.Batches.SitesOutsideRegistrationCityNeedCityFiling && siteCity != registrationCity
                     && !filings.Any(f => f.Status == FilingState.Active && f.FilingId != filing.FilingId
                                          && catalog.IsWithin(site.AreaCode, Territory(f, catalog))))
                violations.Add(new("FIL-23", "batch.site-needs-city-filing",
                    $"在登记注册地以外的{catalog.AreaName(siteCity)}开展认定，须先经该市人力资源社会保障局备案（考点“{site.Name}”）。", Target: $"/sites/{i}"));
        }
        return violations;
    }

    /// <summary>Where a filing lets the organization certify: the whole country, its province, or its city.</summary>
    public static string Territory(OrganizationFiling filing, PolicyCatalog catalog) => filing.Scope switch
    {
        "national" => "000000",
        "province" => catalog.Get(filing.Jurisdiction).RootAuthority,
        _ => CityOf(filing.AreaCode, catalog),
    };

    /// <summary>The city an area lies in (a county's city; a city itself; a province or the country stays as it is).</summary>
    public static string CityOf(string areaCode, PolicyCatalog catalog) =>
        catalog.Ancestry(areaCode).FirstOrDefault(a => a.Level == AuthorityLevels.City)?.Code ?? areaCode;

    public static string StateName(FilingState state) => state switch
    {
        FilingState.Active => "有效",
        FilingState.Suspended => "已暂停",
        FilingState.Cancelled => "已注销",
        _ => "已过期",
    };
}
