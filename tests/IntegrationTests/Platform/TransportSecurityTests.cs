using System.Net;
using Alba;
using Assessment.IntegrationTests.Infrastructure;

namespace Assessment.IntegrationTests.Platform;

public static class TransportSecurity
{
    /// <summary>The reverse proxy the test host trusts (Site:ForwardedProxies); TEST-NET-1, never contacted.</summary>
    public const string Proxy = "192.0.2.10";
}

/// <summary>
/// Issue 15 item 12: the cross-site guard compares scheme, host and port; answers that may carry personal data are
/// never stored by a cache; behind a configured TLS-terminating proxy the session cookie is Secure and HSTS is sent,
/// while the same headers from anyone else change nothing.
/// </summary>
public class TransportSecurityTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<(HttpStatusCode Status, string? Code)> WriteContact(Caller org, Guid id, string origin)
    {
        var body = new { version = 1, address = "芜湖市1号", contactName = "王五", contactPhone = "13912345678", contactEmail = "a@b.cn" };
        var result = await Host.Scenario(s =>
        {
            s.As(org);
            s.WithRequestHeader("Origin", origin);
            s.Put.Json(body).ToUrl($"/api/organizations/{id}/contact");
            s.IgnoreStatusCode();
        });
        var status = (HttpStatusCode)result.Context.Response.StatusCode;
        return (status, status == HttpStatusCode.Forbidden ? (await result.Problem())["code"]!.GetValue<string>() : null);
    }

    [Theory]
    [InlineData("https://localhost")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("https://localhost:80")]
    public async Task item_12_an_origin_with_another_scheme_host_or_port_is_cross_site(string origin)
    {
        var (org, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        (await WriteContact(org, id, origin)).ShouldBe((HttpStatusCode.Forbidden, "cross-site-request"));
    }

    [Fact]
    public async Task item_12_the_sites_own_origin_with_its_default_port_spelled_out_still_writes()
    {
        var (org, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        (await WriteContact(org, id, "http://localhost:80")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task item_12_answers_of_the_api_are_not_stored_by_caches_public_or_personal()
    {
        var (org, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        var own = await Host.Scenario(s =>
        {
            s.As(org);
            s.Get.Url($"/api/organizations/{id}");
            s.StatusCodeShouldBeOk();
        });
        own.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        var lookup = await Host.Scenario(s =>
        {
            s.Post.Json(new { idNumber = "420202199206150171", name = "张志强" }).ToUrl("/api/public/cases/lookup");
            s.IgnoreStatusCode();
        });
        lookup.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        var refused = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/organizations/{Guid.NewGuid()}");
            s.IgnoreStatusCode();
        });
        refused.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
    }

    private Task<IScenarioResult> SignInFrom(string address, string? forwardedProto) =>
        Host.Scenario(s =>
        {
            s.From(address);
            if (forwardedProto is not null) s.WithRequestHeader("X-Forwarded-Proto", forwardedProto);
            s.Post.Json(new { userName = AppFixture.AdminUserName, password = AppFixture.AdminPassword }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBeOk();
        });

    [Fact]
    public async Task item_12_behind_the_configured_proxy_on_https_the_cookie_is_secure_and_hsts_is_sent()
    {
        var result = await SignInFrom(TransportSecurity.Proxy, "https");
        var cookie = result.Context.Response.Headers.SetCookie.ToString();
        cookie.ShouldStartWith("assessment.auth=");
        cookie.ToLowerInvariant().ShouldContain("; secure");
        cookie.ToLowerInvariant().ShouldContain("httponly");
        result.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000");
    }

    [Fact]
    public async Task item_12_x_forwarded_proto_from_anyone_but_the_configured_proxy_changes_nothing()
    {
        var result = await SignInFrom("198.51.100.7", "https");
        result.Context.Response.Headers.SetCookie.ToString().ToLowerInvariant().ShouldNotContain("; secure");
        result.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldBeEmpty();
        var plain = await SignInFrom(TransportSecurity.Proxy, null);
        plain.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldBeEmpty();
    }
}
