using System.Text;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// A table of bad bodies and query values sent to every operation the OpenAPI document lists, as every kind of caller,
/// against unknown and real objects: nothing answers 5xx, and every refusal is ProblemDetails. New endpoints are covered
/// by being in the document.
/// </summary>
public partial class BadInputTableTests(AppFixture app) : IntegrationTest(app)
{
    private static readonly string[] RawBodies =
    [
        "null", "[]", "\"text\"", "1", "true", "{}", "{", "{\"version\":\"1\"}", "{\"unknownField\":1}", "{\"version\":-1}",
        "{\"version\":9223372036854775807}", "{\"version\":1e400}", new string('[', 2000) + new string(']', 2000),
        "{\"version\":1,\"version\":2}", "\"\\u0000\"",
    ];

    private static readonly string[] QueryValues = ["%00", "Nope", "-1", "0", "99999999999999999999", "%27%20OR%201%3D1%20--", new string('x', 3000), "%E2%80%AE"];

    private sealed record Operation(string Method, string Path, JsonObject Definition);

    private async Task<(JsonObject Document, List<Operation> Operations)> Document()
    {
        var document = await Given.Get<JsonObject>(Caller.Anonymous, "/swagger/v1/swagger.json");
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => new Operation(m.Key.ToUpperInvariant(), p.Key, m.Value!.AsObject())))
            .ToList();
        operations.Count.ShouldBeGreaterThan(40);
        return (document, operations);
    }

    private async Task<List<Caller>> Callers()
    {
        var (organization, _) = await Given.Organization("table.org", "340200", "芜湖表格机构");
        await Given.Account("table.expert", Roles.Expert, "340000");
        await Given.Account("table.auditor", Roles.Auditor);
        await Given.Account("table.inspector", Roles.Inspector, "340200");
        return
        [
            Caller.Anonymous, await Given.Admin(), await Given.Reviewer("table.reviewer", "340200"), organization,
            await Given.SignIn("table.expert"), await Given.SignIn("table.auditor"), await Given.SignIn("table.inspector"),
        ];
    }

    private async Task<string?> Send(Caller caller, string method, string url, string? json, string? contentType = "application/json")
    {
        var (_, failure, _) = await Answer(caller, method, url, json, contentType);
        return failure;
    }

    /// <summary>The status, a failure if the answer is a 5xx or a refusal without ProblemDetails, and the ProblemDetails (if any).</summary>
    private async Task<(int Status, string? Failure, JsonObject? Problem)> Answer(Caller caller, string method, string url, string? json,
        string? contentType = "application/json")
    {
        var result = await Host.Scenario(s =>
        {
            s.As(caller);
            s.ConfigureHttpContext(c =>
            {
                c.Request.Method = method;
                var query = url.IndexOf('?');
                c.Request.Path = query < 0 ? url : url[..query];
                if (query >= 0) c.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(url[query..]);
                if (json is not null)
                {
                    var bytes = Encoding.UTF8.GetBytes(json);
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                    c.Request.ContentType = contentType;
                }
            });
            s.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        if (status >= 500) return (status, $"{status} {method} {url} as {caller.UserName} with {Shorten(json)}: {await result.ReadAsTextAsync()}", null);
        if (status < 400) return (status, null, null);
        if (result.Context.Response.ContentType?.StartsWith("application/problem+json") != true)
            return (status, $"{status} without ProblemDetails: {method} {url} as {caller.UserName} with {Shorten(json)}", null);
        return (status, null, JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject());
    }

    private static string? Shorten(string? s) => s is { Length: > 60 } ? s[..60] + "…" : s;

    private static string Fill(string path, IReadOnlyDictionary<string, string> ids) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}]+)\}", m => ids.TryGetValue(m.Groups[1].Value, out var id) ? id : Guid.NewGuid().ToString());

    /// <summary>Bodies shaped like the operation's schema, but with every value null, holding NUL, or of the wrong type.</summary>
    private static IEnumerable<string> ShapedBodies(JsonObject document, JsonObject operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();
        if (schema is null) yield break;
        foreach (var variant in new[] { "null", "nul", "wrong" })
            yield return Shape(document, schema, variant, 0)?.ToJsonString() ?? "{}";
    }

    private static JsonNode? Shape(JsonObject document, JsonObject schema, string variant, int depth)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            schema = document["components"]!["schemas"]![reference.Split('/').Last()]!.AsObject();
        if (depth > 4) return null;
        var type = schema["type"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonArray a => a.Select(x => x!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            _ => schema["properties"] is not null ? "object" : schema["enum"] is not null ? "string" : null,
        };
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                    result[name] = variant == "null" && depth == 0 ? null : Shape(document, property!.AsObject(), variant, depth + 1);
                return result;
            case "array":
                return new JsonArray(schema["items"] is JsonObject items ? Shape(document, items, variant, depth + 1) : null);
            case "string":
                return variant switch { "nul" => "x\u0000y", "wrong" => new JsonObject { ["nested"] = true }, _ => null };
            case "integer" or "number":
                return variant == "wrong" ? "12" : JsonValue.Create(-1);
            case "boolean":
                return variant == "wrong" ? "yes" : JsonValue.Create(false);
            default:
                return null;
        }
    }

    [Fact]
    public async Task no_json_endpoint_answers_5xx_to_bad_bodies_from_any_caller_on_unknown_objects()
    {
        var (document, operations) = await Document();
        var callers = await Callers();
        var failures = new List<string>();
        foreach (var op in operations.Where(o => o.Definition["requestBody"]?["content"]?["application/json"] is not null))
        {
            var url = Fill(op.Path, new Dictionary<string, string>());
            foreach (var caller in callers)
            foreach (var body in RawBodies.Concat(ShapedBodies(document, op.Definition)))
                if (await Send(caller, op.Method, url, body) is { } failure) failures.Add(failure);
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task no_json_endpoint_answers_5xx_to_bad_bodies_on_real_objects()
    {
        var (document, operations) = await Document();
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "tb").Participants();
        var granted = await journey.ToGrant();
        var second = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "tc").Participants(serial: 2);
        await second.Draft();
        await second.Submit();
        await second.Accept();
        await second.AssignExpert();
        var ids = new Dictionary<string, string>
        {
            ["applicationId"] = second.ApplicationId.ToString(), ["filingId"] = granted["filingId"]!.ToString(), ["noticeId"] = journey.NoticeId.ToString(),
            ["organizationId"] = journey.OrganizationId.ToString(), ["materialId"] = second.Application["materials"]![0]!["id"]!.ToString(),
            ["layerId"] = "national", ["jurisdiction"] = "anhui", ["id"] = second.ApplicationId.ToString(), ["accountId"] = journey.ExpertId.ToString(),
        };
        var callers = new[] { journey.Reviewer, second.Organization, second.Expert, await Given.Admin() };
        var failures = new List<string>();
        foreach (var op in operations.Where(o => o.Definition["requestBody"]?["content"]?["application/json"] is not null))
        {
            var url = Fill(op.Path, ids);
            foreach (var caller in callers)
            foreach (var body in RawBodies.Concat(ShapedBodies(document, op.Definition)))
                if (await Send(caller, op.Method, url, body) is { } failure) failures.Add(failure);
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task no_endpoint_answers_5xx_to_bad_query_or_path_values_or_to_a_body_of_the_wrong_kind()
    {
        var (_, operations) = await Document();
        var callers = await Callers();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var parameters = op.Definition["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
            var query = parameters.Where(p => p["in"]!.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList();
            foreach (var caller in callers)
            {
                foreach (var value in QueryValues)
                {
                    var url = Fill(op.Path, new Dictionary<string, string>()) + (query.Count > 0 ? "?" + string.Join("&", query.Select(q => $"{q}={value}")) : "");
                    if (await Send(caller, op.Method, url, op.Method == "GET" ? null : "{}") is { } failure) failures.Add(failure);
                }
                var badPath = System.Text.RegularExpressions.Regex.Replace(op.Path, @"\{[^}]+\}", "not-an-id");
                if (await Send(caller, op.Method, badPath, op.Method == "GET" ? null : "{}") is { } f1) failures.Add(f1);
                if (op.Method != "GET" && await Send(caller, op.Method, Fill(op.Path, new Dictionary<string, string>()), "a=1&b=2", "application/x-www-form-urlencoded") is { } f2)
                    failures.Add(f2);
            }
        }
        failures.ShouldBeEmpty();
    }
}
