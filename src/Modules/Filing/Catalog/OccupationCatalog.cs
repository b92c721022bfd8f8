using System.Text.Json;
using Assessment.SharedKernel.Values;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Assessment.Filing.Catalog;

/// <summary>技能类 occupations may be filed; 准入类 (access-type) qualifications may not (FIL-01).</summary>
public enum OccupationType { Skill, Access }

/// <summary>One occupation (or work type) of the catalog. Code is null where the source lists names only.</summary>
public sealed record CatalogOccupation(string Name, string? Code, string Group, OccupationType Type, string Source)
{
    public string Key => Code ?? Name;
}

/// <summary>
/// The occupation catalog. Shipped: the 76 groups of seed 003 附件2 (水平评价类), each name with its 大典（2022年版）code
/// where one is confirmed (Data/occupation-codes-2022.json), and the 准入类 skill qualifications of the 国家职业资格目录
/// （2021年版）that the announcement names (Data/access-qualifications-2021.json). An administrator's import (codes,
/// names, skill/access type) overlays it. Lookup is by code first, then by exact name. The current set is swapped
/// atomically when an import lands.
/// </summary>
public sealed class OccupationCatalog
{
    private sealed record Snapshot(IReadOnlyList<CatalogOccupation> All, Dictionary<string, CatalogOccupation> ByCode,
        Dictionary<string, CatalogOccupation> ByName);

    private readonly IReadOnlyList<CatalogOccupation> _shipped;
    private Snapshot _current;

    public OccupationCatalog(IEnumerable<CatalogOccupation> entries)
    {
        _shipped = entries.ToList();
        _current = Build(_shipped);
    }

    private static Snapshot Build(IReadOnlyList<CatalogOccupation> all) => new(all,
        all.Where(e => e.Code is not null).GroupBy(e => e.Code!).ToDictionary(g => g.Key, g => g.First()),
        all.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First()));

    public IReadOnlyList<CatalogOccupation> All => _current.All;

    /// <summary>Imported entries take precedence; shipped entries stay where the import does not name them.</summary>
    public void Overlay(IReadOnlyList<CatalogOccupation> imported)
    {
        var names = imported.Select(e => e.Name).ToHashSet();
        _current = Build([.. imported, .. _shipped.Where(e => !names.Contains(e.Name))]);
    }

    public CatalogOccupation? Find(string? code, string name)
    {
        var current = _current;
        if (code is not null && OccupationCode.TryParse(code, out var c))
        {
            if (current.ByCode.TryGetValue(c.Value, out var byCode)) return byCode;
            if (c.IsWorkType && current.ByCode.TryGetValue(c.Occupation.Value, out var parent)) return parent with { Name = name, Code = c.Value };
        }
        return current.ByName.GetValueOrDefault(name.Trim());
    }

    private sealed record SeedFile(string Source, List<SeedGroup> Groups);
    private sealed record SeedGroup(int No, string Name, List<string> Occupations);
    private sealed record CodesFile(string Source, Dictionary<string, string> Codes);
    private sealed record AccessFile(string Source, List<string> Qualifications);

    public const string AccessGroup = "准入类技能人员职业资格";

    public static OccupationCatalog LoadShipped()
    {
        var seed = Read<SeedFile>("occupation-catalog-seed003.json");
        var codes = Read<CodesFile>("occupation-codes-2022.json");
        var access = Read<AccessFile>("access-qualifications-2021.json");
        var skills = seed.Groups.SelectMany(g => g.Occupations.Select(o => codes.Codes.TryGetValue(o, out var code)
            ? new CatalogOccupation(o, OccupationCode.Parse(code).Value, $"{g.No}. {g.Name}", OccupationType.Skill,
                $"{seed.Source}；编码：{codes.Source}")
            : new CatalogOccupation(o, null, $"{g.No}. {g.Name}", OccupationType.Skill, seed.Source)));
        return new OccupationCatalog(skills.Concat(access.Qualifications.Select(q =>
            new CatalogOccupation(q, null, AccessGroup, OccupationType.Access, access.Source))));
    }

    private static T Read<T>(string resource)
    {
        using var stream = typeof(OccupationCatalog).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"Embedded catalog data {resource} is missing.");
        return JsonSerializer.Deserialize<T>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

public static class OccupationCatalogEndpoint
{
    /// <summary>Search the occupation catalog (public): by name or code fragment.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/occupations", OperationId = "searchOccupations", Summary = "查询职业（工种）目录")]
    public static IReadOnlyList<CatalogOccupation> Search(OccupationCatalog catalog, string? q, int? limit)
    {
        var take = Math.Clamp(limit ?? 50, 1, 500);
        var query = catalog.All.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(o => o.Name.Contains(term, StringComparison.Ordinal) || (o.Code?.StartsWith(term, StringComparison.Ordinal) ?? false)
                                     || o.Group.Contains(term, StringComparison.Ordinal));
        }
        return query.Take(take).ToList();
    }
}
