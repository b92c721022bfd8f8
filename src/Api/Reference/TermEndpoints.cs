using Assessment.Api.Identity;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Reference;
using Assessment.SharedKernel.Values;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Assessment.Api.Reference;

/// <summary>The platform's own lists (roles, levels, scopes, jurisdictions …); each module adds its own.</summary>
public sealed class PlatformTerms(PolicyCatalog catalog) : ITermProvider
{
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms() => new Dictionary<string, IReadOnlyList<Term>>
    {
        ["roles"] = Roles.Assignable.Append(Roles.ApiClient).Select(r => new Term(r, Roles.DisplayName(r))).ToList(),
        ["skillLevels"] = SkillLevel.All.Select(l => new Term(l.Number.ToString(), l.FullName)).ToList(),
        ["apiScopes"] = TermLists.Of(ApiScopes.All),
        ["authorityLevels"] = [new(AuthorityLevels.National, "国家"), new(AuthorityLevels.Province, "省级"), new(AuthorityLevels.City, "市级"),
            new(AuthorityLevels.County, "县级")],
        ["jurisdictions"] = catalog.All.OrderBy(p => p.RootAuthority).Select(p => new Term(p.Id, p.Name)).ToList(),
        ["serviceScopes"] = catalog.All.OrderBy(p => p.RootAuthority)
            .SelectMany(p => p.Filing.Scopes.Select(s => new Term($"{p.Id}/{s.Scope}", s.Name))).ToList(),
        ["evaluationMethods"] = TermLists.Of(EvaluationMethods.Names),
        ["publicityUnits"] = [new(PublicityUnits.WorkingDays, "个工作日"), new(PublicityUnits.CalendarDays, "天（自然日）")],
        ["waitingKinds"] = SharedKernel.Contracts.WaitingKinds.Names,
    };
}

public static class TermEndpoints
{
    /// <summary>Get every code list with the names people read.</summary>
    /// <remarks>
    /// Statuses, kinds, levels, material items, evaluation subjects, API scopes, jurisdictions, service scopes (keyed
    /// <c>{jurisdiction}/{scope}</c>) …: clients show these names and keep no copy of them.
    /// </remarks>
    [AllowAnonymous]
    [WolverineGet("/api/terms", OperationId = "listTerms", Summary = "查询代码名称表")]
    public static IReadOnlyDictionary<string, IReadOnlyList<Term>> Get(IEnumerable<ITermProvider> providers) =>
        providers.SelectMany(p => p.Terms()).OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value);
}
