using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.UnitTests.Filing;

/// <summary>Issue 16: an organization is seen by its area and itself; only itself changes its contact details.</summary>
public class OrganizationGuardsTests
{
    private static readonly PolicyCatalog Catalog =
        new(PolicyCatalog.LoadShipped(), Assessment.SharedKernel.Calendar.CalendarData.LoadShipped().Select(l => l.Id));
    private static readonly AccessControl Access = new(Catalog);
    private static readonly Organization Org = new() { Id = Guid.NewGuid(), AreaCode = "340200", Name = "芜湖奇瑞" };

    private static AccessContext As(string role, string? authority = null, Guid? organization = null) =>
        new(new CurrentUser(Guid.NewGuid(), "u", "用户", role, authority, organization, []), Access, Instant.FromUtc(2026, 11, 23, 2, 0));

    [Fact]
    public void FIL_11_the_organization_and_its_api_client_change_the_contact_the_area_sees_it_with_403_others_get_404()
    {
        const string op = OrganizationGuards.ChangeContact;
        OrganizationGuards.Table.Actions(Org, As(Roles.Organization, organization: Org.Id)).ShouldBe([op, OrganizationGuards.UploadSeal]);
        OrganizationGuards.Table.Actions(Org, As(Roles.ApiClient, organization: Org.Id)).ShouldBe([op, OrganizationGuards.UploadSeal]);
        OrganizationGuards.Table.Actions(Org, As(Roles.Reviewer, "340000")).ShouldBeEmpty();
        var refused = OrganizationGuards.Table.Check(op, Org, As(Roles.Reviewer, "340200"));
        refused.Status.ShouldBe(403);
        refused.Detail.ShouldBe("只有机构本身可以修改联系信息。");
        OrganizationGuards.Table.Check(op, Org, As(Roles.Auditor)).Status.ShouldBe(403);
        OrganizationGuards.Table.Check(op, Org, As(Roles.Inspector, "340200")).Status.ShouldBe(403);
        OrganizationGuards.Table.Check(op, Org, As(Roles.Reviewer, "340100")).Status.ShouldBe(404);
        OrganizationGuards.Table.Check(op, Org, As(Roles.Expert, "340100")).Status.ShouldBe(404);
        OrganizationGuards.Table.Check(op, Org, As(Roles.Organization, organization: Guid.NewGuid())).Status.ShouldBe(404);
        OrganizationGuards.Table.Visible(null, As(Roles.Reviewer, "340200")).Status.ShouldBe(404);
    }
}
