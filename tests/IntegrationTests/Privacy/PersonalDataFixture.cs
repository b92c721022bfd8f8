using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Privacy;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Privacy;

/// <summary>
/// One accepted and issued Anhui batch (received by 芜湖, 340200) with a correction request open, and a caller for every role and
/// relation the personal-data table names, built through the API.
/// </summary>
public sealed record PersonalDataWorld(BatchJourney Batch, Guid CandidateId, Guid CertificateId, Guid CorrectionId, string FullName,
    string FullNumber, IReadOnlyDictionary<string, Caller> Callers)
{
    public static async Task<PersonalDataWorld> BuildAsync(AppFixture app, Scenarios given)
    {
        var b = await CertificateJourneys.AcceptedAnhuiBatch(app, given, "pii", "张小三", "李四");
        var certificate = (await CertificateJourneys.Certificates(given, b.Organization, b.BatchId)).First()!;
        var certificateId = certificate["id"]!.GetValue<Guid>();
        // lists mask alike: the certificate's candidate is the roster entry with the same masked number
        var candidateId = (await b.Reload())["candidates"]!.AsArray()
            .Single(c => c!["documentNumber"]!.GetValue<string>() == certificate["documentNumber"]!.GetValue<string>())!["id"]!.GetValue<Guid>();
        var full = await given.Get<JsonObject>(b.Organization, $"/api/certificates/{certificateId}");
        var (name, number) = (full["holderName"]!.GetValue<string>(), full["documentNumber"]!.GetValue<string>());
        var correction = await b.Send(b.Organization, $"/api/certificates/{certificateId}/corrections", new
        {
            version = full["version"]!.GetValue<int>(), holderName = name + "更", documentType = 201, documentNumber = number, employer = "新单位", reason = "姓名录入有误",
        });

        var callers = new Dictionary<string, Caller>
        {
            ["own organization"] = b.Organization,
            ["receiving authority"] = b.Reviewer,
            ["authority above (province)"] = await given.Reviewer("pii.province.reader", "340000"),
            ["authority above (nation)"] = await given.Reviewer("pii.nation.reader", "000000"),
            ["another city"] = await given.Reviewer("pii.hefei.reader", "340100"),
            ["other organization"] = (await given.Organization("pii.other.org", "340100", "其他培训评价中心", 9)).User,
            ["inspector of the receiving authority"] = await SignedIn(given, "pii.inspector.reader", Roles.Inspector, "340200"),
            ["expert"] = await SignedIn(given, "pii.expert.reader", Roles.Expert, "340200"),
            ["auditor"] = await SignedIn(given, "pii.auditor.reader", Roles.Auditor, null),
            ["administrator"] = await given.Admin(),
            ["organization's system"] = await ApiKey(app, given, new { organizationId = b.Filing.OrganizationId }, "batches:read", "certificates:read"),
            ["receiving authority's system"] = await ApiKey(app, given, new { authorityCode = "340200" }, "batches:read", "certificates:read"),
            ["province's system"] = await ApiKey(app, given, new { authorityCode = "340000" }, "batches:read", "certificates:read"),
            ["anonymous"] = Caller.Anonymous,
        };
        return new PersonalDataWorld(b, candidateId, certificateId, correction["correctionId"]!.GetValue<Guid>(), name, number, callers);
    }

    private static async Task<Caller> SignedIn(Scenarios given, string userName, string role, string? authority)
    {
        await given.Account(userName, role, authority);
        return await given.SignIn(userName);
    }

    public static async Task<Caller> ApiKey(AppFixture app, Scenarios given, object binding, params string[] scopes)
    {
        var admin = await given.Admin();
        var body = new JsonObject { ["name"] = $"系统{Guid.NewGuid():N}", ["scopes"] = new JsonArray(scopes.Select(s => (JsonNode)s).ToArray()) };
        foreach (var (key, value) in JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(binding))!.AsObject()) body[key] = value?.DeepClone();
        var issued = await app.Host.Scenario(s =>
        {
            s.As(admin);
            s.Post.Json(body).ToUrl("/api/admin/api-clients");
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "system");
    }
}

/// <summary>The read log as a test reads it: everything handed over so far, written.</summary>
public static class ReadLog
{
    public static async Task<IReadOnlyList<PersonalDataReadRecord>> AllAsync(AppFixture app)
    {
        await app.Host.Services.GetRequiredService<PersonalDataReads>().FlushPendingAsync();
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<PersonalDataReadRecord>().OrderBy(r => r.At).ToListAsync();
    }
}
