using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Values;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>A signed-in caller: the cookie the SPA would hold, or an API key.</summary>
/// <summary>
/// Who calls: the credential header, and the purpose it states for reading personal data (AUD-04; review unless a test says
/// otherwise — <c>caller with { Purpose = null }</c> sends none).
/// </summary>
public sealed record Caller(string Header, string Value, string UserName)
{
    public static readonly Caller Anonymous = new("", "", "public");

    public string? Purpose { get; init; } = "review";

    public string? PurposeNote { get; init; }
}

/// <summary>Builds state through the public API, as a user would.</summary>
public sealed class Scenarios(IAlbaHost host)
{
    public const string Password = "Test@Pass2026";

    public async Task<Caller> SignIn(string userName, string password = Password)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { userName, password }).ToUrl("/api/auth/sign-in");
            s.StatusCodeShouldBeOk();
        });
        var cookie = result.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        cookie.ShouldStartWith("assessment.auth=");
        return new Caller("Cookie", cookie, userName);
    }

    public Task<Caller> Admin() => SignIn(AppFixture.AdminUserName, AppFixture.AdminPassword);

    public async Task<Guid> Account(string userName, string role, string? authority = null, Guid? organizationId = null)
    {
        var admin = await Admin();
        var result = await host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { userName, displayName = userName, role, authorityCode = authority, organizationId, password = Password })
                .ToUrl("/api/admin/accounts");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return (await result.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
    }

    /// <summary>
    /// An administrator loads one year of a calendar layer (source 测试用通知), as the SPA's 工作日历 page does: a regional layer
    /// (guangxi) that has loaded any year counts a date only in a year it has loaded, so tests with Guangxi deadlines load theirs.
    /// </summary>
    public async Task CalendarYear(string layerId, int year, string[]? off = null, string[]? work = null)
    {
        var admin = await Admin();
        await host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(new { year, off = off ?? [], work = work ?? [], source = "测试用通知" }).ToUrl($"/api/admin/calendar/{layerId}/years");
            s.StatusCodeShouldBeOk();
        });
    }

    /// <summary>The Guangxi layer's years the tests' clock reaches (2026 and 2027), without regional holidays.</summary>
    public async Task GuangxiCalendar(params int[] years)
    {
        foreach (var y in years.Length == 0 ? [2026, 2027] : years) await CalendarYear("guangxi", y);
    }

    /// <summary>A reviewer bound to an authority, signed in.</summary>
    public async Task<Caller> Reviewer(string userName, string authority)
    {
        await Account(userName, Roles.Reviewer, authority);
        return await SignIn(userName);
    }

    /// <summary>An organization user who has registered its organization in the given area.</summary>
    public async Task<(Caller User, Guid OrganizationId)> Organization(string userName, string areaCode, string name, int serial = 1,
        string category = "Y", string nature = nameof(OrganizationNature.Enterprise))
    {
        await Account(userName, Roles.Organization);
        var user = await SignIn(userName);
        var me = await Get<JsonObject>(user, "/api/auth/me");
        var orgId = me["organizationId"]!.GetValue<Guid>();
        await host.Scenario(s =>
        {
            s.As(user);
            s.Post.Json(RegisterBody(name, areaCode, serial, category, nature)).ToUrl("/api/organizations");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return (user, orgId);
    }

    public static object RegisterBody(string name, string areaCode, int serial = 1, string category = "Y",
        string nature = nameof(OrganizationNature.Enterprise)) => new
    {
        name,
        creditCode = CreditCode(areaCode, serial),
        nature,
        category,
        areaCode,
        address = "测试地址1号",
        legalRepresentative = "张三",
        contactName = "李四",
        contactPhone = "13912345678",
        contactEmail = "contact@example.cn",
    };

    public static string CreditCode(string division, int serial)
    {
        var first17 = $"91{division}MA{serial:D7}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>Posts one FIL-10 material as the SPA does (multipart/form-data: version, item, file).</summary>
    public Task<IScenarioResult> UploadMaterial(Caller organization, Guid applicationId, long version, int item, string fileName, byte[] content,
        string contentType = "application/pdf", HttpStatusCode status = HttpStatusCode.OK)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(version.ToString()), "version" },
            { new StringContent(item.ToString()), "item" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return host.Scenario(s =>
        {
            s.As(organization);
            s.Post.MultipartFormData(form).ToUrl($"/api/filing/applications/{applicationId}/materials");
            s.StatusCodeShouldBe(status);
        });
    }

    /// <summary>Uploads a PDF for each FIL-10 material item (1–6); returns the application's new version.</summary>
    public async Task<long> Materials(Caller organization, Guid applicationId, long version, params int[] items)
    {
        foreach (var item in items.Length == 0 ? [1, 2, 3, 4, 5, 6] : items)
        {
            var result = await UploadMaterial(organization, applicationId, version, item, $"材料{item}.pdf", FilingJourney.Pdf);
            version = (await result.ReadAsJsonAsync<JsonObject>())!["version"]!.GetValue<long>();
        }
        return version;
    }

    public async Task<T> Get<T>(Caller caller, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.As(caller);
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }
}

public static class ScenarioExtensions
{
    /// <summary>Sends the request from one fixed client address (for tests of the per-client limits).</summary>
    public static void From(this Scenario scenario, string address) =>
        scenario.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address));

    public static void As(this Scenario scenario, Caller caller)
    {
        if (caller.Header.Length > 0) scenario.WithRequestHeader(caller.Header, caller.Value);
        if (caller.Purpose is { } purpose) scenario.WithRequestHeader("X-Read-Purpose", purpose);
        if (caller.PurposeNote is { } note) scenario.WithRequestHeader("X-Read-Purpose-Note", Uri.EscapeDataString(note));
    }

    public static async Task<JsonObject> Problem(this IScenarioResult result)
    {
        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        var body = JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
        body["status"]!.GetValue<int>().ShouldBe(result.Context.Response.StatusCode);
        body["traceId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body["code"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        return body;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
