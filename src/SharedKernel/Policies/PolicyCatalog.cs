using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assessment.SharedKernel.Policies;

/// <summary>
/// All jurisdiction policies and the authority hierarchy they define. Validated as a whole at start-up:
/// a bad policy file stops the host with every problem listed.
/// </summary>
public sealed partial class PolicyCatalog
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<string, JurisdictionPolicy> _policies;
    private readonly FrozenDictionary<string, (AuthorityDefinition Authority, JurisdictionPolicy Policy)> _authorities;

    public PolicyCatalog(IEnumerable<JurisdictionPolicy> policies, IEnumerable<string> calendarLayers)
    {
        var list = policies.ToList();
        var errors = Validate(list, calendarLayers.ToHashSet()).ToList();
        if (errors.Count > 0)
            throw new InvalidOperationException("Jurisdiction policies are invalid:\n - " + string.Join("\n - ", errors));
        _policies = list.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        _authorities = list.SelectMany(p => p.Authorities.Select(a => (a, p)))
            .ToFrozenDictionary(x => x.a.Code, x => (x.a, x.p), StringComparer.Ordinal);
    }

    public static IReadOnlyList<JurisdictionPolicy> LoadShipped()
    {
        var asm = typeof(PolicyCatalog).Assembly;
        var result = new List<JurisdictionPolicy>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("policies/", StringComparison.Ordinal)).Order())
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            var policy = JsonSerializer.Deserialize<JurisdictionPolicy>(stream, JsonOptions)
                         ?? throw new InvalidOperationException($"Policy file {name} is empty.");
            result.Add(policy);
        }
        return result;
    }

    public IReadOnlyCollection<JurisdictionPolicy> All => _policies.Values;

    public JurisdictionPolicy? Find(string id) => _policies.GetValueOrDefault(id);

    public JurisdictionPolicy Get(string id) =>
        _policies.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"Unknown jurisdiction policy '{id}'.");

    public AuthorityDefinition? FindAuthority(string code) => _authorities.TryGetValue(code, out var a) ? a.Authority : null;

    public bool IsKnownArea(string code) => _authorities.ContainsKey(code);

    /// <summary>The policy that governs an authority or area (its own jurisdiction).</summary>
    public JurisdictionPolicy PolicyForArea(string areaCode) =>
        _authorities.TryGetValue(areaCode, out var a) ? a.Policy : throw new KeyNotFoundException($"Unknown area '{areaCode}'.");

    /// <summary>True when <paramref name="areaCode"/> is <paramref name="authorityCode"/> or lies below it.</summary>
    public bool IsWithin(string areaCode, string authorityCode)
    {
        for (var cur = FindAuthority(areaCode); cur is not null; cur = cur.Parent is null ? null : FindAuthority(cur.Parent))
        {
            if (cur.Code == authorityCode) return true;
        }
        return false;
    }

    /// <summary>The chain from the area up to the national root.</summary>
    /// <summary>An area as people name it, from the province down ("安徽省芜湖市"); the country is "全国".</summary>
    public string AreaName(string areaCode)
    {
        var names = string.Concat(Ancestry(areaCode).Reverse().Where(a => a.Level != AuthorityLevels.National).Select(a => a.AreaName));
        return names.Length > 0 ? names : FindAuthority(areaCode)?.AreaName ?? areaCode;
    }

    public IReadOnlyList<AuthorityDefinition> Ancestry(string areaCode)
    {
        var result = new List<AuthorityDefinition>();
        for (var cur = FindAuthority(areaCode); cur is not null; cur = cur.Parent is null ? null : FindAuthority(cur.Parent))
            result.Add(cur);
        return result;
    }

    /// <summary>All areas an authority may see: itself and everything below it.</summary>
    public IReadOnlyList<string> AreasWithin(string authorityCode) =>
        _authorities.Keys.Where(code => IsWithin(code, authorityCode)).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Validate(List<JurisdictionPolicy> policies, HashSet<string> calendarLayers)
    {
        var ids = new HashSet<string>();
        var codes = new Dictionary<string, string>();
        foreach (var p in policies)
        {
            var at = $"policy '{p.Id}'";
            if (string.IsNullOrWhiteSpace(p.Id) || !ids.Add(p.Id)) yield return $"{at}: id missing or duplicated";
            if (string.IsNullOrWhiteSpace(p.Name)) yield return $"{at}: name missing";
            if (!calendarLayers.Contains(p.CalendarLayer)) yield return $"{at}: unknown calendar layer '{p.CalendarLayer}'";
            if (p.Authorities is null || p.Authorities.Count == 0) { yield return $"{at}: no authorities"; continue; }
            foreach (var a in p.Authorities)
            {
                if (!DivisionCode().IsMatch(a.Code ?? "")) yield return $"{at}: authority code '{a.Code}' is not a 6-digit division code";
                else if (codes.TryGetValue(a.Code!, out var other)) yield return $"{at}: authority {a.Code} also defined in '{other}'";
                else codes[a.Code!] = p.Id;
                if (!AuthorityLevels.All.Contains(a.Level)) yield return $"{at}: authority {a.Code} has unknown level '{a.Level}'";
                if (string.IsNullOrWhiteSpace(a.Name) || string.IsNullOrWhiteSpace(a.AreaName)) yield return $"{at}: authority {a.Code} lacks a name";
            }
            if (p.Authorities.All(a => a.Code != p.RootAuthority))
                yield return $"{at}: root authority {p.RootAuthority} is not among its authorities";

            var f = p.Filing;
            if (p.Batches is null) yield return $"{at}: batches section missing";
            else if (p.Batches.PlanReceivedBy is not (PlanReceivers.SiteCity or PlanReceivers.FilingAuthority))
                yield return $"{at}: BAT-01 planReceivedBy must be '{PlanReceivers.SiteCity}' or '{PlanReceivers.FilingAuthority}'";
            if (f is null) { yield return $"{at}: filing section missing"; continue; }
            if (f.Scopes is null || f.Scopes.Count == 0) yield return $"{at}: FIL-06 no service scopes";
            foreach (var s in f.Scopes ?? [])
            {
                if (!AuthorityLevels.All.Contains(s.HandledBy)) yield return $"{at}: FIL-14 scope {s.Scope} handled by unknown level '{s.HandledBy}'";
                if (s.FirstReviewBy is not null && !AuthorityLevels.All.Contains(s.FirstReviewBy))
                    yield return $"{at}: FIL-14 scope {s.Scope} first review by unknown level";
                if (s.Threshold is { } t && (t.Years < 0 || t.CumulativePersonTimes < 0 || t.PerOccupationPersonTimes < 0
                    || t.PerOccupationPersonTimes > t.CumulativePersonTimes))
                    yield return $"{at}: FIL-06 scope {s.Scope} threshold is inconsistent";
                if (s.Threshold is null && string.IsNullOrWhiteSpace(s.ThresholdNote))
                    yield return $"{at}: FIL-06 scope {s.Scope} has neither threshold nor note";
                if (s.MaxLevel is < 1 or > 5) yield return $"{at}: FIL-07 scope {s.Scope} max level out of 1–5";
            }
            if (f.Scopes is not null && f.Scopes.Select(s => s.Scope).Distinct().Count() != f.Scopes.Count) yield return $"{at}: duplicate scopes";
            if (f.AcceptanceWorkingDays is <= 0) yield return $"{at}: FIL-15 acceptance days must be positive";
            if (f.PublicityWorkingDays <= 0) yield return $"{at}: FIL-17 publicity days must be positive";
            if (f.ValidityYears <= 0) yield return $"{at}: FIL-20 validity must be positive";
            if (f.EvaluationMethods is null || f.EvaluationMethods.Count == 0) yield return $"{at}: FIL-16 no evaluation methods";
            foreach (var m in (f.EvaluationMethods ?? []).Where(m => !Policies.EvaluationMethods.Names.ContainsKey(m)))
                yield return $"{at}: FIL-16 unknown evaluation method '{m}'";
            foreach (var w in f.ApplicationWindows ?? [])
            {
                if (!MonthDay().IsMatch(w.Opens ?? "") || !MonthDay().IsMatch(w.Closes ?? ""))
                    yield return $"{at}: FIL-12 window '{w.Name}' needs MM-dd dates";
                else if (string.CompareOrdinal(w.Opens, w.Closes) > 0) yield return $"{at}: FIL-12 window '{w.Name}' closes before it opens";
            }
            if (f.IdleRule is not null && !NodaTime.Text.LocalDatePattern.Iso.Parse(f.IdleRule.EffectiveFrom).Success)
                yield return $"{at}: FIL-13 effective date invalid";
            if (f.SocialOrganizationLimits is { } lim && (lim.MaxOccupations <= 0 || lim.MaxFiledOrganizationsPerOccupation <= 0))
                yield return $"{at}: FIL-04 limits must be positive";
            foreach (var m in f.PledgeableMaterials ?? []) if (m is < 1 or > 6) yield return $"{at}: FIL-10 pledgeable item {m} out of 1–6";
            if (string.IsNullOrWhiteSpace(f.Enterprises?.Basis)) yield return $"{at}: FIL-02 enterprises section or its basis missing";
            if (string.IsNullOrWhiteSpace(f.TechnicalSchools?.Basis)) yield return $"{at}: FIL-03 technicalSchools section or its basis missing";
            foreach (var flag in f.Preferences ?? [])
            {
                if (string.IsNullOrWhiteSpace(flag.Code) || string.IsNullOrWhiteSpace(flag.Name) || string.IsNullOrWhiteSpace(flag.Basis))
                    yield return $"{at}: FIL-09 preference '{flag.Code}' needs a code, a name and its basis";
            }
            if (f.Preferences is null) yield return $"{at}: FIL-09 preferences missing";
            else if (f.Preferences.Select(x => x.Code).Distinct().Count() != f.Preferences.Count)
                yield return $"{at}: FIL-09 duplicate preference codes";
            var n = f.Numbering;
            if (n is null) { yield return $"{at}: FIL-24 numbering missing"; continue; }
            if (!FourDigits().IsMatch(n.OrganizationCode ?? "")) yield return $"{at}: FIL-24 organization code must be 4 digits";
            if (!TwoDigits().IsMatch(n.ProvinceCode ?? "")) yield return $"{at}: FIL-24 province code must be 2 digits";
            if (n.SerialDigits != 4) yield return $"{at}: FIL-24 serial must be 4 digits";
            foreach (var (authority, city) in n.CityCodes ?? new Dictionary<string, string>())
            {
                if (!TwoDigits().IsMatch(city)) yield return $"{at}: FIL-24 city code '{city}' must be 2 digits";
                if (p.Authorities.All(a => a.Code != authority)) yield return $"{at}: FIL-24 city code for unknown authority {authority}";
            }
            if (n.CityCodes is not null && n.CityCodes.Values.Distinct().Count() != n.CityCodes.Count)
                yield return $"{at}: FIL-24 city codes are not unique";
            var b = p.Batches;
            if (b is null) { yield return $"{at}: batches section missing"; continue; }
            if (b.ResultsPublicity is null || b.ResultsPublicity.Length <= 0
                || (b.ResultsPublicity.Unit != PublicityUnits.WorkingDays && b.ResultsPublicity.Unit != PublicityUnits.CalendarDays))
                yield return $"{at}: BAT-06 results publicity invalid";
            if (b.ResultsReportWorkingDays <= 0) yield return $"{at}: BAT-07 report days must be positive";
            if (p.Certificates is null || p.Certificates.SerialDigits != 6) yield return $"{at}: CRT-01 serial must be 6 digits";
            else if (p.Certificates.SerialsFromAllocatedRanges
                     ? p.Authorities.All(a => a.Level != p.Certificates.RangesAllocatedBy)
                     : p.Certificates.RangesAllocatedBy is not null)
                yield return $"{at}: CRT-01 rangesAllocatedBy must name a level of its authorities exactly when serials come from allocated ranges";
        }
        foreach (var p in policies)
        {
            foreach (var a in p.Authorities ?? [])
            {
                if (a.Parent is not null && !codes.ContainsKey(a.Parent))
                    yield return $"policy '{p.Id}': authority {a.Code} has unknown parent {a.Parent}";
            }
        }
        if (policies.SelectMany(p => p.Authorities ?? []).Count(a => a.Parent is null) != 1)
            yield return "exactly one root authority (national) must exist";
    }

    [GeneratedRegex("^[0-9]{6}$")] private static partial Regex DivisionCode();
    [GeneratedRegex("^[0-9]{2}-[0-9]{2}$")] private static partial Regex MonthDay();
    [GeneratedRegex("^[0-9]{4}$")] private static partial Regex FourDigits();
    [GeneratedRegex("^[0-9]{2}$")] private static partial Regex TwoDigits();
}
