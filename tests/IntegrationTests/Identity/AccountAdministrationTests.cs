using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Identity;

/// <summary>An administrator opens, edits, disables, re-enables and resets accounts (issue 18 item 11); others may not.</summary>
public class AccountAdministrationTests(AppFixture app) : IntegrationTest(app)
{
    private const string Temporary = "Temp@Reset2026";

    private async Task<JsonObject> Account(Caller caller, Guid id) => await Given.Get<JsonObject>(caller, $"/api/admin/accounts/{id}");

    private static string[] Actions(JsonObject account) => account["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    private async Task<IScenarioResult> Post(Caller caller, string url, object body, HttpStatusCode expected) =>
        await Host.Scenario(s =>
        {
            s.As(caller);
            s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(expected);
        });

    [Fact]
    public async Task only_an_administrator_manages_accounts_an_auditor_reads_them_and_others_see_none()
    {
        var id = await Given.Account("managed.user", Roles.Auditor);
        var reviewer = await Given.Reviewer("nosy.reviewer", "340000");
        await Given.Account("reading.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("reading.auditor");
        await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Get.Url($"/api/admin/accounts/{id}");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        var read = await Account(auditor, id);
        read["userName"]!.GetValue<string>().ShouldBe("managed.user");
        Actions(read).ShouldBeEmpty();
        foreach (var caller in new[] { reviewer, auditor })
        {
            await Post(caller, $"/api/admin/accounts/{id}/disable", new { version = 1, reason = "越权" }, HttpStatusCode.Forbidden);
            await Post(caller, $"/api/admin/accounts/{id}/edit", new { version = 1, displayName = "改名", reason = "越权" }, HttpStatusCode.Forbidden);
            await Post(caller, $"/api/admin/accounts/{id}/password", new { version = 1, newPassword = Temporary, reason = "越权" },
                HttpStatusCode.Forbidden);
        }
        var admin = await Given.Admin();
        await Post(admin, $"/api/admin/accounts/{Guid.NewGuid()}/disable", new { version = 1, reason = "不存在" }, HttpStatusCode.NotFound);
        (await Account(admin, id))["disabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task an_administrator_cannot_disable_its_own_account_and_is_not_offered_to()
    {
        var admin = await Given.Admin();
        var me = (await Given.Get<JsonObject>(admin, "/api/auth/me"))["id"]!.GetValue<Guid>();
        var own = await Account(admin, me);
        Actions(own).ShouldNotContain("disableAccount");
        Actions(own).ShouldContain("editAccount");
        var refused = await Post(admin, $"/api/admin/accounts/{me}/disable",
            new { version = own["version"]!.GetValue<long>(), reason = "误操作" }, HttpStatusCode.Forbidden);
        var problem = await refused.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("forbidden");
        problem["detail"]!.GetValue<string>().ShouldBe("不能停用自己的账号，须由其他系统管理员停用。");
        (await Account(admin, me))["disabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_re_enabled_account_signs_in_again()
    {
        var id = await Given.Account("returning.user", Roles.Auditor);
        var admin = await Given.Admin();
        Actions(await Account(admin, id)).ShouldBe(["editAccount", "disableAccount", "resetPassword"]);
        await Post(admin, $"/api/admin/accounts/{id}/disable", new { version = 1, reason = "休假" }, HttpStatusCode.NoContent);
        var disabled = await Account(admin, id);
        Actions(disabled).ShouldBe(["editAccount", "enableAccount", "resetPassword"]);
        await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = "returning.user", password = Scenarios.Password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await Post(admin, $"/api/admin/accounts/{id}/enable", new { version = 2, reason = "休假结束" }, HttpStatusCode.NoContent);
        var user = await Given.SignIn("returning.user");
        (await Given.Get<JsonObject>(user, "/api/auth/me"))["userName"]!.GetValue<string>().ShouldBe("returning.user");
        (await Account(admin, id))["disabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_reset_password_signs_in_the_old_one_fails_and_the_old_session_ends()
    {
        var id = await Given.Account("forgetful.user", Roles.Auditor);
        var session = await Given.SignIn("forgetful.user");
        var admin = await Given.Admin();
        var version = (await Account(admin, id))["version"]!.GetValue<long>();
        var invalid = await Post(admin, $"/api/admin/accounts/{id}/password", new { version, newPassword = "short", reason = "" },
            HttpStatusCode.BadRequest);
        (await invalid.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["newPassword", "reason"], ignoreOrder: true);
        await Post(admin, $"/api/admin/accounts/{id}/password", new { version, newPassword = Temporary, reason = "本人忘记密码，电话核实" },
            HttpStatusCode.NoContent);
        var stale = await Post(admin, $"/api/admin/accounts/{id}/password", new { version, newPassword = Temporary, reason = "重复提交" },
            HttpStatusCode.Conflict);
        (await stale.Problem())["code"]!.GetValue<string>().ShouldBe("stale-version");

        (await Account(admin, id))["temporaryPassword"]!.GetValue<bool>().ShouldBeTrue();
        await Host.Scenario(s =>
        {
            s.As(session);
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = "forgetful.user", password = Scenarios.Password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        var user = await Given.SignIn("forgetful.user", Temporary);
        await Post(user, "/api/auth/password", new { currentPassword = Temporary, newPassword = "Own@Choice2026" }, HttpStatusCode.NoContent);
        (await Account(admin, id))["temporaryPassword"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task an_administrator_edits_the_name_and_a_reviewers_authority_which_ends_its_sessions()
    {
        var id = await Given.Account("moving.reviewer", Roles.Reviewer, "340100");
        var session = await Given.SignIn("moving.reviewer");
        var admin = await Given.Admin();
        var version = (await Account(admin, id))["version"]!.GetValue<long>();
        var unknown = await Post(admin, $"/api/admin/accounts/{id}/edit",
            new { version, displayName = "", authorityCode = "999999", reason = "调动" }, HttpStatusCode.BadRequest);
        (await unknown.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["displayName", "authorityCode"], ignoreOrder: true);
        await Post(admin, $"/api/admin/accounts/{id}/edit",
            new { version, displayName = "芜湖审核员", authorityCode = "340200", reason = "调动至芜湖" }, HttpStatusCode.NoContent);
        await Post(admin, $"/api/admin/accounts/{id}/edit",
            new { version, displayName = "又改名", authorityCode = "340200", reason = "旧版本" }, HttpStatusCode.Conflict);

        var edited = await Account(admin, id);
        edited["displayName"]!.GetValue<string>().ShouldBe("芜湖审核员");
        edited["authorityName"]!.GetValue<string>().ShouldBe("芜湖市职业技能鉴定指导中心");
        await Host.Scenario(s =>
        {
            s.As(session);
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        var me = await Given.Get<JsonObject>(await Given.SignIn("moving.reviewer"), "/api/auth/me");
        me["authority"]!["code"]!.GetValue<string>().ShouldBe("340200");
        me["displayName"]!.GetValue<string>().ShouldBe("芜湖审核员");

        var unchanged = await Post(admin, $"/api/admin/accounts/{id}/edit",
            new { version = (await Account(admin, id))["version"]!.GetValue<long>(), displayName = "芜湖审核员", authorityCode = "340200", reason = "无变化" },
            HttpStatusCode.UnprocessableEntity);
        (await unchanged.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("account.unchanged");
    }

    [Fact]
    public async Task an_auditors_account_takes_no_authority_when_edited()
    {
        var id = await Given.Account("plain.auditor", Roles.Auditor);
        var admin = await Given.Admin();
        var result = await Post(admin, $"/api/admin/accounts/{id}/edit",
            new { version = 1, displayName = "审计员", authorityCode = "340000", reason = "绑定" }, HttpStatusCode.BadRequest);
        (await result.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["authorityCode"]);
        await Post(admin, $"/api/admin/accounts/{id}/edit", new { version = 1, displayName = "审计员", reason = "更正姓名" }, HttpStatusCode.NoContent);
        (await Account(admin, id))["displayName"]!.GetValue<string>().ShouldBe("审计员");
    }
}
