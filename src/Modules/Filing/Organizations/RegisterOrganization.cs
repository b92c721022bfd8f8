using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using System.Security.Claims;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Organizations;

public sealed record RegisterOrganization(
    string Name,
    string CreditCode,
    OrganizationNature Nature,
    OrganizationCategory Category,
    string AreaCode,
    string Address,
    string LegalRepresentative,
    string ContactName,
    string ContactPhone,
    string ContactEmail);

/// <summary>What registration decides on: whether another organization holds the credit code already.</summary>
public sealed record RegistrationFacts(bool CreditCodeTaken);

/// <summary>An organization user registers the organization its account is bound to (FIL-11 basic information).</summary>
public static class RegisterOrganizationEndpoint
{
    public static ProblemDetails Before(AccessContext caller) => OrganizationGuards.Table.CheckCreation(OrganizationGuards.Register, caller);

    public static ProblemDetails Validate(RegisterOrganization command, PolicyCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        OrganizationInput.Required(errors, "name", command.Name, "机构名称");
        OrganizationInput.CreditCode(errors, "creditCode", command.CreditCode);
        OrganizationInput.Required(errors, "address", command.Address, "地址");
        OrganizationInput.Required(errors, "legalRepresentative", command.LegalRepresentative, "法定代表人", 50);
        OrganizationInput.Required(errors, "contactName", command.ContactName, "联系人", 50);
        OrganizationInput.Phone(errors, "contactPhone", command.ContactPhone);
        OrganizationInput.Email(errors, "contactEmail", command.ContactEmail);
        if (!Enum.IsDefined(command.Nature)) errors["nature"] = ["机构性质无效。"];
        if (!Enum.IsDefined(command.Category)) errors["category"] = ["评价机构类别应为Y（用人单位）或S（社会培训评价组织）。"];
        if (string.IsNullOrWhiteSpace(command.AreaCode) || !catalog.IsKnownArea(command.AreaCode))
            errors["areaCode"] = ["登记所在地不在平台已配置的辖区内。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    public static async Task<RegistrationFacts> LoadAsync(RegisterOrganization command, ClaimsPrincipal principal, IQuerySession session)
    {
        var id = CurrentUser.From(principal).OrganizationId!.Value;
        var credit = UnifiedSocialCreditCode.Parse(command.CreditCode).Value;
        return new RegistrationFacts(await session.Query<Organization>().AnyAsync(o => o.CreditCode == credit && o.Id != id));
    }

    /// <summary>Register the caller's organization (FIL-11 basic information).</summary>
    [Authorize(Roles = Roles.Organization)]
    [WolverinePost("/api/organizations", OperationId = OrganizationGuards.Register, Summary = "登记本机构")]
    public static (CreationResponse<Guid>, IStartStream) Post(RegisterOrganization command, RegistrationFacts facts, Instant now, Actor by)
    {
        var registered = OrganizationDecider.Register(by.OrganizationId!.Value, command, facts.CreditCodeTaken, now, by);
        return (new CreationResponse<Guid>($"/api/organizations/{registered.OrganizationId}", registered.OrganizationId),
            MartenOps.StartStream<Organization>(registered.OrganizationId, registered));
    }
}
