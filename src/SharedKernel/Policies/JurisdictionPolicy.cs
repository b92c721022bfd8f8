namespace Assessment.SharedKernel.Policies;

/// <summary>
/// Everything that differs between jurisdictions, as data (domain.md: "the difference is data in a jurisdiction
/// policy"). Loaded from Data/policies/*.json and validated at start-up. Numbers carry the rule ID they implement.
/// </summary>
public sealed record JurisdictionPolicy(
    string Id,
    string Name,
    string ShortName,
    string RootAuthority,
    string CalendarLayer,
    IReadOnlyList<string> Sources,
    IReadOnlyList<AuthorityDefinition> Authorities,
    FilingPolicy Filing,
    BatchPolicy Batches,
    CertificatePolicy Certificates);

public static class AuthorityLevels
{
    public const string National = "national";
    public const string Province = "province";
    public const string City = "city";
    public const string County = "county";
    public static readonly IReadOnlyList<string> All = [National, Province, City, County];
}

/// <summary>An authority and the area it governs. Code = the area's GB/T 2260 division code ("000000" = national).</summary>
public sealed record AuthorityDefinition(string Code, string Name, string AreaName, string Level, string? Parent);

public sealed record ExperienceThreshold(int Years, int CumulativePersonTimes, int PerOccupationPersonTimes);

/// <summary>A service scope an organization may apply for (FIL-06, FIL-07, FIL-14).</summary>
public sealed record ServiceScopePolicy(
    string Scope,
    string Name,
    /// <summary>Authority level whose queue receives the application (FIL-14).</summary>
    string HandledBy,
    /// <summary>Where a city reviews first and forwards to the handling level (FIL-14 [GX]).</summary>
    string? FirstReviewBy,
    /// <summary>FIL-06; null where the notice leaves it to each city (see <see cref="ThresholdNote"/>).</summary>
    ExperienceThreshold? Threshold,
    string? ThresholdNote,
    /// <summary>FIL-06 [AH]: undertaking government-subsidized training meets the threshold instead of the numbers.</summary>
    bool SubsidizedTrainingSubstitutes,
    /// <summary>FIL-07: highest level (1 = 一级 … 5 = 五级) this scope may file; null = no cap.</summary>
    int? MaxLevel,
    /// <summary>FIL-06/FIL-07 "原则上": a reviewer may override with a recorded reason.</summary>
    bool OverridableInPrinciple);

/// <summary>FIL-12: a yearly window, month-day to month-day inclusive.</summary>
public sealed record ApplicationWindow(string Opens, string Closes, string Name);

/// <summary>FIL-04 [HB] limits for 社会培训评价组织.</summary>
public sealed record SocialOrganizationLimits(int MaxOccupations, int MaxFiledOrganizationsPerOccupation, bool OverridableInPrinciple);

/// <summary>FIL-13 [HB]: no new occupations while idle, from this date on.</summary>
public sealed record IdleRule(string EffectiveFrom);

/// <summary>
/// FIL-09 择优: a condition that, declared by the applicant, raises its application in the review queue — a flag shown
/// with its name and <paramref name="Basis"/> (the notice's article), never a score.
/// </summary>
public sealed record PreferenceFlag(string Code, string Name, string Basis);

/// <summary>
/// FIL-02: an employer (用人单位, category Y) filing to evaluate its own people. <paramref name="Basis"/> quotes the article
/// the settings come from (or, where they are off, why).
/// </summary>
public sealed record EnterprisePolicy(
    /// <summary>Only its own staff, dispatched and outsourced workers included; declaring others (学生、社会人员) is refused.</summary>
    bool OwnStaffOnly,
    /// <summary>Occupations follow its main business: the application states it, the reviewer judges it.</summary>
    bool MainBusinessRequired,
    /// <summary>相邻近原则: a job missing from the catalog is applied for as the nearest catalog occupation, with a reason.</summary>
    bool NearestOccupationMapping,
    string Basis);

/// <summary>FIL-03: a technical school (技工院校) evaluates occupations its majors cover.</summary>
public sealed record TechnicalSchoolPolicy(bool OccupationsMatchMajors, string Basis);

/// <summary>FIL-24 numbering: category + organization code + province code + city code + serial per city.</summary>
public sealed record FilingNumberScheme(
    string OrganizationCode,
    string ProvinceCode,
    /// <summary>Authority code → the two-digit city code printed in the number (Anhui's own table, or GB/T 2260).</summary>
    IReadOnlyDictionary<string, string> CityCodes,
    int SerialDigits,
    string SerialScope,
    string? Note);

public sealed record FilingPolicy(
    IReadOnlyList<ServiceScopePolicy> Scopes,
    /// <summary>FIL-15: working days to say whether an application is accepted; null where the notice is silent.</summary>
    int? AcceptanceWorkingDays,
    /// <summary>FIL-17: minimum publicity in working days.</summary>
    int PublicityWorkingDays,
    /// <summary>FIL-20.</summary>
    int ValidityYears,
    /// <summary>FIL-12: empty = continuous.</summary>
    IReadOnlyList<ApplicationWindow> ApplicationWindows,
    IdleRule? IdleRule,
    SocialOrganizationLimits? SocialOrganizationLimits,
    /// <summary>FIL-08.</summary>
    bool TechnicianLevelsRequirePriorSeniorExperience,
    /// <summary>FIL-10 [AH]: already-filed enterprise/school, same occupations and levels → only items 1 and 6.</summary>
    bool SimplifiedMaterialsForFiledOrganizations,
    /// <summary>FIL-10 [HB] 告知承诺: material items that may be pledged at submission.</summary>
    IReadOnlyList<int> PledgeableMaterials,
    /// <summary>FIL-22 [AH].</summary>
    bool PilotYear,
    IReadOnlyList<PreferenceFlag> Preferences,
    /// <summary>FIL-18: where a granted filing is reported.</summary>
    string ReportsTo,
    FilingNumberScheme Numbering,
    /// <summary>FIL-16: how the technical evaluation is carried out (codes of <c>EvaluationMethods</c>).</summary>
    IReadOnlyList<string> EvaluationMethods,
    /// <summary>FIL-02.</summary>
    EnterprisePolicy Enterprises,
    /// <summary>FIL-03.</summary>
    TechnicalSchoolPolicy TechnicalSchools);

public sealed record PublicityPeriod(int Length, string Unit);

public static class PublicityUnits
{
    public const string WorkingDays = "working-days";
    public const string CalendarDays = "calendar-days";
}

public sealed record BatchPolicy(
    /// <summary>BAT-01: plan filed with the city center at least this many working days ahead; null = not required.</summary>
    int? PlanFilingLeadWorkingDays,
    /// <summary>BAT-02: announcement published this many working days ahead; null = not required.</summary>
    int? AnnouncementLeadWorkingDays,
    /// <summary>BAT-01: technician-level batches are copied to the province.</summary>
    bool TechnicianBatchesCopiedToProvince,
    /// <summary>BAT-06.</summary>
    PublicityPeriod ResultsPublicity,
    /// <summary>BAT-07.</summary>
    int ResultsReportWorkingDays,
    /// <summary>BAT-01: who receives a batch plan — <c>site-city</c> (the city center where the batch takes place, [AH]
    /// 属地市鉴定中心) or <c>filing-authority</c> (the authority that granted the filing).</summary>
    string PlanReceivedBy,
    /// <summary>FIL-23 [AH]: a province-filed organization serves from its registration city; a site in another city also
    /// needs a filing with that city.</summary>
    bool SitesOutsideRegistrationCityNeedCityFiling);

public static class PlanReceivers
{
    public const string SiteCity = "site-city";
    public const string FilingAuthority = "filing-authority";
}

public sealed record CertificatePolicy(
    /// <summary>CRT-01: digits of the serial per organization, year and level.</summary>
    int SerialDigits,
    string IssuedBy,
    /// <summary>CRT-01 [AH] 附件5 备注4 (证书编号按省鉴定中心统一分配的号段填录): serials come only from ranges an authority
    /// allocated to the organization per year and level; false = the system counts from 000001 by itself.</summary>
    bool SerialsFromAllocatedRanges,
    /// <summary>The authority level that allocates the ranges; null where serials do not come from ranges.</summary>
    string? RangesAllocatedBy,
    /// <summary>Where the rule comes from, shown beside it.</summary>
    string? RangesNote)
{
    /// <summary>The authority of <see cref="RangesAllocatedBy"/>'s level in
    /// <paramref name="policy"/> (the provincial center), if ranges are used.</summary>
    public AuthorityDefinition? RangeAllocator(JurisdictionPolicy policy) =>
        SerialsFromAllocatedRanges ? policy.Authorities.FirstOrDefault(a => a.Level == RangesAllocatedBy) : null;
}

/// <summary>FIL-16: the ways a technical evaluation is carried out; each policy names the ones its notice lists.</summary>
public static class EvaluationMethods
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["report"] = "汇报",
        ["interview"] = "面谈",
        ["questioning"] = "质询",
        ["document-review"] = "材料审查",
        ["technical-check"] = "技术核查",
        ["expert-argument"] = "专家论证",
        ["on-site-inspection"] = "实地考察",
        ["provincial-plan"] = "按省级技术评估方案评估",
    };
}
