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
/// The occupation catalog. Ships the 76 groups of seed 003 附件2 (水平评价类, names only); a fuller catalog with codes is
/// imported by an administrator (later in FIL work). Lookup is by code first, then by exact name.
/// </summary>
public sealed class OccupationCatalog
{
    private readonly Dictionary<string, CatalogOccupation> _byCode;
    private readonly Dictionary<string, CatalogOccupation> _byName;

    public OccupationCatalog(IEnumerable<CatalogOccupation> entries)
    {
        All = entries.ToList();
        _byCode = All.Where(e => e.Code is not null).GroupBy(e => e.Code!).ToDictionary(g => g.Key, g => g.First());
        _byName = All.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<CatalogOccupation> All { get; }

    public CatalogOccupation? Find(string? code, string name)
    {
        if (code is not null && OccupationCode.TryParse(code, out var c))
        {
            if (_byCode.TryGetValue(c.Value, out var byCode)) return byCode;
            if (c.IsWorkType && _byCode.TryGetValue(c.Occupation.Value, out var parent)) return parent with { Name = name, Code = c.Value };
        }
        return _byName.GetValueOrDefault(name.Trim());
    }

    private sealed record SeedFile(string Source, List<SeedGroup> Groups);
    private sealed record SeedGroup(int No, string Name, List<string> Occupations);

    public static OccupationCatalog LoadShipped()
    {
        using var stream = typeof(OccupationCatalog).Assembly.GetManifestResourceStream("occupation-catalog-seed003.json")
                           ?? throw new InvalidOperationException("Embedded occupation catalog is missing.");
        var seed = JsonSerializer.Deserialize<SeedFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return new OccupationCatalog(seed.Groups.SelectMany(g => g.Occupations.Select(o =>
            new CatalogOccupation(o, null, $"{g.No}. {g.Name}", OccupationType.Skill, seed.Source))));
    }
}

public static class OccupationCatalogEndpoint
{
    /// <summary>Search the occupation catalog (public): by name or code fragment.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/occupations", OperationId = "searchOccupations")]
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
