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
        G.Table.Actions(Account(), admin).ShouldBe([G.Edit, G.Disable, G.ResetPassword]);
        G.Table.Actions(Account(disabled: true), admin).ShouldBe([G.Edit, G.Enable, G.ResetPassword]);
        G.Table.Actions(Account(id: admin.User.Id), admin).ShouldBe([G.Edit, G.ResetPassword]);
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

    [Fact]
    public void issue_18_an_administrator_disabling_its_own_account_is_refused_by_the_guard_with_the_reason()
    {
        var admin = GuardCallers.As(Roles.Administrator);
        var own = G.Table.Check(G.Disable, Account(id: admin.User.Id), admin);
        (own.Status, own.Detail).ShouldBe((403, "不能停用自己的账号，须由其他系统管理员停用。"));
        G.Table.Check(G.Disable, Account(), admin).Status.ShouldBeNull();
        G.Table.Check(G.Disable, Account(), GuardCallers.As(Roles.Auditor)).Detail.ShouldBe("只有系统管理员可以管理账号。");
    }

    [Fact]
    public void issue_18_an_edit_keeps_the_authority_of_a_role_without_one_and_refuses_no_change()
    {
        var by = new Actor(Guid.NewGuid(), "admin", Roles.Administrator, null, null);
        var reviewer = Account();
        reviewer.DisplayName = "芜湖审核员";
        AccountDecider.Edit(reviewer, new EditAccount(1, " 新名字 ", "340100", "调动"), by)
            .ShouldBe(new AccountEdited(reviewer.Id, "新名字", "340100", "调动", by));
        Should.Throw<Assessment.SharedKernel.Problems.BusinessRuleException>(() =>
            AccountDecider.Edit(reviewer, new EditAccount(1, "芜湖审核员", "340200", "无变化"), by));
        var auditor = new Account { Id = Guid.NewGuid(), Role = Roles.Auditor, DisplayName = "甲" };
        AccountDecider.Edit(auditor, new EditAccount(1, "乙", "340000", "改名"), by).AuthorityCode.ShouldBeNull();
    }
}
