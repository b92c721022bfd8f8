using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
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

/// <summary>A registered organization opens a filing application to one jurisdiction for one service scope it offers.</summary>
public static class DraftApplicationEndpoint
{
    public static ProblemDetails Validate(DraftApplication command, ClaimsPrincipal principal, PolicyCatalog catalog)
    {
        var user = CurrentUser.From(principal);
        if (user.OrganizationId is null) return Problems.Forbidden("只有评价机构可以申请备案。");
        if (catalog.Find(command.Jurisdiction) is not { } policy) return Problems.Validation("jurisdiction", "辖区不存在。");
        if (command.Kind is { } kind && !Enum.IsDefined(kind)) return Problems.Validation("kind", "申请类型无效。");
        if ((command.Kind ?? ApplicationKind.New) != ApplicationKind.New && command.FilingId is null)
            return Problems.Validation("filingId", "续期或变更申请须指明原备案。");
        return policy.Filing.Scopes.Any(s => s.Scope == command.Scope)
            ? WolverineContinue.NoProblems
            : Problems.Validation("scope", $"{policy.ShortName}可申请的服务范围为：{string.Join("、", policy.Filing.Scopes.Select(s => $"{s.Scope}（{s.Name}）"))}。");
    }

    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/filing/applications", OperationId = "draftFilingApplication")]
    [ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(422)]
    public static async Task<(CreationResponse<Guid>, IStartStream)> Post(DraftApplication command, ClaimsPrincipal principal,
        IQuerySession session, PolicyCatalog catalog, IClock clock)
    {
        var user = CurrentUser.From(principal);
        var organization = await session.LoadAsync<Organization>(user.OrganizationId!.Value)
                           ?? throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "请先登记机构基本信息，再申请备案。"));
        var policy = catalog.Get(command.Jurisdiction);
        if (!catalog.IsWithin(organization.AreaCode, policy.RootAuthority))
            throw new BusinessRuleException(new RuleViolation("FIL-05", "filing.outside-jurisdiction", $"机构登记所在地不在{policy.ShortName}辖区内，不能向其申请备案。"));
        var kind = command.Kind ?? ApplicationKind.New;
        if (kind != ApplicationKind.New)
        {
            var filing = await session.LoadAsync<Filings.FilingRecord>(command.FilingId!.Value);
            if (filing is null || filing.OrganizationId != organization.Id)
                throw new BusinessRuleException(new RuleViolation(kind == ApplicationKind.Renewal ? "FIL-20" : "FIL-21", "filing.not-found", "原备案不存在。"));
            RenewalRules.Check(kind, filing, policy.Id, command.Scope);
        }
        else if (await session.Query<Filings.FilingRecord>().AnyAsync(f => f.OrganizationId == organization.Id && f.Jurisdiction == policy.Id
                     && f.Scope == command.Scope && (f.Status == Filings.FilingStatus.Active || f.Status == Filings.FilingStatus.Suspended)))
            throw new BusinessRuleException(new RuleViolation("FIL-21", "filing.already-filed",
                "本机构在该辖区、该服务范围已有备案；增加职业（工种）或等级请申请变更备案，期满前请申请续期。"));
        var id = Guid.CreateVersion7();
        var drafted = new ApplicationDrafted(id, organization.Id, organization.Name, organization.AreaCode, policy.Id, command.Scope,
            clock.GetCurrentInstant(), user.ToActor(), kind, kind == ApplicationKind.New ? null : command.FilingId);
        return (new CreationResponse<Guid>($"/api/filing/applications/{id}", id), MartenOps.StartStream<FilingApplication>(id, drafted));
    }
}
