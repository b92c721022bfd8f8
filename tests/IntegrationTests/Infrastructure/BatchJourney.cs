using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Notices.Closing;
using Assessment.SharedKernel.Values;
using MiniExcelLibs;
using NodaTime;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>A certification batch built through the API on top of a granted filing (<see cref="FilingJourney"/>).</summary>
public sealed class BatchJourney(IAlbaHost host, Scenarios given, AppFixture app, FilingJourney filing, string tag)
{
    public Guid FilingId { get; private set; }
    public Guid BatchId { get; private set; }
    public long Version { get; set; }
    public JsonObject Batch { get; private set; } = null!;
    public FilingJourney Filing => filing;
    public Caller Organization => filing.Organization;
    public Caller Reviewer { get; private set; } = null!;
    /// <summary>Where <see cref="Accepted"/> holds the exams (an area of the filing's jurisdiction).</summary>
    public string Site { get; set; } = "340200";
    public List<Guid> Staff { get; } = [];

    /// <summary>Valid resident id numbers (GB 11643 check character computed).</summary>
    public static string IdNumber(int serial, string area = "340202", string birth = "19900101")
    {
        var body = $"{area}{birth}{serial % 1000:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A granted filing for 育婴员 三级–五级 (the default line), then a draft batch under it.</summary>
    public async Task<BatchJourney> Filed(string receivingReviewerAuthority)
    {
        var grant = await filing.ToGrant();
        FilingId = grant["filingId"]!.GetValue<Guid>();
        Reviewer = await given.Reviewer($"{tag}.batch.reviewer", receivingReviewerAuthority);
        return this;
    }

    public async Task<JsonObject> Draft(string title = "2026年第一批")
    {
        var created = await Send(Organization, "/api/batches", new { filingId = FilingId, title }, HttpStatusCode.Created);
        BatchId = created["value"]!.GetValue<Guid>();
        return await Reload();
    }

    public LocalDate Today => app.Clock.GetCurrentInstant().InZone(SharedKernel.ChinaTime.Zone).Date;

    public Task<JsonObject> Plan(LocalDate examDay, string siteArea, object[]? occupations = null, string? feeStandard = "皖价费〔2021〕1号") =>
        Step(Organization, $"/api/batches/{BatchId}", new
        {
            version = Version, title = "2026年第一批", occupations = occupations ?? [new { name = "育婴员", level = 4 }],
            subjects = new[] { "理论知识", "操作技能" }, examDays = new[] { examDay.ToString("yyyy-MM-dd", null) },
            sites = new[] { new { name = $"{tag}考点", address = "人民路1号", areaCode = siteArea } }, feePerCandidate = 300m, feeStandard,
        }, put: true);

    public async Task<Guid> Person(string name, int serial, string occupation = "育婴员", int[]? levels = null)
    {
        var created = await Send(Organization, "/api/batches/staff", new
        {
            name, documentType = 201, documentNumber = IdNumber(serial, birth: "19800101"), qualification = "考评员证书", occupations = new[] { occupation },
            levels = levels ?? [1, 2, 3, 4, 5],
        }, HttpStatusCode.Created);
        var id = created["value"]!.GetValue<Guid>();
        Staff.Add(id);
        return id;
    }

    public async Task<JsonObject> StaffIt()
    {
        var examiner = await Person($"{tag}考评员", 901);
        var supervisor = await Person($"{tag}督导员", 902);
        var invigilator = await Person($"{tag}监考员", 903);
        return await Step(Organization, $"/api/batches/{BatchId}/staff", new
        {
            version = Version, staff = new object[]
            {
                new { staffId = examiner, role = "Examiner" }, new { staffId = supervisor, role = "QualitySupervisor" },
                new { staffId = invigilator, role = "Invigilator" },
            },
        }, put: true);
    }

    public Task<JsonObject> Candidate(string name, int serial, int level = 4) =>
        Step(Organization, $"/api/batches/{BatchId}/candidates", new
        {
            version = Version, name, documentType = 201, documentNumber = IdNumber(serial), employer = "芜湖家政公司", occupation = "育婴员", level,
            city = "芜湖市", phone = "13800001234",
        });

    public static byte[] Sheet(IEnumerable<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }

    public async Task<IScenarioResult> Upload(string url, byte[] content, string fileName, HttpStatusCode status)
    {
        var form = new MultipartFormDataContent { { new StringContent(Version.ToString()), "version" }, { new ByteArrayContent(content), "file", fileName } };
        return await host.Scenario(s =>
        {
            s.As(Organization);
            s.Post.MultipartFormData(form).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
    }

    public async Task<JsonObject> File(HttpStatusCode status = HttpStatusCode.OK)
    {
        JsonObject result = null!;
        await host.ExecuteAndWaitAsync(async () => result = await Send(Organization, $"/api/batches/{BatchId}/file", new { version = Version }, status));
        if (status == HttpStatusCode.OK) await Reload();
        return result;
    }

    public void ClockTo(LocalDate day) =>
        app.Clock.Reset(day.AtStartOfDayInZone(SharedKernel.ChinaTime.Zone).ToInstant().Plus(Duration.FromHours(9)));

    public Task<JsonObject> Results(params (Guid Candidate, int Theory, int Practice)[] scores) =>
        Step(Organization, $"/api/batches/{BatchId}/results", new
        {
            version = Version, results = scores.Select(s => new
            {
                candidateId = s.Candidate, absent = false,
                scores = new[] { new { subject = "理论知识", score = s.Theory }, new { subject = "操作技能", score = s.Practice } },
            }).ToArray(),
        });

    public async Task<JsonObject> Publicize()
    {
        await host.ExecuteAndWaitAsync(async () => await Step(Organization, $"/api/batches/{BatchId}/publicity", new { version = Version }));
        return await Reload();
    }

    public async Task<JsonObject> ClosePublicity()
    {
        var end = LocalDate.FromDateTime(DateTime.Parse(Batch["publicityEnd"]!.GetValue<string>()));
        ClockTo(end.PlusDays(1));
        await host.InvokeMessageAndWaitAsync(new CloseNoticeWindow(Batch["publicityNoticeId"]!.GetValue<Guid>()));
        return await Reload();
    }

    /// <summary>From a draft to an accepted report with the given candidates all passing; waits for certificate issuance to finish.</summary>
    public Task Accepted(params string[] names) => Accepted(null, names);

    /// <summary>As <see cref="Accepted(string[])"/>, with <paramref name="beforeReport"/> run once the results are publicized.</summary>
    public async Task Accepted(Func<Task>? beforeReport, params string[] names)
    {
        var exam = Today.PlusDays(21);
        await Plan(exam, Site);
        await StaffIt();
        for (var i = 0; i < names.Length; i++) await Candidate(names[i], i + 1);
        await File();
        ClockTo(exam);
        await Results(Batch["candidates"]!.AsArray().Select(c => (c!["id"]!.GetValue<Guid>(), 80, 80)).ToArray());
        await Publicize();
        await ClosePublicity();
        if (beforeReport is not null)
        {
            await beforeReport();
            await Reload();
        }
        await Step(Organization, $"/api/batches/{BatchId}/report", new { version = Version });
        await host.ExecuteAndWaitAsync(async () => await Send(Reviewer, $"/api/batches/{BatchId}/report/accept", new { version = Version, opinion = "同意。" }));
    }

    /// <summary>CRT-01 [AH]: the allocating authority gives the organization serials <paramref name="from"/>–<paramref name="to"/> of this
    /// year and level, sending the version the list shows (or <paramref name="version"/>).</summary>
    public async Task<JsonObject> AllocateRange(Caller allocator, string from, string to, int level = 4, HttpStatusCode status = HttpStatusCode.OK,
        long? version = null) =>
        await Send(allocator, "/api/certificate-ranges", new
        {
            organizationId = filing.OrganizationId, year = Today.Year, level, from, to, documentNumber = "皖职鉴〔2026〕8号", reason = "按年度计划分配",
            version = version ?? await RangeVersion(allocator, level),
        }, status);

    /// <summary>The organization's ranges of this year and level as <paramref name="caller"/> sees them (null: none).</summary>
    public async Task<JsonObject?> Ranges(Caller caller, int level = 4) =>
        (await given.Get<JsonObject>(caller, $"/api/certificate-ranges?organizationId={filing.OrganizationId}&year={Today.Year}&level={level}"))["items"]!
        .AsArray().SingleOrDefault()?.AsObject();

    public async Task<long> RangeVersion(Caller caller, int level = 4) => (await Ranges(caller, level))?["version"]!.GetValue<long>() ?? 0;

    /// <summary>The batch's certificate issuance as <paramref name="caller"/> sees it.</summary>
    public Task<JsonObject> Issuance(Caller caller) => given.Get<JsonObject>(caller, $"/api/certificate-issuances/{BatchId}");

    /// <summary>
    /// The id of the candidate entered as <paramref name="name"/>, found in the roster as it is now shown to everyone: the name masked
    /// (AUD-04/BAT-09: 张小三 → 张*三). <see cref="OpenCandidate"/> shows the candidate in full to those the rule allows.
    /// </summary>
    public Guid CandidateId(string name) =>
        Batch["candidates"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == Masking.Name(name))!["id"]!.GetValue<Guid>();

    /// <summary>One candidate opened on its own (getBatchCandidate): in full for the organization, the receiving authority and auditors.</summary>
    public Task<JsonObject> OpenCandidate(Caller caller, Guid candidateId) =>
        given.Get<JsonObject>(caller, $"/api/batches/{BatchId}/candidates/{candidateId}");

    public async Task<JsonObject> Reload()
    {
        Batch = await given.Get<JsonObject>(Organization, $"/api/batches/{BatchId}");
        Version = Batch["version"]!.GetValue<long>();
        return Batch;
    }

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
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject();
    }
}
