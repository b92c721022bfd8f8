using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Platform;

public class HealthTests(AppFixture app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task health_endpoints_answer_healthy_without_credentials(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        (await result.ReadAsJsonAsync<JsonObject>())!["status"]!.GetValue<string>().ShouldBe("Healthy");
    }

    [Fact]
    public async Task ready_checks_the_database_and_event_store()
    {
        var body = await Given.Get<JsonObject>(Caller.Anonymous, "/health/ready");
        body["checks"]!.AsArray().ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("database");
    }
}

public class OpenApiTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<JsonObject> Document() => await Given.Get<JsonObject>(Caller.Anonymous, "/swagger/v1/swagger.json");

    [Fact]
    public async Task the_document_covers_every_api_endpoint()
    {
        var doc = await Document();
        var documented = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))
            .ToHashSet();
        var endpoints = Host.Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            // endpoints deliberately kept out of the public contract (test-only ones) say so in their metadata
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/")
                        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(20);
        endpoints.Where(e => !documented.Contains(e)).ShouldBeEmpty();
    }

    [Fact]
    public async Task both_auth_schemes_are_documented_and_secured_operations_require_them()
    {
        var doc = await Document();
        var schemes = doc["components"]!["securitySchemes"]!.AsObject();
        schemes["cookie"]!["in"]!.GetValue<string>().ShouldBe("cookie");
        schemes["apiKey"]!["name"]!.GetValue<string>().ShouldBe("X-Api-Key");
        var me = doc["paths"]!["/api/auth/me"]!["get"]!;
        me["security"]!.AsArray().Count.ShouldBe(2);
        me["responses"]!["401"]!["content"]!["application/problem+json"].ShouldNotBeNull();
        doc["paths"]!["/api/auth/sign-in"]!["post"]!["security"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task problem_responses_and_nodatime_and_enums_are_described()
    {
        var doc = await Document();
        var register = doc["paths"]!["/api/organizations"]!["post"]!["responses"]!.AsObject();
        register.Select(r => r.Key).ShouldBeSubsetOf(["201", "400", "401", "403", "409", "413", "415", "422", "500"]);
        register.ContainsKey("400").ShouldBeTrue();
        register.ContainsKey("500").ShouldBeTrue();

        var schemas = doc["components"]!["schemas"]!.AsObject();
        var organization = schemas.Single(s => s.Key == "Filing.Organization").Value!;
        organization["properties"]!["registeredAt"]!["type"]!.GetValue<string>().ShouldBe("string");
        organization["properties"]!["registeredAt"]!["format"]!.GetValue<string>().ShouldBe("date-time");
        var nature = schemas.Single(s => s.Key.EndsWith("OrganizationNature")).Value!;
        nature["type"]!.GetValue<string>().ShouldBe("string");
        nature["enum"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldContain("TechnicalSchool");
        var calendar = schemas.Single(s => s.Key.EndsWith("AddWorkingDaysAnswer")).Value!;
        calendar["properties"]!["result"]!["format"]!.GetValue<string>().ShouldBe("date");
    }

    [Fact]
    public async Task every_operation_says_what_its_success_answer_carries()
    {
        var doc = await Document();
        var vague = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Name: $"{m.Key.ToUpperInvariant()} {p.Key}", Responses: m.Value!["responses"]!.AsObject())))
            .Where(o =>
            {
                var successes = o.Responses.Where(r => r.Key.StartsWith('2')).ToList();
                // a body-less success must be an explicit 204; any other success says what it returns
                return successes.Count == 0 || successes.Any(r => r.Key != "204" && r.Value!["content"] is null);
            })
            .Select(o => o.Name)
            .ToList();
        vague.ShouldBeEmpty();
    }

    /// <summary>
    /// The SPA's API client is generated from client/openapi.json; this keeps that file equal to what the API serves.
    /// Set UPDATE_OPENAPI=1 to rewrite it, then run `npm run generate-api` in client/.
    /// </summary>
    [Fact]
    public async Task the_client_openapi_snapshot_matches_the_served_document()
    {
        var served = (await Document()).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var path = Path.Combine(RepoRoot(), "client", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(path, served + "\n");
        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests with UPDATE_OPENAPI=1");
        (await File.ReadAllTextAsync(path)).TrimEnd().ShouldBe(served.TrimEnd(),
            "client/openapi.json is stale: run `UPDATE_OPENAPI=1 dotnet test tests/IntegrationTests --filter the_client_openapi_snapshot` and `npm run generate-api` in client/");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Assessment.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
