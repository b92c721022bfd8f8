using System.Security.Claims;
using Assessment.Filing.Directory;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;

namespace Assessment.Filing.Filings;


/// <summary>备案回执 (FIL-18): what the printable receipt shows.</summary>
public sealed record FilingReceipt(
    Guid FilingId, string FilingNumber, string OrganizationName, string CreditCode, string Address, string AreaName, string ScopeName,
    string GrantingAuthorityName, string ReportedTo, LocalDate ValidFrom, LocalDate ValidUntil, IReadOnlyList<ReceiptOccupation> Occupations,
    IReadOnlyList<Applications.EvaluationSite> Sites, LocalDate GrantedOn, FilingStatus Status);

public sealed record ReceiptOccupation(string Name, string? Code, string Levels);

public static class QueryFilingsEndpoint
{
    /// <summary>Filings the caller may see: an organization its own, reviewers their jurisdiction's.</summary>
    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/filings", OperationId = "listFilings", Summary = "查询备案")]
    public static Task<Paged<FilingRecord>> List(ClaimsPrincipal principal, IQuerySession session, AccessControl access, FilingStatus? status,
        string? name, int? page, int? pageSize)
    {
        var user = CurrentUser.From(principal);
        IQueryable<FilingRecord> query = session.Query<FilingRecord>();
        if (user.OrganizationId is { } own) query = query.Where(f => f.OrganizationId == own);
        else if (access.VisibleAreas(user) is { } areas) query = query.Where(f => areas.Contains(f.AreaCode));
        if (status is { } s) query = query.Where(f => f.Status == s);
        if (!string.IsNullOrWhiteSpace(name)) query = query.Where(f => f.OrganizationName.Contains(name) || f.FilingNumber.Contains(name));
        return Paging.From(page, pageSize).Of(query.OrderBy(f => f.ValidUntil), f => f);
    }

    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/filings/{filingId}", OperationId = "getFiling", Summary = "查看备案")]
    [ProducesResponseType<FilingView>(200)]
    public static async Task<IResult> Get(Guid filingId, AccessContext caller, IQuerySession session)
    {
        var filing = await session.LoadAsync<FilingRecord>(filingId);
        return FilingGuards.Table.IsHidden(filing, caller, out var hidden) ? hidden : Results.Ok(FilingView.Of(filing, caller));
    }

    [Authorize(Policy = ScopePolicies.FilingRead)]
    [WolverineGet("/api/filing/filings/{filingId}/receipt", OperationId = "getFilingReceipt", Summary = "查看备案回执")]
    [ProducesResponseType<FilingReceipt>(200)]
    public static async Task<IResult> Receipt(Guid filingId, AccessContext caller, IQuerySession session, PolicyCatalog catalog)
    {
        var entry = await session.LoadAsync<DirectoryEntry>(filingId);
        // a filing without its directory entry is not yet visible as a filing: the same 404
        var filing = entry is null ? null : await session.LoadAsync<FilingRecord>(filingId);
        if (FilingGuards.Table.IsHidden(filing, caller, out var hidden) || entry is null) return hidden!;
        var policy = catalog.Get(filing.Jurisdiction);
        var authority = policy.Authorities.FirstOrDefault(a => a.Code == filing.GrantingAuthority)?.Name ?? filing.GrantingAuthority;
        return Results.Ok(new FilingReceipt(filing.Id, filing.FilingNumber, entry.Name, entry.CreditCode, entry.Address,
            catalog.AreaName(filing.AreaCode), policy.Filing.Scopes.FirstOrDefault(s => s.Scope == filing.Scope)?.Name ?? filing.Scope,
            authority, filing.ReportedTo, filing.ValidFrom, filing.ValidUntil,
            filing.Occupations.Select(o => new ReceiptOccupation(o.Name, o.Code,
                $"{SkillLevel.FromNumber(o.LowestLevel).FullName}至{SkillLevel.FromNumber(o.HighestLevel).FullName}")).ToList(),
            filing.Sites, filing.GrantedAt.InZone(ChinaTime.Zone).Date, filing.Status));
    }
}
