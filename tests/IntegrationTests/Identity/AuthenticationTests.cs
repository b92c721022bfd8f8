using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Identity;

public class AuthenticationTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task sign_in_sets_an_http_only_same_site_strict_cookie_and_me_describes_the_caller()
    {
        await Given.Account("wuhu.reviewer", Roles.Reviewer, "340200");
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = "wuhu.reviewer", password = Scenarios.Password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBeOk();
        });
        var setCookie = result.Context.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        setCookie.ShouldContain("httponly");
        setCookie.ShouldContain("samesite=strict");

        var caller = await Given.SignIn("wuhu.reviewer");
        var me = await Given.Get<JsonObject>(caller, "/api/auth/me");
        me["role"]!.GetValue<string>().ShouldBe("reviewer");
        me["authority"]!["code"]!.GetValue<string>().ShouldBe("340200");
        me["authority"]!["name"]!.GetValue<string>().ShouldBe("芜湖市职业技能鉴定指导中心");
    }

    [Fact]
    public async Task the_session_is_answered_to_everyone_so_public_pages_ask_without_an_error()
    {
        var anonymous = await Given.Get<JsonObject>(Caller.Anonymous, "/api/auth/session");
        anonymous["signedIn"]!.GetValue<bool>().ShouldBeFalse();
        anonymous["user"].ShouldBeNull();
        var (org, id) = await Given.Organization("hefei.org", "340100", "合肥职业技能评价中心");
        var session = await Given.Get<JsonObject>(org, "/api/auth/session");
        session["signedIn"]!.GetValue<bool>().ShouldBeTrue();
        session["user"]!["organizationName"]!.GetValue<string>().ShouldBe("合肥职业技能评价中心");
        session["user"]!["organizationId"]!.GetValue<Guid>().ShouldBe(id);
    }

    [Fact]
    public async Task a_wrong_password_is_401_problem_details_that_does_not_say_which_part_was_wrong()
    {
        await Given.Account("someone", Roles.Auditor);
        foreach (var (user, password) in new[] { ("someone", "Wrong@Pass2026"), ("nobody", "Wrong@Pass2026") })
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(new { userName = user, password }).ToUrl("/api/auth/sign-in");
                s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
            });
            var problem = await result.Problem();
            problem["code"]!.GetValue<string>().ShouldBe("invalid-credentials");
            problem["detail"]!.GetValue<string>().ShouldBe("用户名或密码错误。");
        }
    }

    [Fact]
    public async Task disabling_an_account_ends_its_existing_session_at_once()
    {
        var id = await Given.Account("leaving.user", Roles.Auditor);
        var session = await Given.SignIn("leaving.user");
        await Given.Get<JsonObject>(session, "/api/auth/me");

        var admin = await Given.Admin();
        var version = (await Given.Get<JsonObject>(admin, $"/api/admin/accounts/{id}"))["version"]!.GetValue<long>();
        version.ShouldBe(2); // created, signed in
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { version, reason = "离职" }).ToUrl($"/api/admin/accounts/{id}/disable");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        await Host.Scenario(s =>
        {
            s.As(session);
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        var refused = await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = "leaving.user", password = Scenarios.Password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        (await refused.Problem())["code"]!.GetValue<string>().ShouldBe("account-disabled");
    }

    [Fact]
    public async Task an_administrator_decision_on_a_stale_version_is_409_and_writes_nothing()
    {
        var id = await Given.Account("stale.user", Roles.Auditor);
        var admin = await Given.Admin();
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { version = 1, reason = "临时停用" }).ToUrl($"/api/admin/accounts/{id}/disable");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        var conflict = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { version = 1, reason = "用旧版本再次操作" }).ToUrl($"/api/admin/accounts/{id}/enable");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
        (await conflict.Problem())["code"]!.GetValue<string>().ShouldBe("stale-version");
        var account = await Given.Get<JsonObject>(admin, $"/api/admin/accounts/{id}");
        account["disabled"]!.GetValue<bool>().ShouldBeTrue();
        account["version"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task sign_out_ends_the_session()
    {
        await Given.Account("brief.user", Roles.Auditor);
        var session = await Given.SignIn("brief.user");
        var result = await Host.Scenario(s =>
        {
            s.As(session);
            s.Post.Json(new { }).ToUrl("/api/auth/sign-out");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        result.Context.Response.Headers.SetCookie.ToString().ShouldContain("assessment.auth=;");
        // the session ended on the server: a copy of the old cookie opens nothing
        await Host.Scenario(s =>
        {
            s.As(session);
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }

    [Fact]
    public async Task a_user_changes_its_own_password_and_the_old_one_stops_working()
    {
        await Given.Account("rotating.user", Roles.Auditor);
        var session = await Given.SignIn("rotating.user");
        var wrong = await Host.Scenario(s =>
        {
            s.As(session);
            s.Post.Json(new { currentPassword = "Not@ThePass1", newPassword = "Brand@New2026" }).ToUrl("/api/auth/password");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        (await wrong.Problem())["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("auth.current-password-wrong");
        await Host.Scenario(s =>
        {
            s.As(session);
            s.Post.Json(new { currentPassword = Scenarios.Password, newPassword = "Brand@New2026" }).ToUrl("/api/auth/password");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        await Given.SignIn("rotating.user", "Brand@New2026");
        await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = "rotating.user", password = Scenarios.Password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }
}

public class AccountManagementTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task only_administrators_create_accounts()
    {
        var reviewer = await Given.Reviewer("anhui.reviewer", "340000");
        var result = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { userName = "sneaky", displayName = "x", role = "administrator", password = Scenarios.Password }).ToUrl("/api/admin/accounts");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("forbidden");
    }

    [Fact]
    public async Task a_duplicate_user_name_is_409()
    {
        await Given.Account("twin", Roles.Auditor);
        var admin = await Given.Admin();
        var result = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { userName = "TWIN", displayName = "x", role = "auditor", password = Scenarios.Password }).ToUrl("/api/admin/accounts");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("account.user-name-taken");
    }

    [Fact]
    public async Task invalid_account_fields_are_400_with_an_error_per_field()
    {
        var admin = await Given.Admin();
        var result = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { userName = "a", displayName = "", role = "reviewer", authorityCode = "999999", password = "short" }).ToUrl("/api/admin/accounts");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var errors = (await result.Problem())["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["userName", "displayName", "authorityCode", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task an_organization_user_gets_an_organization_id_to_register()
    {
        var id = await Given.Account("new.org", Roles.Organization);
        var admin = await Given.Admin();
        var account = await Given.Get<JsonObject>(admin, $"/api/admin/accounts/{id}");
        account["organizationId"].ShouldNotBeNull();
        account.ContainsKey("passwordHash").ShouldBeFalse();
    }
}

public class ApiKeyTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<(Guid Id, string Key)> Register(object body)
    {
        var admin = await Given.Admin();
        var result = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(body).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var issued = (await result.ReadAsJsonAsync<JsonObject>())!;
        return (issued["id"]!.GetValue<Guid>(), issued["apiKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_third_party_system_authenticates_with_its_key_until_it_is_revoked()
    {
        var (id, key) = await Register(new { name = "全国联网查询系统", authorityCode = "000000", scopes = new[] { "certificates:read" } });
        var system = new Caller("X-Api-Key", key, "system");
        var me = await Given.Get<JsonObject>(system, "/api/auth/me");
        me["role"]!.GetValue<string>().ShouldBe("api-client");
        me["scopes"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe(["certificates:read"]);

        var admin = await Given.Admin();
        await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { version = 1, reason = "密钥泄露" }).ToUrl($"/api/admin/api-clients/{id}/revoke");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        await Host.Scenario(s =>
        {
            s.As(system);
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }

    [Fact]
    public async Task a_system_may_only_use_the_scopes_it_was_granted()
    {
        var (_, hefei) = await Given.Organization("hefei.org", "340100", "合肥机构", 1);
        var (_, key) = await Register(new { name = "证书查询系统", authorityCode = "340000", scopes = new[] { "certificates:read" } });
        var system = new Caller("X-Api-Key", key, "system");
        foreach (var url in new[] { "/api/organizations", $"/api/organizations/{hefei}" })
        {
            var result = await Host.Scenario(s =>
            {
                s.As(system);
                s.Get.Url(url);
                s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
            });
            (await result.Problem())["code"]!.GetValue<string>().ShouldBe("forbidden");
        }

        var (_, reader) = await Register(new { name = "备案查询系统", authorityCode = "340000", scopes = new[] { "filing:read" } });
        var page = await Given.Get<JsonObject>(new Caller("X-Api-Key", reader, "system"), "/api/organizations");
        page["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("ak_0123456789abcdef0123456789abcdef_wrongsecretwrongsecret")]
    public async Task a_malformed_or_unknown_key_is_401(string key)
    {
        var result = await Host.Scenario(s =>
        {
            s.WithRequestHeader("X-Api-Key", key);
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await result.Problem();
    }

    [Fact]
    public async Task a_client_must_represent_exactly_one_authority_or_organization_with_known_scopes()
    {
        var admin = await Given.Admin();
        var result = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { name = "x", scopes = new[] { "everything" } }).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await result.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["authorityCode", "scopes"], ignoreOrder: true);
    }
}
