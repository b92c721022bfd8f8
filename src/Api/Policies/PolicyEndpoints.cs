using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Assessment.Api.Policies;

public sealed record PolicySummary(string Id, string Name, string ShortName, string RootAuthority, string CalendarLayer,
    IReadOnlyList<string> Scopes);

public sealed record AuthorityNode(string Code, string Name, string AreaName, string Level, string? Parent, string Jurisdiction,
    IReadOnlyList<AuthorityNode> Children);

/// <summary>Read access to the jurisdiction policies: the numbers every module applies, and where they come from.</summary>
public static class PolicyEndpoints
{
    [AllowAnonymous]
    [WolverineGet("/api/policies", OperationId = "listPolicies", Summary = "查询辖区政策")]
    public static IReadOnlyList<PolicySummary> List(PolicyCatalog catalog) =>
        catalog.All.OrderBy(p => p.RootAuthority).Select(p => new PolicySummary(p.Id, p.Name, p.ShortName, p.RootAuthority,
            p.CalendarLayer, p.Filing.Scopes.Select(s => s.Scope).ToList())).ToList();

    [AllowAnonymous]
    [WolverineGet("/api/policies/{jurisdiction}", OperationId = "getPolicy", Summary = "查看辖区政策")]
    [ProducesResponseType<JurisdictionPolicy>(200)]
    public static IResult Get(string jurisdiction, PolicyCatalog catalog) =>
        catalog.Find(jurisdiction) is { } p ? Results.Ok(p) : Results.Problem(Problems.NotFound("辖区政策"));

    /// <summary>The authority hierarchy: national → province → city → county.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/authorities", OperationId = "listAuthorities", Summary = "查询主管部门层级")]
    public static IReadOnlyList<AuthorityNode> Authorities(PolicyCatalog catalog)
    {
        var all = catalog.All.SelectMany(p => p.Authorities.Select(a => (a, p.Id))).ToList();
        AuthorityNode Build((AuthorityDefinition a, string j) x) => new(x.a.Code, x.a.Name, x.a.AreaName, x.a.Level, x.a.Parent, x.j,
            all.Where(c => c.a.Parent == x.a.Code).OrderBy(c => c.a.Code).Select(Build).ToList());
        return all.Where(x => x.a.Parent is null).Select(Build).ToList();
    }
}
