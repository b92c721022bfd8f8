using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Contracts;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Batches;

public class BatchTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<BatchJourney> Anhui(string tag = "bat")
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants();
        var batch = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await batch.Draft();
        return batch;
    }

    private static async Task<MemoryStream> Bytes(IScenarioResult result)
    {
        var stream = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(stream);
        stream.Position = 0;
        return stream;
    }

    private static IEnumerable<string> Codes(JsonObject problem) => problem["rules"]!.AsArray().Select(r => r!["code"]!.GetValue<string>());

    [Fact]
    public async Task BAT_01_to_BAT_09_an_anhui_batch_runs_from_plan_to_accepted_report()
    {
        var b = await Anhui();
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        var view = await b.Candidate("李四", 2);
        view["blocking"]!.AsArray().ShouldBeEmpty();
        view["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("fileBatchPlan");

        await b.File();
        b.Batch["status"]!.GetValue<string>().ShouldBe("Filed");
        b.Batch["receivingAuthority"]!.GetValue<string>().ShouldBe("340200"); // BAT-01 [AH] the city center of the sites
        b.Batch["eligibility"]!.AsArray().ShouldBeEmpty();

        b.ClockTo(exam);
        // AUD-04/BAT-09: the roster shows even the organization personal data masked; one candidate opened on its own shows it in full
        var candidates = b.Batch["candidates"]!.AsArray();
        candidates.Select(c => (c!["name"]!.GetValue<string>(), c["documentNumber"]!.GetValue<string>(), c["phone"]!.GetValue<string>()))
            .ShouldBe([
                ("张*三", BatchJourney.IdNumber(1)[..4] + "**********" + BatchJourney.IdNumber(1)[^4..], "138****1234"),
                ("李*", BatchJourney.IdNumber(2)[..4] + "**********" + BatchJourney.IdNumber(2)[^4..], "138****1234"),
            ], ignoreOrder: true);
        var zhang = b.CandidateId("张小三");
        var li = b.CandidateId("李四");
        var opened = await b.OpenCandidate(b.Organization, zhang);
        (opened["name"]!.GetValue<string>(), opened["documentNumber"]!.GetValue<string>(), opened["phone"]!.GetValue<string>())
            .ShouldBe(("张小三", BatchJourney.IdNumber(1), "13800001234"));
        b.Batch["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("getBatchCandidate");
        await b.Results((zhang, 80, 75), (li, 50, 90));
        b.Batch["passed"]!.GetValue<int>().ShouldBe(1);

        var published = await b.Publicize();
        // BAT-06 [AH] 7 calendar days
        var start = NodaTime.LocalDate.FromDateTime(DateTime.Parse(published["publicityStart"]!.GetValue<string>()));
        published["publicityEnd"]!.GetValue<string>().ShouldBe(start.PlusDays(6).ToString("yyyy-MM-dd", null));
        var notice = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{published["publicityNoticeId"]}");
        var body = notice["body"]!.GetValue<string>();
        body.ShouldContain("张*三");
        body.ShouldContain(BatchJourney.IdNumber(1)[..4] + "**********" + BatchJourney.IdNumber(1)[^4..]);
        body.ShouldNotContain(BatchJourney.IdNumber(1));
        body.ShouldNotContain("李*"); // only the qualified are publicized
        body.ShouldContain("（7天）。"); // the window in words, no rule ID
        System.Text.RegularExpressions.Regex.IsMatch(body, "[A-Z]{3}-[0-9]{2}").ShouldBeFalse();

        (await b.ClosePublicity())["status"]!.GetValue<string>().ShouldBe("Publicized");
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/report", new { version = b.Version });
        b.Batch["status"]!.GetValue<string>().ShouldBe("Reported");

        // 附件5 (BAT-09): the seed's columns, one row per qualified candidate, no note rows
        var table = await Host.Scenario(s => { s.As(b.Reviewer); s.Get.Url($"/api/batches/{b.BatchId}/report/certificates"); });
        var rows = (await Bytes(table)).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.ShouldHaveSingleItem();
        rows[0].Keys.ShouldBe(["姓名", "证件类型", "证件号码", "所在单位", "职业名称", "工种名称", "职业技能等级", "证书编号", "发证日期", "评价机构", "发证机构", "考生所在地市"]);
        rows[0]["姓名"].ShouldBe("张小三");
        rows[0]["证件类型"]!.ToString().ShouldBe("201");
        rows[0]["证件号码"].ShouldBe(BatchJourney.IdNumber(1));
        rows[0]["职业技能等级"].ShouldBe("四级/中级工");
        rows[0]["评价机构"].ShouldBe("bat培训评价中心");

        // 附件4 (BAT-08): the form with its counts
        var summary = await Host.Scenario(s => { s.As(b.Organization); s.Get.Url($"/api/batches/{b.BatchId}/report/summary"); });
        var cells = (await Bytes(summary)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        cells[0]["A"].ShouldBe("职业技能等级认定结果汇总表");
        cells[2]["D"].ShouldBe("备案人数");
        Convert.ToInt32(cells[2]["E"]).ShouldBe(2);
        cells[3]["F"].ShouldBe("合格人数");
        Convert.ToInt32(cells[3]["G"]).ShouldBe(1);
        cells[5].Values.Select(v => v?.ToString()).ShouldBe(["/", "初级", "中级", "高级", "技师", "高级技师", "小计"]);
        cells[6]["A"].ShouldBe("育婴员");
        Convert.ToInt32(cells[6]["C"]).ShouldBe(1); // 中级 = 四级
        cells.ShouldContain(r => Equals(r["A"], "合计"));
        cells.ShouldNotContain(r => r.Values.Any(v => v != null && v.ToString()!.StartsWith("备注")));

        var tracked = await Host.ExecuteAndWaitAsync(async () =>
            await b.Send(b.Reviewer, $"/api/batches/{b.BatchId}/report/accept", new { version = b.Version, opinion = "同意备案。" }));
        var accepted = tracked.Received.SingleMessage<BatchResultsAccepted>();
        accepted.Qualified.ShouldHaveSingleItem().DocumentNumber.ShouldBe(BatchJourney.IdNumber(1));
        tracked.Received.MessagesOf<CertificationRunRecorded>().ShouldHaveSingleItem().Occupation.ShouldBe("育婴员");
        await using (var connection = await Host.OpenDatabaseAsync())
            (await Assessment.Certificates.Issuance.QualifiedCandidateTable.SliceAsync(connection, b.BatchId, 0, 10, CancellationToken.None))
                .ShouldHaveSingleItem().Name.ShouldBe("张小三");
        var filingRecord = await Given.Get<JsonObject>(b.Organization, $"/api/filing/filings/{b.FilingId}");
        filingRecord["lastCertificationOn"]!.GetValue<string>().ShouldBe(exam.ToString("yyyy-MM-dd", null)); // FIL-13 reads real activity
        var done = await b.Reload();
        done["status"]!.GetValue<string>().ShouldBe("Accepted");
        done["details"]!["ledger"]!.AsArray().Select(l => l!["action"]!.GetValue<string>())
            .ShouldContain("认定结果审核通过");
    }

    [Fact]
    public async Task BAT_06_an_upheld_objection_on_the_results_publicity_reopens_the_results()
    {
        var b = await Anhui();
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        await b.File();
        b.ClockTo(exam);
        await b.Results((b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>(), 90, 90));
        var published = await b.Publicize();
        var noticeId = published["publicityNoticeId"]!.GetValue<Guid>();

        var lodged = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "李先生", phone = "13800002222", content = "张*三实际未参加操作技能考核，请核实。" }).ToUrl($"/api/notices/{noticeId}/objections");
        });
        var objection = (await lodged.ReadAsJsonAsync<JsonObject>())!["objectionId"]!.GetValue<Guid>();
        var noticeVersion = (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{noticeId}"))["version"]!.GetValue<long>();
        await Host.ExecuteAndWaitAsync(async () => await Host.Scenario(s =>
        {
            s.As(b.Reviewer);
            s.Post.Json(new { version = noticeVersion, outcome = "Upheld", reason = "经调取考场录像核实，该考生未参加操作技能考核。" })
                .ToUrl($"/api/notices/{noticeId}/objections/{objection}/resolve");
        }));
        var reopened = await b.Reload();
        reopened["status"]!.GetValue<string>().ShouldBe("ResultsRecorded");
        reopened["publicityNoticeId"].ShouldBeNull();
        reopened["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("recordBatchResults");
    }

    [Fact]
    public async Task BAT_01_an_anhui_plan_must_reach_the_city_10_working_days_before_the_exam()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(5), "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        var problem = await b.File(HttpStatusCode.UnprocessableEntity);
        var rule = problem["rules"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "batch.plan-too-late")!;
        rule["ruleId"]!.GetValue<string>().ShouldBe("BAT-01");
        rule["message"]!.GetValue<string>().ShouldContain("10个工作日");
    }

    public static TheoryData<string, string, string> Jurisdictions => new()
    {
        { "anhui", "340200", "340200" },            // BAT-01 [AH]: the city center of the sites
        { "guangxi", "450000", "450100" },          // BAT-02 [GX]: the region that filed it, after an announcement
        { "hubei-huangshi", "420200", "420281" },   // Huangshi: the city that filed it; a site in 大冶 lies in its territory
        { "national", "000000", "340100" },         // national scope: anywhere, received by the national center
    };

    [Theory]
    [MemberData(nameof(Jurisdictions))]
    public async Task BAT_01_to_BAT_07_a_batch_runs_end_to_end_through_the_api_in_each_jurisdiction(string jurisdiction, string receiver, string site)
    {
        App.Clock.Reset(NodaTime.Instant.FromUtc(2026, 9, 1, 2, 0)); // inside Huangshi's September window (FIL-12)
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Named(jurisdiction), "e2e").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "e2e").Filed(receiver);
        await b.Draft();
        var exam = b.Today.PlusDays(28);
        await b.Plan(exam, site);
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        await b.File();
        b.Batch["receivingAuthority"]!.GetValue<string>().ShouldBe(receiver);
        (b.Batch["announcementNoticeId"] is not null).ShouldBe(jurisdiction is "guangxi" or "national");

        b.ClockTo(exam);
        await b.Results((b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>(), 88, 91));
        await b.Publicize();
        var closed = await b.ClosePublicity();
        closed["status"]!.GetValue<string>().ShouldBe("Publicized");
        var due = NodaTime.LocalDate.FromDateTime(DateTime.Parse(closed["reportDueOn"]!.GetValue<string>()));

        // BAT-07: a report not in by its deadline is flagged (once), and a late report is still taken and marked late
        b.ClockTo(due.PlusDays(1));
        var check = new Assessment.Batches.Reporting.ReportDeadlineCheck(b.BatchId);
        await Host.InvokeMessageAndWaitAsync(check);
        await Host.InvokeMessageAndWaitAsync(check);
        (await b.Reload())["details"]!["missedDeadlines"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>()
            .ShouldBe($"认定结果报备：应于{due:yyyy-MM-dd}前完成"); // people read the step, not the rule ID
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/report", new { version = b.Version });
        b.Batch["details"]!["reportLate"]!.GetValue<bool>().ShouldBeTrue();

        var tracked = await Host.ExecuteAndWaitAsync(async () =>
            await b.Send(b.Reviewer, $"/api/batches/{b.BatchId}/report/accept", new { version = b.Version, opinion = "同意备案。" }));
        tracked.Received.SingleMessage<BatchResultsAccepted>().Jurisdiction.ShouldBe(jurisdiction);
        (await b.Reload())["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task BAT_01_a_plan_still_in_draft_after_its_last_filing_day_is_flagged_once_by_a_scheduled_check()
    {
        var b = await Anhui();
        var exam = b.Today.PlusDays(21);
        var tracked = await Host.ExecuteAndWaitAsync(async () => await b.Plan(exam, "340200"));
        var check = tracked.Scheduled.SingleMessage<Assessment.Batches.Planning.PlanDeadlineCheck>();
        check.RuleId.ShouldBe("BAT-01");
        check.Deadline.ShouldBeLessThan(exam);

        await Host.InvokeMessageAndWaitAsync(check); // early: nothing to flag
        (await b.Reload())["details"]!["missedDeadlines"]!.AsArray().ShouldBeEmpty();
        b.ClockTo(check.Deadline.PlusDays(1));
        await Host.InvokeMessageAndWaitAsync(check);
        await Host.InvokeMessageAndWaitAsync(check);
        (await b.Reload())["details"]!["missedDeadlines"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>()
            .ShouldBe($"认定计划报备：应于{check.Deadline:yyyy-MM-dd}前完成");
    }

    [Fact]
    public async Task BAT_03_occupations_not_filed_and_sites_outside_the_territory_are_refused_together()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(21), "340100", [new { name = "育婴员", level = 4 }, new { name = "电工", level = 4 }, new { name = "育婴员", level = 2 }]);
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        var problem = await b.File(HttpStatusCode.UnprocessableEntity);
        var rules = problem["rules"]!.AsArray();
        rules.Where(r => r!["code"]!.GetValue<string>() == "batch.occupation-not-filed").Select(r => r!["target"]!.GetValue<string>())
            .ShouldBe(["/occupations/1", "/occupations/2"]);
        rules.Single(r => r!["code"]!.GetValue<string>() == "batch.site-outside-territory")!["ruleId"]!.GetValue<string>().ShouldBe("FIL-23");
    }

    [Fact]
    public async Task BAT_05_nobody_examines_and_supervises_one_batch_and_an_examiner_related_to_a_candidate_is_recused()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.Candidate("张小三", 1);
        var person = await b.Person("王考评", 911);
        var refused = await b.Send(b.Organization, $"/api/batches/{b.BatchId}/staff", new
        {
            version = b.Version, staff = new object[] { new { staffId = person, role = "Examiner" }, new { staffId = person, role = "QualitySupervisor" } },
        }, HttpStatusCode.UnprocessableEntity, put: true);
        Codes(refused).ShouldBe(["batch.incompatible-roles"]);

        // one identity document is one roster entry, so nobody slips past BAT-05 under a second entry
        await b.Send(b.Organization, "/api/batches/staff", new
        {
            name = "王考评", documentType = 201, documentNumber = BatchJourney.IdNumber(911, birth: "19800101"), qualification = "考评员证书",
            occupations = new[] { "育婴员" }, levels = new[] { 4 },
        }, HttpStatusCode.Conflict);
        var supervisor = await b.Person("赵督导", 912);
        var invigilator = await b.Person("钱监考", 913);
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/staff", new
        {
            version = b.Version, staff = new object[]
            {
                new { staffId = person, role = "Examiner" }, new { staffId = supervisor, role = "QualitySupervisor" }, new { staffId = invigilator, role = "Invigilator" },
            },
        }, put: true);
        // declared after the candidate was entered: caught at filing
        refused = await b.Send(b.Organization, $"/api/batches/{b.BatchId}/staff", new
        {
            version = b.Version, staff = new object[]
            {
                new { staffId = person, role = "Examiner", declaredRelations = new[] { BatchJourney.IdNumber(1) } },
                new { staffId = supervisor, role = "QualitySupervisor" }, new { staffId = invigilator, role = "Invigilator" },
            },
        }, HttpStatusCode.UnprocessableEntity, put: true);
        refused["rules"]![0]!["message"]!.GetValue<string>().ShouldContain("王考评");
        refused["rules"]![0]!["message"]!.GetValue<string>().ShouldContain("张小三");
    }

    [Fact]
    public async Task BAT_09_a_5000_row_import_with_one_bad_row_names_that_row_and_writes_nothing()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(21), "340200");
        var rows = Enumerable.Range(1, 5000).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["姓名"] = $"考生{i}", ["证件类型"] = "201",
            ["证件号码"] = i == 4321 ? "340202199001014322" : BatchJourney.IdNumber(i, birth: $"19{70 + i / 1000}0101").ToLowerInvariant(),
            ["所在单位"] = "芜湖家政公司", ["职业名称"] = "育婴员", ["职业技能等级"] = "四级/中级工", ["考生所在地市"] = "芜湖市", ["联系电话"] = "",
        });
        var result = await b.Upload($"/api/batches/{b.BatchId}/candidates/import", BatchJourney.Sheet(rows), "考生.xlsx", HttpStatusCode.UnprocessableEntity);
        var problem = await result.Problem();
        var errors = problem["rows"]!.AsArray();
        errors.ShouldHaveSingleItem()!["row"]!.GetValue<int>().ShouldBe(4322); // header is row 1
        errors[0]!["column"]!.GetValue<string>().ShouldBe("证件号码");
        (await b.Reload())["candidates"]!.AsArray().ShouldBeEmpty();

        // fixed: the lower-case x is normalised and all 5,000 are in
        var fixedRows = rows.Select(r => r["姓名"] as string == "考生4321" ? new Dictionary<string, object?>(r) { ["证件号码"] = BatchJourney.IdNumber(4321, birth: "19740101") } : r);
        await b.Upload($"/api/batches/{b.BatchId}/candidates/import", BatchJourney.Sheet(fixedRows), "考生.xlsx", HttpStatusCode.OK);
        var all = (await b.Reload())["candidates"]!.AsArray();
        all.Count.ShouldBe(5000);
        all.ShouldAllBe(c => !c!["documentNumber"]!.GetValue<string>().EndsWith('x'));
    }

    [Fact]
    public async Task BAT_09_an_import_answers_the_version_it_committed_and_the_next_command_with_it_is_taken()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(21), "340200");
        var rows = Enumerable.Range(1, 2).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["姓名"] = $"考生{i}", ["证件类型"] = "201", ["证件号码"] = BatchJourney.IdNumber(i), ["所在单位"] = "芜湖家政公司", ["职业名称"] = "育婴员",
            ["职业技能等级"] = "四级/中级工", ["考生所在地市"] = "芜湖市", ["联系电话"] = "",
        });
        var answered = await (await b.Upload($"/api/batches/{b.BatchId}/candidates/import", BatchJourney.Sheet(rows), "考生.xlsx", HttpStatusCode.OK))
            .ReadAsJsonAsync<JsonObject>();
        var version = answered!["version"]!.GetValue<long>();
        // issue 17: the answer was one too high, so the next command with it met a 409
        version.ShouldBe((await b.Reload())["version"]!.GetValue<long>());
        var candidate = b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>();
        await Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Post.Json(new { version }).ToUrl($"/api/batches/{b.BatchId}/candidates/{candidate}/remove");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task BAT_09_files_that_are_not_the_template_are_refused_as_bad_input()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(21), "340200");
        var url = $"/api/batches/{b.BatchId}/candidates/import";
        (await (await b.Upload(url, "姓名,证件号码\n张三,1"u8.ToArray(), "考生.csv", HttpStatusCode.BadRequest)).Problem())["errors"]!["file"].ShouldNotBeNull();
        await b.Upload(url, "not a spreadsheet"u8.ToArray(), "考生.xlsx", HttpStatusCode.BadRequest);
        await b.Upload(url, [], "考生.xlsx", HttpStatusCode.BadRequest);
        var wrongColumns = BatchJourney.Sheet([new Dictionary<string, object?> { ["名字"] = "张三" }]);
        (await (await b.Upload(url, wrongColumns, "考生.xlsx", HttpStatusCode.BadRequest)).Problem())["errors"]!["file"]![0]!.GetValue<string>().ShouldContain("缺少列");
    }

    [Fact]
    public async Task BAT_10_another_organizations_batch_and_another_citys_reviewer_see_nothing_whatever_the_version()
    {
        var b = await Anhui();
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.StaffIt();
        await b.Candidate("张小三", 1);
        var (stranger, _) = await Given.Organization("other.org", "340100", "合肥某培训中心", 7);
        foreach (var version in new[] { 1L, b.Version, 99L })
            await b.Send(stranger, $"/api/batches/{b.BatchId}", new
            {
                version, title = "x", occupations = Array.Empty<object>(), subjects = Array.Empty<string>(), examDays = Array.Empty<string>(),
                sites = Array.Empty<object>(), feePerCandidate = 0, feeStandard = (string?)null,
            }, HttpStatusCode.NotFound, put: true);
        await Host.Scenario(s => { s.As(stranger); s.Get.Url($"/api/batches/{b.BatchId}"); s.StatusCodeShouldBe(404); });
        // a draft is the organization's own business
        await Host.Scenario(s => { s.As(b.Reviewer); s.Get.Url($"/api/batches/{b.BatchId}"); s.StatusCodeShouldBe(404); });
        await b.File();
        var hefei = await Given.Reviewer("hefei.batch.reviewer", "340100");
        await Host.Scenario(s => { s.As(hefei); s.Get.Url($"/api/batches/{b.BatchId}"); s.StatusCodeShouldBe(404); });
        (await Given.Get<JsonObject>(hefei, "/api/batches"))["total"]!.GetValue<long>().ShouldBe(0);
        (await Given.Get<JsonObject>(b.Reviewer, "/api/batches"))["total"]!.GetValue<long>().ShouldBe(1);

        // stale version
        await b.Send(b.Organization, $"/api/batches/{b.BatchId}/results", new
        {
            version = b.Version - 1, results = new[] { new { candidateId = Guid.NewGuid(), absent = true, scores = (object[]?)null } },
        }, HttpStatusCode.Conflict);

        // an inspector of the area sees the batch, with identity numbers and phones masked, and may not download 附件5
        var inspectorId = await Given.Account("wuhu.batch.inspector", SharedKernel.Events.Roles.Inspector, "340200");
        var inspector = await Given.SignIn("wuhu.batch.inspector");
        // BAT-04: the receiving authority dispatches the inspector, who finds the batch in its own list; an organization cannot
        await b.Send(b.Organization, $"/api/batches/{b.BatchId}/inspectors",
            new { version = b.Version, inspectorId, step = "理论知识考试", on = b.Today.PlusDays(21).ToString("yyyy-MM-dd", null) }, HttpStatusCode.Forbidden);
        var hefeiInspector = await Given.Account("hefei.batch.inspector", SharedKernel.Events.Roles.Inspector, "340100");
        (await Given.Get<JsonObject>(b.Reviewer, $"/api/batches/{b.BatchId}/eligible-inspectors"))["inspectors"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())
            .ShouldBe([inspectorId]);
        await Host.Scenario(s => { s.As(hefei); s.Get.Url($"/api/batches/{b.BatchId}/eligible-inspectors"); s.StatusCodeShouldBe(404); });
        var wrong = await b.Send(b.Reviewer, $"/api/batches/{b.BatchId}/inspectors",
            new { version = b.Version, inspectorId = hefeiInspector, step = "理论知识考试", on = b.Today.PlusDays(21).ToString("yyyy-MM-dd", null) },
            HttpStatusCode.UnprocessableEntity);
        Codes(wrong).ShouldBe(["batch.inspector-not-eligible"]);
        await b.Step(b.Reviewer, $"/api/batches/{b.BatchId}/inspectors",
            new { version = b.Version, inspectorId, step = "理论知识考试", on = b.Today.PlusDays(21).ToString("yyyy-MM-dd", null) });
        (await Given.Get<JsonObject>(inspector, "/api/batches?dispatchedToMe=true"))["total"]!.GetValue<long>().ShouldBe(1);
        var seen = await Given.Get<JsonObject>(inspector, $"/api/batches/{b.BatchId}");
        var candidate = seen["candidates"]![0]!;
        candidate["documentNumber"]!.GetValue<string>().ShouldContain("**********");
        candidate["name"]!.GetValue<string>().ShouldBe("张*三");
        candidate["phone"]!.GetValue<string>().ShouldBe("138****1234");
        // AUD-04/BAT-09: an inspector sees masked data only — no candidate opened in full (403 with the rule's reason), no 附件5
        seen["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldNotContain("getBatchCandidate");
        var candidateUrl = $"/api/batches/{b.BatchId}/candidates/{candidate["id"]}";
        var refused = await Host.Scenario(s => { s.As(inspector); s.Get.Url(candidateUrl); s.StatusCodeShouldBe(403); });
        (await refused.Problem())["detail"]!.GetValue<string>().ShouldContain("仅评价机构、受理该批次的主管部门和审计人员可以查看");
        await Host.Scenario(s => { s.As(inspector); s.Get.Url($"/api/batches/{b.BatchId}/report/certificates"); s.StatusCodeShouldBe(403); });
        // another city's reviewer does not learn the candidate exists
        await Host.Scenario(s => { s.As(hefei); s.Get.Url(candidateUrl); s.StatusCodeShouldBe(404); });
        // the receiving authority's reviewer: the roster masked like everyone's, the candidate in full once opened on its own
        var received = await Given.Get<JsonObject>(b.Reviewer, $"/api/batches/{b.BatchId}");
        received["candidates"]![0]!["documentNumber"]!.GetValue<string>().ShouldContain("**********");
        received["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("getBatchCandidate");
        var full = await b.OpenCandidate(b.Reviewer, candidate["id"]!.GetValue<Guid>());
        (full["name"]!.GetValue<string>(), full["documentNumber"]!.GetValue<string>(), full["phone"]!.GetValue<string>())
            .ShouldBe(("张小三", BatchJourney.IdNumber(1), "13800001234"));

        // BAT-04: the inspector records a spot check that suspends the batch; only the receiving reviewer resumes it
        var answer = await b.Send(inspector, $"/api/batches/{b.BatchId}/spot-checks", new
        {
            version = b.Version, step = "理论知识考试", checkedAt = $"{b.Today:yyyy-MM-dd}T09:30:00", findings = "考场未按规定配备视频监控。", suspend = true,
        });
        answer.Select(p => p.Key).ShouldBe(["id", "version"], ignoreOrder: true); // a command never answers with the candidates
        // the organization is not told in advance who inspects which step
        (await b.Reload())["inspectors"]!.AsArray().ShouldBeEmpty();
        (await b.Reload())["status"]!.GetValue<string>().ShouldBe("Suspended");
        await b.Send(inspector, $"/api/batches/{b.BatchId}/resume", new { version = b.Version, reason = "已整改" }, HttpStatusCode.Forbidden);
        await b.Send(b.Reviewer, $"/api/batches/{b.BatchId}/resume", new { version = b.Version, reason = "已补装视频监控，整改到位。" });
        (await b.Reload())["status"]!.GetValue<string>().ShouldBe("Filed");
    }

    [Fact]
    public async Task BAT_01_a_third_party_system_of_the_organization_runs_the_batch_through_the_api_with_its_scopes()
    {
        var b = await Anhui();
        var admin = await Given.Admin();
        async Task<Caller> System(string name, params string[] scopes)
        {
            var issued = await Host.Scenario(s =>
            {
                s.As(admin);
                s.Post.Json(new { name, organizationId = b.Filing.OrganizationId, scopes }).ToUrl("/api/admin/api-clients");
                s.StatusCodeShouldBe(HttpStatusCode.Created);
            });
            return new Caller("X-Api-Key", (await issued.ReadAsJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>(), "system");
        }
        var system = await System("机构考务系统", "batches:read", "batches:write");
        var created = await b.Send(system, "/api/batches", new { filingId = b.FilingId, title = "系统报送批次" }, HttpStatusCode.Created);
        var id = created["value"]!.GetValue<Guid>();
        await b.Send(system, $"/api/batches/{id}", new
        {
            version = 1, title = "系统报送批次", occupations = new[] { new { name = "育婴员", level = 4 } }, subjects = new[] { "理论知识" },
            examDays = new[] { b.Today.PlusDays(21).ToString("yyyy-MM-dd", null) },
            sites = new[] { new { name = "考点", address = "路1号", areaCode = "340200" } }, feePerCandidate = 100, feeStandard = "价格文件",
        }, put: true);
        var seen = await Given.Get<JsonObject>(system, $"/api/batches/{id}");
        seen["title"]!.GetValue<string>().ShouldBe("系统报送批次");
        seen["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("fileBatchPlan");

        var readOnly = await System("只读系统", "batches:read");
        await b.Send(readOnly, "/api/batches", new { filingId = b.FilingId, title = "x" }, HttpStatusCode.Forbidden);
        var unrelated = await System("目录系统", "directory:read");
        await Host.Scenario(s => { s.As(unrelated); s.Get.Url($"/api/batches/{id}"); s.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task BAT_02_a_guangxi_plan_is_announced_as_a_public_notice_and_received_by_the_filing_authority()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Guangxi, "gxb").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "gxb").Filed("450000");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "450100");
        await b.StaffIt();
        await b.Candidate("韦小宝", 3);
        await b.File();
        b.Batch["receivingAuthority"]!.GetValue<string>().ShouldBe("450000");
        var notice = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{b.Batch["announcementNoticeId"]}");
        notice["kind"]!.GetValue<string>().ShouldBe("BatchAnnouncement");
        notice["body"]!.GetValue<string>().ShouldContain("育婴员");
        notice["body"]!.GetValue<string>().ShouldNotContain("BAT-02");
        // the ledger names the receiving authority, never its code
        b.Batch["details"]!["ledger"]!.AsArray().Select(l => l!["detail"]?.GetValue<string>()).ShouldContain(d => d != null
            && d.StartsWith("报广西壮族自治区", StringComparison.Ordinal) && !d.Contains("450000", StringComparison.Ordinal));
    }
}
