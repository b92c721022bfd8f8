using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// What the platform promises of every request, whichever module serves it: no 500 for bad input, strict JSON, no
/// cross-site writes with the session cookie, no business writes by read-only accounts, security headers everywhere.
/// </summary>
public partial class RequestSafetyTests(AppFixture app) : IntegrationTest(app)
{
    private Task<IScenarioResult> PostRaw(string url, string body, HttpStatusCode status, Caller? caller = null) =>
        Host.Scenario(s =>
        {
            if (caller is not null) s.As(caller);
            s.Post.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(status);
        });

    private static async Task<string[]> Fields(IScenarioResult result) =>
        (await result.Problem())["errors"]!.AsObject().Select(e => e.Key).ToArray();

    [Fact]
    public async Task a_null_body_is_400_not_500_also_for_anonymous_sign_in()
    {
        var problem = await (await PostRaw("/api/auth/sign-in", "null", HttpStatusCode.BadRequest)).Problem();
        problem["code"]!.GetValue<string>().ShouldBe("null-body");
        problem["title"]!.GetValue<string>().ShouldBe("请求格式不正确");
    }

    [Fact]
    public async Task a_draft_without_its_fields_or_with_every_field_null_is_400_naming_them()
    {
        var (org, _) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        (await Fields(await PostRaw("/api/filing/applications", "{}", HttpStatusCode.BadRequest, org)))
            .ShouldBe(["jurisdiction", "scope"], ignoreOrder: true);
        (await Fields(await PostRaw("/api/filing/applications", """{"jurisdiction":null,"scope":null,"kind":null,"filingId":null}""",
            HttpStatusCode.BadRequest, org))).ShouldContain("jurisdiction");
        (await Fields(await PostRaw("/api/filing/applications", """{"jurisdiction":"anhui"}""", HttpStatusCode.BadRequest, org)))
            .ShouldBe(["scope"]);
    }

    [Fact]
    public async Task json_binding_is_strict_a_number_as_a_string_an_unknown_field_or_a_missing_version_is_400_naming_the_field()
    {
        var (org, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        var url = $"/api/organizations/{id}/contact";
        const string contact = "\"address\":\"芜湖市1号\",\"contactName\":\"王五\",\"contactPhone\":\"13912345678\",\"contactEmail\":\"a@b.cn\"";
        async Task<string[]> Put(string body) => await Fields(await Host.Scenario(s =>
        {
            s.As(org);
            s.Put.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        }));
        (await Put($$"""{"version":"1",{{contact}}}""")).ShouldBe(["version"]);
        (await Put($$"""{"version":1,"isAdmin":true,{{contact}}}""")).ShouldBe(["isAdmin"]);
        (await Put($$"""{{{contact}}}""")).ShouldBe(["version"]);
        (await Put($$"""{"version":1,"version":2,{{contact}}}""")).ShouldBe(["version"]);
    }

    [Fact]
    public async Task an_unknown_enum_value_in_the_query_is_400_in_chinese_naming_the_parameter()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/notices?kind=Nope");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        var problem = await result.Problem();
        problem["detail"]!.GetValue<string>().ShouldBe("参数“kind”的值无效。");
        problem["errors"]!["kind"].ShouldNotBeNull();
        problem.ToJsonString().ShouldNotContain("NoticeKind");
    }

    [Theory]
    [InlineData("/api/directory?name=%00", "name")]
    [InlineData("/api/directory/export?name=a%00b", "name")]
    [InlineData("/api/notices?q=%00", "q")]
    public async Task a_nul_character_in_a_query_is_400_naming_it(string url, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await Fields(result)).ShouldBe([field]);
    }

    [Fact]
    public async Task a_nul_character_in_a_signed_in_query_a_user_name_or_an_objection_is_400_naming_the_field()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var search = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Get.Url("/api/organizations?name=%00");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await Fields(search)).ShouldBe(["name"]);
        (await Fields(await PostRaw("/api/auth/sign-in", """{"userName":"admin\u0000","password":"x"}""", HttpStatusCode.BadRequest)))
            .ShouldBe(["userName"]);

        var notice = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { kind = "FilingPublicity", subject = "公示", body = "正文" }).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await notice.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        (await Fields(await PostRaw($"/api/notices/{id}/objections",
            """{"name":"张先生","phone":"13800001111","content":"该机构实际不具备视频监控设备\u0000，请核实。"}""", HttpStatusCode.BadRequest)))
            .ShouldBe(["content"]);
    }

    [Fact]
    public async Task an_objection_to_a_notice_that_does_not_exist_is_404()
    {
        foreach (var id in new[] { Guid.Empty, Guid.NewGuid() })
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(new { name = "张先生", phone = "13800001111", content = "该机构实际不具备视频监控设备，请核实。" })
                    .ToUrl($"/api/notices/{id}/objections");
                s.StatusCodeShouldBe(HttpStatusCode.NotFound);
            });
            (await result.Problem())["code"]!.GetValue<string>().ShouldBe("not-found");
            if (id != Guid.Empty) (await result.Problem())["detail"]!.GetValue<string>().ShouldBe("公告不存在或您无权查看。");
        }
    }

    [Fact]
    public async Task an_unknown_api_route_is_404_for_every_method_and_a_known_one_with_the_wrong_method_405()
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            var result = await Host.Scenario(s =>
            {
                s.ConfigureHttpContext(c =>
                {
                    c.Request.Method = method.Method;
                    c.Request.Path = "/api/no-such-route";
                });
                s.StatusCodeShouldBe(HttpStatusCode.NotFound);
            });
            (await result.Problem())["code"]!.GetValue<string>().ShouldBe("not-found");
        }
    }

    [Fact]
    public async Task the_testing_clock_is_not_mapped_outside_end_to_end_servers_so_it_cannot_be_fingerprinted()
    {
        var admin = await Given.Admin();
        foreach (var caller in new[] { admin, Caller.Anonymous })
        {
            await Host.Scenario(s =>
            {
                s.As(caller);
                s.Post.Json(new { days = 8 }).ToUrl("/api/testing/clock");
                s.StatusCodeShouldBe(HttpStatusCode.NotFound);
            });
        }
    }

    [Fact]
    public async Task a_cookie_authenticated_write_from_another_site_is_refused_whatever_its_content_type()
    {
        var (org, id) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        var body = new { version = 1, address = "芜湖市1号", contactName = "王五", contactPhone = "13912345678", contactEmail = "a@b.cn" };
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Referer", "https://evil.example/page"), ("Sec-Fetch-Site", "cross-site") })
        {
            var refused = await Host.Scenario(s =>
            {
                s.As(org);
                s.WithRequestHeader(header, value);
                s.Put.Json(body).ToUrl($"/api/organizations/{id}/contact");
                s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
            });
            (await refused.Problem())["code"]!.GetValue<string>().ShouldBe("cross-site-request");
        }
        var journeyForm = new MultipartFormDataContent { { new StringContent("1"), "version" }, { new StringContent("1"), "item" } };
        await Host.Scenario(s =>
        {
            s.As(org);
            s.WithRequestHeader("Origin", "https://evil.example");
            s.Post.MultipartFormData(journeyForm).ToUrl($"/api/filing/applications/{Guid.NewGuid()}/materials");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });

        // the site's own pages write as before
        await Host.Scenario(s =>
        {
            s.As(org);
            s.WithRequestHeader("Origin", "http://localhost");
            s.Put.Json(body).ToUrl($"/api/organizations/{id}/contact");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task an_api_key_call_is_not_a_browser_request_and_is_unaffected_by_a_foreign_origin()
    {
        var admin = await Given.Admin();
        var issued = await Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { name = "芜湖市政务平台", authorityCode = "340200", scopes = new[] { "directory:read" } }).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var key = (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>();
        // a write the key may not do: refused by its scope/role (403), not by the cross-site guard
        var result = await Host.Scenario(s =>
        {
            s.WithRequestHeader("X-Api-Key", key);
            s.WithRequestHeader("Origin", "https://elsewhere.example");
            s.Post.Json(new { kind = "FilingPublicity", subject = "公示", body = "正文" }).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await result.Problem())["code"]!.GetValue<string>().ShouldBe("forbidden");
    }

    [Fact]
    public async Task an_auditor_makes_no_business_writes_even_anonymous_ones_but_manages_its_own_session()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var notice = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { kind = "FilingPublicity", subject = "公示", body = "正文" }).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await notice.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        await Given.Account("the.auditor", Roles.Auditor);
        var auditor = await Given.SignIn("the.auditor");
        var refused = await Host.Scenario(s =>
        {
            s.As(auditor);
            s.Post.Json(new { name = "审计", phone = "13800001111", content = "该机构实际不具备视频监控设备，请核实。" }).ToUrl($"/api/notices/{id}/objections");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        (await refused.Problem())["code"]!.GetValue<string>().ShouldBe("read-only-account");

        await Host.Scenario(s =>
        {
            s.As(auditor);
            s.Post.Json(new { currentPassword = Scenarios.Password, newPassword = "Audit@New2026" }).ToUrl("/api/auth/password");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });
        await Given.SignIn("the.auditor", "Audit@New2026");
    }

    [Fact]
    public async Task every_answer_carries_the_security_headers()
    {
        foreach (var url in new[] { "/api/policies", "/api/no-such-route", "/health/live" })
        {
            var result = await Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.IgnoreStatusCode();
            });
            var headers = result.Context.Response.Headers;
            headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
            headers.ContentSecurityPolicy.ToString().ShouldContain("default-src 'self'");
            headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
            headers.XFrameOptions.ToString().ShouldBe("DENY");
            headers["Referrer-Policy"].ToString().ShouldBe("same-origin");
        }
    }

    [Fact]
    public async Task a_malformed_or_truncated_multipart_body_is_400_not_500_once_access_is_decided()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "mp").Participants();
        var org = journey.Organization;
        var created = await journey.Send(org, "/api/filing/applications", new { jurisdiction = "anhui", scope = "city" }, HttpStatusCode.Created);
        var url = $"/api/filing/applications/{created["value"]!.GetValue<Guid>()}/materials";
        // access first: an application the caller cannot see is 404 whatever the body, before the body is read
        await Host.Scenario(s =>
        {
            s.As(org);
            s.Post.ByteArray("--b\r\nno headers here\r\n--b--"u8.ToArray()).ToUrl($"/api/filing/applications/{Guid.NewGuid()}/materials");
            s.WithRequestHeader("Content-Type", "multipart/form-data; boundary=b");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        foreach (var body in new[]
                 {
                     "--b\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 trunc",
                     "this is not multipart at all",
                     "--b\r\nno headers here\r\n--b--",
                 })
        {
            var result = await Host.Scenario(s =>
            {
                s.As(org);
                s.Post.ByteArray(Encoding.UTF8.GetBytes(body)).ToUrl(url);
                s.WithRequestHeader("Content-Type", "multipart/form-data; boundary=b");
                s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
            });
            (await result.Problem())["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task the_public_write_limit_throttles_one_client_lodging_objections_with_429_and_retry_after()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var notice = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { kind = "FilingPublicity", subject = "公示", body = "正文" }).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        var id = (await notice.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        var statuses = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            var result = await Host.Scenario(s =>
            {
                s.From("192.0.2.77");
                s.Post.Json(new { name = $"公众{i}", phone = "13800001111", content = "该机构实际不具备视频监控设备，请核实。" }).ToUrl($"/api/notices/{id}/objections");
                s.IgnoreStatusCode();
            });
            statuses.Add(result.Context.Response.StatusCode);
            if (result.Context.Response.StatusCode == 429)
            {
                (await result.Problem())["code"]!.GetValue<string>().ShouldBe("too-many-requests");
                result.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeNullOrEmpty();
            }
        }
        statuses.Take(10).ShouldAllBe(s => s == 200);
        statuses.Last().ShouldBe(429);
        // another client is not affected
        await Host.Scenario(s =>
        {
            s.From("192.0.2.78");
            s.Post.Json(new { name = "另一位公众", phone = "13800001111", content = "该机构实际不具备视频监控设备，请核实。" }).ToUrl($"/api/notices/{id}/objections");
            s.StatusCodeShouldBeOk();
        });
    }
}
