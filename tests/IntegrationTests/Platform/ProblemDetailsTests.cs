using System.Net;
using System.Text;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Platform;

/// <summary>Every non-2xx answer is RFC 9457 ProblemDetails with a trace id, a Chinese title and a stable code.</summary>
public class ProblemDetailsTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task malformed_json_is_400()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("{\"userName\": \"x\",").ToUrl("/api/auth/sign-in");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var problem = await result.Problem();
        problem["title"]!.GetValue<string>().ShouldBe("请求格式不正确");
        problem["code"]!.GetValue<string>().ShouldBe("malformed-json");
    }

    [Fact]
    public async Task a_wrong_field_type_is_400_naming_the_field()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("{\"userName\": {\"nested\": true}, \"password\": \"x\"}").ToUrl("/api/auth/sign-in");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var problem = await result.Problem();
        problem["detail"]!.GetValue<string>().ShouldContain("userName");
        problem["errors"]!["userName"].ShouldNotBeNull();
    }

    [Fact]
    public async Task field_validation_is_400_with_an_error_per_field()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = "", password = "" }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var problem = await result.Problem();
        problem["code"]!.GetValue<string>().ShouldBe("validation-failed");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["userName", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task no_credentials_is_401()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("unauthorized");
    }

    [Fact]
    public async Task the_wrong_role_is_403()
    {
        var reviewer = await Given.Reviewer("hefei.reviewer", "340100");
        var result = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Get.Url("/api/admin/accounts");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("forbidden");
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api")]
    [InlineData("/health/nothing")]
    public async Task an_unknown_route_is_404(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("not-found");
    }

    [Fact]
    public async Task a_wrong_method_is_405()
    {
        var result = await Host.Scenario(s =>
        {
            s.Delete.Url("/api/auth/me");
            s.StatusCodeShouldBe(HttpStatusCode.MethodNotAllowed);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("method-not-allowed");
    }

    [Fact]
    public async Task a_stale_version_is_409_and_nothing_is_written()
    {
        var (user, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        object Body(long version, string address) => new { version, address, contactName = "王五", contactPhone = "13912345678", contactEmail = "a@b.cn" };
        var updated = await Host.Scenario(s =>
        {
            s.As(user);
            s.Put.Json(Body(1, "新地址一")).ToUrl($"/api/organizations/{id}/contact");
            s.StatusCodeShouldBeOk();
        });
        (await updated.ReadAsJsonAsync<System.Text.Json.Nodes.JsonObject>())!["version"]!.GetValue<long>().ShouldBe(2);

        var conflict = await Host.Scenario(s =>
        {
            s.As(user);
            s.Put.Json(Body(1, "新地址二")).ToUrl($"/api/organizations/{id}/contact");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
        (await conflict.Problem())["code"]!.GetValue<string>().ShouldBe("stale-version");
        var org = await Given.Get<System.Text.Json.Nodes.JsonObject>(user, $"/api/organizations/{id}");
        org["address"]!.GetValue<string>().ShouldBe("新地址一");
    }

    [Fact]
    public async Task an_oversized_body_is_413()
    {
        var big = new string('a', 70_000);
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { userName = big, password = "x" }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBe(HttpStatusCode.RequestEntityTooLarge);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("payload-too-large");
    }

    [Fact]
    public async Task a_non_json_body_is_415()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("userName=x&password=y").ToUrl("/api/auth/sign-in");
            s.WithRequestHeader("Content-Type", "application/x-www-form-urlencoded");
            s.StatusCodeShouldBe(HttpStatusCode.UnsupportedMediaType);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("unsupported-media-type");
    }

    [Fact]
    public async Task a_broken_business_rule_is_422_naming_the_rule_with_a_chinese_message_and_a_stable_code()
    {
        await Given.Organization("first.org", "340200", "先登记的机构", 7);
        await Given.Account("second.org", Roles.Organization);
        var second = await Given.SignIn("second.org");
        var result = await Host.Scenario(s =>
        {
            s.As(second);
            s.Post.Json(Scenarios.RegisterBody("后登记的机构", "340200", 7)).ToUrl("/api/organizations");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        var problem = await result.Problem();
        var rule = problem["rules"]!.AsArray().ShouldHaveSingleItem()!;
        rule["ruleId"]!.GetValue<string>().ShouldBe("FIL-11");
        rule["code"]!.GetValue<string>().ShouldBe("organization.credit-code-taken");
        rule["message"]!.GetValue<string>().ShouldContain("统一社会信用代码");
        problem["detail"]!.GetValue<string>().ShouldContain("[FIL-11]");
    }

    [Fact]
    public async Task an_unexpected_failure_is_500_without_internals()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/test/unexpected-failure");
            s.StatusCodeShouldBe(HttpStatusCode.InternalServerError);
        });
        var text = await result.ReadAsTextAsync();
        text.ShouldNotContain("secret internal detail");
        text.ShouldNotContain("InvalidOperationException");
        text.ShouldNotContain(" at ");
        var problem = System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetBytes(text))!;
        problem["code"]!.GetValue<string>().ShouldBe("internal-error");
        problem["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }
}
