using Assessment.SharedKernel.Http;
using NodaTime;
using Marten;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Organizations;

public sealed record ChangeOrganizationContact(
    long Version, string Address, string ContactName, string ContactPhone, string ContactEmail);

/// <summary>The organization keeps its own contact details current; the version it saw guards against lost updates.</summary>
public static class ChangeOrganizationContactEndpoint
{
    public static ProblemDetails Before(Organization organization, AccessContext caller) =>
        OrganizationGuards.Table.Check(OrganizationGuards.ChangeContact, organization, caller);

    public static ProblemDetails Validate(ChangeOrganizationContact command)
    {
        var errors = new Dictionary<string, string[]>();
        OrganizationInput.Required(errors, "address", command.Address, "地址");
        OrganizationInput.Required(errors, "contactName", command.ContactName, "联系人", 50);
        OrganizationInput.Phone(errors, "contactPhone", command.ContactPhone);
        OrganizationInput.Email(errors, "contactEmail", command.ContactEmail);
        if (command.Version < 1) errors["version"] = ["请提供读取时的版本号。"];
        return errors.Count > 0 ? Problems.Validation(errors) : WolverineContinue.NoProblems;
    }

    [Authorize(Policy = ScopePolicies.FilingWrite)]
    [WolverinePut("/api/organizations/{organizationId}/contact", OperationId = OrganizationGuards.ChangeContact, Summary = "变更机构地址与联系人")]
    public static (UpdatedAggregate, Events, OutgoingMessages) Put(
        ChangeOrganizationContact command, [Aggregate("organizationId")] Organization organization, Actor by)
        => (new UpdatedAggregate(), [OrganizationDecider.ChangeContact(organization, command, by)],
            [new PublishContactToFilings(organization.Id, by)]);
}

/// <summary>After a contact change, the organization's filings (and so the directory, FIL-19) take the new details.</summary>
public sealed record PublishContactToFilings(Guid OrganizationId, Actor By);

public static class PublishContactToFilingsHandler
{
    public static async Task Handle(PublishContactToFilings message, IDocumentSession session, Instant now)
    {
        var organization = await session.LoadAsync<Organization>(message.OrganizationId);
        if (organization is null) return;
        var profile = Granting.GrantDecider.Profile(organization);
        var filings = await session.Query<Filings.FilingRecord>()
            .Where(f => f.OrganizationId == message.OrganizationId && f.Status != Filings.FilingStatus.Cancelled).Select(f => f.Id).ToListAsync();
        foreach (var id in filings)
            session.Events.Append(id, new Filings.FilingContactUpdated(id, profile, now, message.By));
    }
}
