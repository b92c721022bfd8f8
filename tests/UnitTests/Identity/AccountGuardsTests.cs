using Assessment.Api.Identity;
using Assessment.SharedKernel.Events;
using G = Assessment.Api.Identity.AccountGuards;

namespace Assessment.UnitTests.Identity;

/// <summary>Issue 16: accounts on a guard table — administrators manage, auditors read, nobody else sees one; never oneself disabled.</summary>
public class AccountGuardsTests
{
    private static Account Account(bool disabled = false, Guid? id = null) =>
        new() { Id = id ?? Guid.NewGuid(), UserName = "someone", Role = Roles.Reviewer, AuthorityCode = "340200", Disabled = disabled };

    [Fact]
    public void issue_16_administrators_manage_accounts_auditors_read_them_and_others_do_not_see_them()
    {
        var admin = GuardCallers.As(Roles.Administrator);
        var auditor = GuardCallers.As(Roles.Auditor);
        G.Table.Actions(Account(), admin).ShouldBe([G.Disable, G.ResetPassword]);
        G.Table.Actions(Account(disabled: true), admin).ShouldBe([G.Enable, G.ResetPassword]);
        G.Table.Actions(Account(id: admin.User.Id), admin).ShouldBe([G.ResetPassword]);
        G.Table.CreationActions(admin).ShouldBe([G.Create]);
        G.Table.Actions(Account(), auditor).ShouldBeEmpty();
        G.Table.CreationActions(auditor).ShouldBeEmpty();
        G.Table.Check(G.Disable, Account(), auditor).Status.ShouldBe(403);
        G.Table.CheckCreation(G.Create, auditor).Detail.ShouldBe("只有系统管理员可以管理账号。");
        foreach (var other in new[] { GuardCallers.As(Roles.Reviewer, "340200"), GuardCallers.As(Roles.Organization, organization: Guid.NewGuid()) })
        {
            G.Table.Check(G.Disable, Account(), other).Status.ShouldBe(404);
            G.Table.Actions(Account(), other).ShouldBeEmpty();
        }
    }
}
