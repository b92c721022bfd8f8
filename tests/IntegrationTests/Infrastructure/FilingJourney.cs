using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Notices.Closing;
using Assessment.SharedKernel.Events;
using NodaTime;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>Where an organization applies, and who decides there.</summary>
public sealed record Jurisdiction(string Id, string Scope, string OrganizationArea, string HandlingAuthority, string? FirstReviewAuthority,
    string ExpertAuthority, string NumberPrefix)
{
    public static readonly Jurisdiction Anhui = new("anhui", "city", "340200", "340200", null, "340000", "Y00003402");
    public static readonly Jurisdiction Guangxi = new("guangxi", "city", "450100", "450000", "450100", "450000", "Y00004501");
    public static readonly Jurisdiction Huangshi = new("hubei-huangshi", "city", "420281", "420200", null, "420200", "Y00004202");
    public static readonly Jurisdiction National = new("national", "national", "340100", "000000", null, "000000", "Y00000000");

    public static Jurisdiction Named(string id) => new[] { Anhui, Guangxi, Huangshi, National }.Single(j => j.Id == id);
}

/// <summary>Drives a filing application through every stage via the API, as the users involved would.</summary>
public sealed class FilingJourney(IAlbaHost host, Scenarios given, AppFixture app, Jurisdiction where, string tag)
{
    public Caller Organization { get; private set; } = null!;
    public Guid OrganizationId { get; private set; }
    public Caller Reviewer { get; private set; } = null!;
    public Caller? FirstReviewer { get; private set; }
    public Caller Expert { get; private set; } = null!;
    public Guid ExpertId { get; private set; }
    public Guid ApplicationId { get; set; }
    public Guid NoticeId { get; private set; }
    public long Version { get; set; }
    public JsonObject Application { get; private set; } = null!;

    public static object Line(string name = "育婴员", int highest = 3, int lowest = 5) => new
    {
        name, highestLevel = highest, lowestLevel = lowest, isNewOccupation = false, personTimes = 20_000, priorSeniorEvaluation = true,
    };

    /// <summary>
    /// Registers the organization and the reviewers and expert of the jurisdiction (once per tag); in Guangxi the administrator first
    /// loads the regional calendar's 2026 and 2027 (a regional layer counts only the years it has loaded).
    /// </summary>
    public async Task<FilingJourney> Participants(int serial = 1, string category = "Y", string nature = "Enterprise")
    {
        if (where == Jurisdiction.Guangxi) await given.GuangxiCalendar();
        (Organization, OrganizationId) = await given.Organization($"{tag}.org", where.OrganizationArea, $"{tag}培训评价中心", serial, category, nature);
        Reviewer = await given.Reviewer($"{tag}.reviewer", where.HandlingAuthority);
        if (where.FirstReviewAuthority is { } first) FirstReviewer = await given.Reviewer($"{tag}.first", first);
        ExpertId = await given.Account($"{tag}.expert", Roles.Expert, where.ExpertAuthority);
        Expert = await given.SignIn($"{tag}.expert");
        return this;
    }

    /// <summary>A new organization decided on by an existing reviewer and expert.</summary>
    public async Task ParticipantsSharing(Caller reviewer, Guid expertId, Caller expert, int serial)
    {
        (Organization, OrganizationId) = await given.Organization($"{tag}.org", where.OrganizationArea, $"{tag}培训评价中心", serial);
        (Reviewer, ExpertId, Expert) = (reviewer, expertId, expert);
    }

    public async Task<JsonObject> Draft(object[]? lines = null, string? kind = null, Guid? filingId = null, object[]? sites = null)
    {
        var created = await Send(Organization, "/api/filing/applications", new { jurisdiction = where.Id, scope = where.Scope, kind, filingId },
            HttpStatusCode.Created);
        ApplicationId = created["value"]!.GetValue<Guid>();
        await Step(Organization, $"/api/filing/applications/{ApplicationId}", new
        {
            version = 1, occupations = lines ?? [Line()], consecutiveYears = 10, cumulativePersonTimes = 100_000, subsidizedTraining = false,
            sites = sites ?? [new { name = $"{tag}评价基地", address = "人民路1号" }], evaluatedPopulations = OwnStaff, mainBusiness = MainBusiness,
        }, put: true);
        for (var item = 1; item <= 6; item++) await Upload(item, $"材料{item}.pdf", Pdf);
        return Application;
    }

    /// <summary>FIL-02 [HB]: an enterprise evaluates its own staff and states its main business (declared by every journey).</summary>
    public static readonly string[] OwnStaff = ["OwnStaff", "DispatchedOrOutsourced"];

    public const string MainBusiness = "家政服务与职业培训";

    public static readonly byte[] Pdf = Assessment.SharedKernel.Documents.SamplePdf.Create("FIL-10 test material");

    /// <summary>Uploads one FIL-10 material as the SPA does (multipart/form-data).</summary>
    public async Task<IScenarioResult> Upload(int item, string fileName, byte[] content, string contentType = "application/pdf",
        HttpStatusCode status = HttpStatusCode.OK)
    {
        var result = await given.UploadMaterial(Organization, ApplicationId, Version, item, fileName, content, contentType, status);
        if (status == HttpStatusCode.OK) await Reload();
        return result;
    }

    public async Task<JsonObject> Submit(object? exceptions = null) =>
        await Step(Organization, $"/api/filing/applications/{ApplicationId}/submit", new { version = Version, exceptionRequests = exceptions });

    public async Task<JsonObject> Accept()
    {
        if (FirstReviewer is not null)
            await Step(FirstReviewer, $"/api/filing/applications/{ApplicationId}/forward", new { version = Version, opinion = "初审通过，同意报送。" });
        return await Step(Reviewer, $"/api/filing/applications/{ApplicationId}/accept", new { version = Version, remarks = "材料齐全" });
    }

    public Task<JsonObject> AssignExpert() =>
        Step(Reviewer, $"/api/filing/applications/{ApplicationId}/experts", new { version = Version, expertIds = new[] { ExpertId } });

    public static object Scores(int score = 85) => new[] { "basics", "staffing", "sites-equipment", "process", "rules", "quality" }
        .Select(s => new { subject = s, score, comment = "符合要求" }).ToArray();

    public Task<JsonObject> Score(int score = 85) =>
        Step(Expert, $"/api/filing/applications/{ApplicationId}/evaluation/scores", new
        {
            version = Version, scores = Scores(score), onSiteFindings = "考场配备视频监控，设施设备齐全。", recommendsFiling = true, opinion = "同意备案。",
        });

    public Task<JsonObject> Conclude(bool passed = true) =>
        Step(Reviewer, $"/api/filing/applications/{ApplicationId}/evaluation/conclusion", new { version = Version, passed, reason = passed ? "技术评估通过。" : "质量保障措施不足。" });

    /// <summary>Starts publicity and waits until the Notices module has published the notice.</summary>
    public async Task<JsonObject> Publicize(int? workingDays = null)
    {
        JsonObject result = null!;
        await host.ExecuteAndWaitAsync(async () =>
        {
            result = await Step(Reviewer, $"/api/filing/applications/{ApplicationId}/publicity", new { version = Version, workingDays });
        });
        NoticeId = result["publicityNoticeId"]!.GetValue<Guid>();
        return result;
    }

    /// <summary>Moves the clock past the publicity window and lets the notice close (the scheduled message, delivered now).</summary>
    public async Task<JsonObject> ClosePublicity()
    {
        var end = LocalDate.FromDateTime(DateTime.Parse(Application["publicityEnd"]!.GetValue<string>()));
        var after = end.PlusDays(1).AtStartOfDayInZone(SharedKernel.ChinaTime.Zone).ToInstant().Plus(Duration.FromHours(9));
        if (app.Clock.GetCurrentInstant() < after) app.Clock.Reset(after);
        await host.InvokeMessageAndWaitAsync(new CloseNoticeWindow(NoticeId));
        return await Reload();
    }

    public async Task<JsonObject> Grant() => await Send(Reviewer, $"/api/filing/applications/{ApplicationId}/grant", new { version = Version });

    public async Task<JsonObject> Reload()
    {
        Application = await given.Get<JsonObject>(Organization, $"/api/filing/applications/{ApplicationId}");
        Version = Application["version"]!.GetValue<long>();
        return Application;
    }

    /// <summary>From registration to a granted filing; returns the grant result.</summary>
    public async Task<JsonObject> ToGrant(object[]? lines = null)
    {
        await Draft(lines);
        await Submit();
        await Accept();
        await AssignExpert();
        await Score();
        await Conclude();
        await Publicize();
        await ClosePublicity();
        return await Grant();
    }

    /// <summary>Sends a command, then reads the application's page view (commands answer with the decision state only).</summary>
    public async Task<JsonObject> Step(Caller caller, string url, object body, bool put = false)
    {
        await Send(caller, url, body, HttpStatusCode.OK, put);
        return await Reload();
    }

    public async Task<JsonObject> Send(Caller caller, string url, object body, HttpStatusCode status = HttpStatusCode.OK, bool put = false)
    {
        var result = await host.Scenario(s =>
        {
            s.As(caller);
            if (put) s.Put.Json(body).ToUrl(url); else s.Post.Json(body).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
        // (on a wrong status Alba's exception carries the response body)
    }
}
