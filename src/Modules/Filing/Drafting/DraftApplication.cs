using Assessment.SharedKernel.Access;
using System.Security.Claims;
using Assessment.Filing.Applications;
using Assessment.Filing.Filings;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Drafting;

/// <summary>A new filing, or a renewal (FIL-20) / change (FIL-21) of filing <paramref name="FilingId"/>.</summary>
public sealed record DraftApplication(string Jurisdiction, string Scope, ApplicationKind? Kind = null, Guid? FilingId = null);

/// <summary>What drafting decides on: the caller's organization, the filing it names, and whether the scope is filed already.</summary>
public sealed record DraftingFacts(Organization? Organization, FilingRecord? Renewed, bool FiledForScope);

public static class DraftApplicationEndpoint
{
    public static ProblemDetails Before(AccessContext caller) => ApplicationGuards.Table.CheckCreation(ApplicationGuards.Draft, caller);

    public static ProblemDetails Validate(DraftApplication command, PolicyCatalog catalog)
    {
        if (catalog.Find(command.Jurisdiction) is not { } policy) return Problems.Validation("jurisdiction", "辖区不存在。");
        if ((command.Kind ?? ApplicationKind.New) != ApplicationKind.New && command.FilingId is null)
            return Problems.Validation("filingId", "续期或变更申请须指明原备案。");
        return policy.Filing.Scopes.Any(s => s.Scope == command.Scope)
            ? Wolverine.Http.WolverineContinue.NoProblems
            : Problems.Validation("scope", $"{policy.ShortName}可申请的服务范围为：{string.Join("、", policy.Filing.Scopes.Select(s => s.Name))}。");
    }

    public static async Task<DraftingFacts> LoadAsync(DraftApplication command, ClaimsPrincipal principal, IQuerySession session)
    {
        var organizationId = CurrentUser.From(principal).OrganizationId!.Value;
        var renewed = command.FilingId is { } filingId ? await session.LoadAsync<FilingRecord>(filingId) : null;
        var filed = await session.Query<FilingRecord>().AnyAsync(f => f.OrganizationId == organizationId && f.Jurisdiction == command.Jurisdiction
            && f.Scope == command.Scope && (f.Status == FilingStatus.Active || f.Status == FilingStatus.Suspended));
        return new DraftingFacts(await session.LoadAsync<Organization>(organizationId), renewed, filed);
    }

    /// <summary>Draft a filing application to one jurisdiction for one service scope (a registered organization).</summary>
    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/filing/applications", OperationId = ApplicationGuards.Draft, Summary = "起草备案申请")]
    public static (CreationResponse<Guid>, IStartStream) Post(DraftApplication command, DraftingFacts facts, PolicyCatalog catalog, Instant now,
        Actor by)
    {
        var id = Guid.CreateVersion7();
        var drafted = DraftingDecider.Draft(id, command, facts.Organization, catalog.Get(command.Jurisdiction), catalog, facts.Renewed,
            facts.FiledForScope, now, by);
        return (new CreationResponse<Guid>($"/api/filing/applications/{id}", id), MartenOps.StartStream<FilingApplication>(id, drafted));
    }
}
