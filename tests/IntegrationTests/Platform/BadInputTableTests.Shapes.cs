using System.Text.Json.Nodes;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// Issue 15, items 4, 5 and 7: shapes that are clearly invalid must be refused at binding (400 naming the field), not
/// reach an endpoint: null inside an array, an enum as a number, an extreme page; and a malformed multipart body is a 4xx.
/// </summary>
public partial class BadInputTableTests
{
    private static readonly (string Label, string ContentType, string Body)[] MalformedMultipart =
    [
        ("bad boundary", "multipart/form-data; boundary=expected",
            "--other\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--other--\r\n"),
        ("truncated part", "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 trunc"),
        ("no boundary", "multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"version\"\r\n\r\n1\r\n--b--\r\n"),
    ];

    /// <summary>Where in a body an array or an enum sits: the path segments (names and indexes) and how errors name it.</summary>
    private sealed record Site(IReadOnlyList<object> Segments, bool IsArray)
    {
        public string Field => string.Concat(Segments.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? $"{s}" : $".{s}"));
    }

    private static JsonObject Resolve(JsonObject document, JsonObject schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference ? document["components"]!["schemas"]![reference.Split('/').Last()]!.AsObject() : schema;

    /// <summary>A body that binds: every property with a value of its type; records each array (whose items may not be null) and enum.</summary>
    private static JsonNode? Valid(JsonObject document, JsonObject schema, List<object> at, List<Site> sites)
    {
        schema = Resolve(document, schema);
        if (at.Count > 6) return null;
        if (schema["enum"] is JsonArray values)
        {
            sites.Add(new Site(at.ToList(), false));
            return values[0]!.DeepClone();
        }
        var type = schema["type"] switch
        {
            JsonValue v => v.GetValue<string>(),
            JsonArray a => a.Select(x => x!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            _ => schema["properties"] is not null ? "object" : null,
        };
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                    result[name] = Valid(document, property!.AsObject(), [.. at, name], sites);
                return result;
            case "array":
                if (schema["items"] is not JsonObject items) return new JsonArray();
                if (Resolve(document, items)["nullable"]?.GetValue<bool>() != true) sites.Add(new Site(at.ToList(), true));
                return new JsonArray(Valid(document, items, [.. at, 0], sites));
            case "string":
                return schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => Guid.NewGuid().ToString(), "date" => "2026-06-01", "date-time" => "2026-06-01T00:00:00Z", _ => "x",
                };
            case "integer" or "number":
                return 1;
            case "boolean":
                return false;
            default:
                return null;
        }
    }

    private static string With(JsonNode body, Site site, JsonNode? value)
    {
        var copy = body.DeepClone();
        var parent = copy;
        foreach (var segment in site.Segments.SkipLast(1)) parent = segment is int i ? parent![i] : parent![(string)segment];
        if (site.Segments[^1] is int index) parent!.AsArray()[index] = value;
        else parent!.AsObject()[(string)site.Segments[^1]] = value;
        return copy.ToJsonString();
    }

    /// <summary>For each array of an operation's body, the body with [null] there; for each enum, a number, a numeric string and -1.</summary>
    private static IEnumerable<(string Body, string Field)> ClearlyInvalidBodies(JsonObject document, JsonObject operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();
        if (schema is null) yield break;
        var sites = new List<Site>();
        if (Valid(document, schema, [], sites) is not { } body || sites.Count == 0) yield break;
        foreach (var site in sites)
        {
            if (site.IsArray) yield return (With(body, site, new JsonArray((JsonNode?)null)), site.Field + "[0]");
            else
                foreach (var number in new JsonNode[] { 1, "1", -1 })
                    yield return (With(body, site, number), site.Field);
        }
    }

    /// <summary>A clear refusal: 400 naming <paramref name="field"/>, or a refusal of the caller (401/403) before binding.</summary>
    private static string? RefusedNaming(int status, JsonObject? problem, string field, string what) => status switch
    {
        400 when problem?["errors"]?.AsObject().ContainsKey(field) == true => null,
        401 or 403 => null,
        _ => $"{status} instead of 400 naming '{field}': {what} {problem?["errors"]?.ToJsonString()}",
    };

    [Fact]
    public async Task issue_15_item_4_and_7_nulls_in_arrays_and_numeric_enums_in_every_body_are_400_naming_the_field()
    {
        var (document, operations) = await Document();
        var callers = await Callers();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var url = Fill(op.Path, new Dictionary<string, string>());
            foreach (var (body, field) in ClearlyInvalidBodies(document, op.Definition))
            foreach (var caller in callers)
            {
                var (status, failure, problem) = await Answer(caller, op.Method, url, body);
                var refusal = failure ?? RefusedNaming(status, problem, field, $"{op.Method} {url} as {caller.UserName} with {body}");
                if (refusal is not null) failures.Add(refusal);
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task issue_15_item_5_and_7_extreme_pages_and_numeric_enums_in_every_query_are_refused_and_never_5xx()
    {
        var (document, operations) = await Document();
        var callers = await Callers();
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var url = Fill(op.Path, new Dictionary<string, string>());
            var parameters = op.Definition["parameters"]?.AsArray().Select(p => p!.AsObject())
                .Where(p => p["in"]!.GetValue<string>() == "query").ToList() ?? [];
            var clearlyInvalid = parameters.Where(p => Resolve(document, p["schema"]!.AsObject())["enum"] is not null)
                .SelectMany(p => new[] { "1", "-1" }.Select(v => (Name: p["name"]!.GetValue<string>(), Value: v))).ToList();
            var tolerated = new List<(string Name, string Value)>();
            if (parameters.Any(p => p["name"]!.GetValue<string>() == "page"))
            {
                clearlyInvalid.Add(("page", "2147483647"));
                tolerated.AddRange([("page", "-1"), ("pageSize", "2147483647")]);
            }
            foreach (var caller in callers)
            {
                foreach (var (name, value) in clearlyInvalid)
                {
                    var (status, failure, problem) = await Answer(caller, op.Method, $"{url}?{name}={value}", null);
                    var refusal = failure ?? RefusedNaming(status, problem, name, $"{op.Method} {url}?{name}={value} as {caller.UserName}");
                    if (refusal is not null) failures.Add(refusal);
                }
                foreach (var (name, value) in tolerated)
                    if ((await Answer(caller, op.Method, $"{url}?{name}={value}", null)).Failure is { } f) failures.Add(f);
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task issue_15_every_multipart_endpoint_refuses_a_malformed_body_with_a_4xx_problem()
    {
        var (_, operations) = await Document();
        var callers = await Callers();
        var failures = new List<string>();
        foreach (var op in operations.Where(o => o.Definition["requestBody"]?["content"]?["multipart/form-data"] is not null))
        {
            var url = Fill(op.Path, new Dictionary<string, string>());
            foreach (var caller in callers)
            foreach (var (label, contentType, body) in MalformedMultipart)
            {
                var (status, failure, _) = await Answer(caller, op.Method, url, body, contentType);
                if (failure is not null) failures.Add($"{label}: {failure}");
                else if (status < 400) failures.Add($"{status} to a multipart body with {label}: {op.Method} {url} as {caller.UserName}");
            }
        }
        failures.ShouldBeEmpty();
    }
}
