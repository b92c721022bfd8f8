using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Filing;

public class FilingLifecycleTests(AppFixture app) : IntegrationTest(app)
{
    private FilingJourney Journey(Jurisdiction where, string tag) => new(Host, Given, App, where, tag);

    /// <summary>Huangshi takes applications only in its windows (FIL-12); 2026-09-01 is inside the August–September one.</summary>
    private void ClockFor(Jurisdiction where)
    {
        if (where == Jurisdiction.Huangshi) App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
    }

    [Theory]
    [InlineData("anhui")]
    [InlineData("guangxi")]
    [InlineData("hubei-huangshi")]
    [InlineData("national")]
    public async Task FIL_14_to_FIL_19_an_organization_goes_from_registration_to_the_public_directory(string jurisdiction)
    {
        var where = Jurisdiction.Named(jurisdiction);
        ClockFor(where);
        var journey = await Journey(where, "j").Participants();
        await journey.Draft();
        await journey.Submit();
        (await journey.Accept())["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await journey.AssignExpert())["status"]!.GetValue<string>().ShouldBe("UnderEvaluation");
        await journey.Score(90);
        var concluded = await journey.Conclude();
        concluded["status"]!.GetValue<string>().ShouldBe("EvaluationPassed");
        concluded["averageScore"]!.GetValue<decimal>().ShouldBe(90m);
        var publicized = await journey.Publicize();
        publicized["status"]!.GetValue<string>().ShouldBe("InPublicity");

        // the notice is public at once, with the occupations and levels (FIL-17)
        var notice = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{journey.NoticeId}");
        notice["kind"]!.GetValue<string>().ShouldBe("FilingPublicity");
        notice["body"]!.GetValue<string>().ShouldContain("育婴员");

        (await journey.ClosePublicity())["publicityStatus"]!.GetValue<string>().ShouldBe("Closed");
        var granted = await journey.Grant();
        var number = granted["filingNumber"]!.GetValue<string>();
        number.ShouldBe(where.NumberPrefix + "0001"); // FIL-24: category, codes, first serial of the city

        // FIL-19: in the public directory at once, searchable by name, occupation, level and region
        var page = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory?name=j培训&occupation=育婴员&level=4&area={where.OrganizationArea}");
        var entry = page["items"]!.AsArray().Single()!.AsObject();
        entry["filingNumber"]!.GetValue<string>().ShouldBe(number);
        entry["status"]!.GetValue<string>().ShouldBe("Active");
        entry["sites"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("j评价基地");
        entry["validUntil"]!.GetValue<string>().ShouldBe(LocalDate.FromDateTime(DateTime.Parse(entry["validFrom"]!.GetValue<string>())).PlusYears(3).PlusDays(-1).ToString("yyyy-MM-dd", null));

        // 全程留痕: every decision on the application records its actor
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(journey.ApplicationId);
        var actors = events.Select(e => (e.EventTypeName, ((dynamic)e.Data).By.UserName as string)).ToList();
        actors.ShouldContain(("evaluation_scored", "j.expert"));
        actors.ShouldContain(("application_granted", "j.reviewer"));
        actors.ShouldContain(("publicity_progressed", "system"));
        var grant = events.Single(e => e.Data is Assessment.Filing.Applications.ApplicationGranted).Data as Assessment.Filing.Applications.ApplicationGranted;
        grant!.Basis.ShouldNotBeNull().ShouldContain("期满");
    }

    [Theory]
    [InlineData("anhui")]
    [InlineData("guangxi")]
    [InlineData("hubei-huangshi")]
    [InlineData("national")]
    public async Task FIL_17_an_open_objection_blocks_filing_until_a_reviewer_dismisses_it(string jurisdiction)
    {
        var where = Jurisdiction.Named(jurisdiction);
        ClockFor(where);
        var journey = await Journey(where, "o").Participants();
        await journey.Draft(); await journey.Submit(); await journey.Accept(); await journey.AssignExpert(); await journey.Score(); await journey.Conclude();
        await journey.Publicize();
        var early = await journey.Send(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/grant", new { version = journey.Version },
            HttpStatusCode.UnprocessableEntity);
        early["rules"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ShouldContain("publicity.window-open");

        Guid objectionId = default;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            var receipt = await journey.Send(Caller.Anonymous, $"/api/notices/{journey.NoticeId}/objections",
                new { name = "王五", phone = "13800001111", content = "该机构考场没有视频监控设备，不符合条件。" });
            objectionId = receipt["objectionId"]!.GetValue<Guid>();
        });
        (await journey.Reload())["openObjections"]!.GetValue<int>().ShouldBe(1);
        await journey.ClosePublicity();

        var blocked = await journey.Send(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/grant", new { version = journey.Version },
            HttpStatusCode.UnprocessableEntity);
        blocked["rules"]!.AsArray().Select(e => e!["ruleId"]!.GetValue<string>()).ShouldBe(["FIL-17"]);
        blocked["rules"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("publicity.objection-open");

        var notice = await Given.Get<JsonObject>(journey.Reviewer, $"/api/notices/{journey.NoticeId}");
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await journey.Send(journey.Reviewer, $"/api/notices/{journey.NoticeId}/objections/{objectionId}/resolve",
                new { version = notice["version"]!.GetValue<long>(), outcome = "Dismissed", reason = "经现场核查，考场已配备视频监控。" });
        });
        (await journey.Reload())["openObjections"]!.GetValue<int>().ShouldBe(0);
        (await journey.Grant())["filingNumber"]!.GetValue<string>().ShouldBe(where.NumberPrefix + "0001");
    }

    [Fact]
    public async Task FIL_17_an_upheld_objection_refuses_filing_and_the_reviewer_records_the_rejection()
    {
        var journey = await Journey(Jurisdiction.Anhui, "u").Participants();
        await journey.Draft(); await journey.Submit(); await journey.Accept(); await journey.AssignExpert(); await journey.Score(); await journey.Conclude();
        await journey.Publicize();
        Guid objectionId = default;
        await Host.ExecuteAndWaitAsync(async () =>
        {
            objectionId = (await journey.Send(Caller.Anonymous, $"/api/notices/{journey.NoticeId}/objections",
                new { name = "赵六", email = "zhao@example.cn", content = "该机构申报的评价人次数与实际严重不符。" }))["objectionId"]!.GetValue<Guid>();
        });
        var notice = await Given.Get<JsonObject>(journey.Reviewer, $"/api/notices/{journey.NoticeId}");
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await journey.Send(journey.Reviewer, $"/api/notices/{journey.NoticeId}/objections/{objectionId}/resolve",
                new { version = notice["version"]!.GetValue<long>(), outcome = "Upheld", reason = "经核实，申报人次存在虚报。" });
        });
        await journey.ClosePublicity();
        var refused = await journey.Send(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/grant", new { version = journey.Version },
            HttpStatusCode.UnprocessableEntity);
        refused["rules"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ShouldContain("publicity.objection-upheld");
        var rejected = await journey.Step(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/reject",
            new { version = journey.Version, reason = "公示异议成立，申报材料不实。" });
        rejected["status"]!.GetValue<string>().ShouldBe("Rejected");
        rejected["rejectionRuleId"]!.GetValue<string>().ShouldBe("FIL-17");
    }

    [Fact]
    public async Task FIL_16_experts_score_only_what_they_are_assigned_and_the_conclusion_waits_for_every_score()
    {
        var journey = await Journey(Jurisdiction.Anhui, "e").Participants();
        await journey.Draft(); await journey.Submit(); await journey.Accept();

        // an expert of another jurisdiction is not eligible; an organization account is no expert
        var gxExpert = await Given.Account("gx.expert", "expert", "450000");
        var refused = await journey.Send(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/experts",
            new { version = journey.Version, expertIds = new[] { gxExpert, journey.ExpertId } }, HttpStatusCode.UnprocessableEntity);
        refused["rules"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ShouldBe(["evaluation.expert-outside-jurisdiction"]);
        var eligible = await Given.Get<JsonArray>(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/eligible-experts");
        eligible.Select(e => e!["userName"]!.GetValue<string>()).ShouldBe(["e.expert"]);

        var second = await Given.Account("e.expert2", "expert", "340000");
        await journey.Step(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/experts",
            new { version = journey.Version, expertIds = new[] { journey.ExpertId, second }, methods = new[] { "document-review", "interview" } });

        // not assigned → 403; assigned but not every subject scored → 422
        var stranger = await Given.SignIn("gx.expert");
        await journey.Send(stranger, $"/api/filing/applications/{journey.ApplicationId}/evaluation/scores",
            new { version = journey.Version, scores = FilingJourney.Scores(), onSiteFindings = "无", recommendsFiling = true, opinion = "同意" }, HttpStatusCode.NotFound);
        var partial = await journey.Send(journey.Expert, $"/api/filing/applications/{journey.ApplicationId}/evaluation/scores",
            new { version = journey.Version, scores = new[] { new { subject = "basics", score = 80 } }, onSiteFindings = "无", recommendsFiling = true, opinion = "同意" },
            HttpStatusCode.UnprocessableEntity);
        partial["rules"]![0]!["ruleId"]!.GetValue<string>().ShouldBe("FIL-16");

        await journey.Score(80);
        var pending = await journey.Send(journey.Reviewer, $"/api/filing/applications/{journey.ApplicationId}/evaluation/conclusion",
            new { version = journey.Version, passed = true, reason = "通过" }, HttpStatusCode.UnprocessableEntity);
        pending["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("evaluation.scores-pending");

        var expert2 = await Given.SignIn("e.expert2");
        await journey.Step(expert2, $"/api/filing/applications/{journey.ApplicationId}/evaluation/scores",
            new { version = journey.Version, scores = FilingJourney.Scores(60), onSiteFindings = "考务管理制度不健全。", recommendsFiling = false, opinion = "不同意" });
        var failed = await journey.Conclude(passed: false);
        failed["status"]!.GetValue<string>().ShouldBe("Rejected");
        failed["averageScore"]!.GetValue<decimal>().ShouldBe(70m);
        failed["rejectionRuleId"]!.GetValue<string>().ShouldBe("FIL-16");
    }

    [Fact]
    public async Task FIL_24_twenty_parallel_grants_in_one_city_take_twenty_consecutive_serials()
    {
        var reviewer = await Given.Reviewer("par.reviewer", "340200");
        var expertId = await Given.Account("par.expert", "expert", "340000");
        var journeys = new List<FilingJourney>();
        for (var i = 1; i <= 20; i++)
        {
            var j = new FilingJourney(Host, Given, App, Jurisdiction.Anhui, $"p{i}");
            await j.ParticipantsSharing(reviewer, expertId, await Given.SignIn("par.expert"), i);
            await j.Draft(); await j.Submit(); await j.Accept(); await j.AssignExpert(); await j.Score(); await j.Conclude(); await j.Publicize();
            journeys.Add(j);
        }
        foreach (var j in journeys) await j.ClosePublicity();

        var numbers = await Task.WhenAll(journeys.Select(async j => (await j.Grant())["filingNumber"]!.GetValue<string>()));
        numbers.Order().ShouldBe(Enumerable.Range(1, 20).Select(i => $"Y00003402{i:D4}"));
    }

    [Fact]
    public async Task FIL_19_FIL_24_suspension_and_cancellation_show_in_the_directory_at_once_and_a_cancelled_number_is_never_reused()
    {
        var first = await Journey(Jurisdiction.Anhui, "s1").Participants(1);
        var granted = await first.ToGrant();
        var filingId = granted["filingId"]!.GetValue<Guid>();
        var filing = await Given.Get<JsonObject>(first.Reviewer, $"/api/filing/filings/{filingId}");

        // another city's reviewer cannot see it; the organization may not suspend itself
        var hefei = await Given.Reviewer("hf.reviewer", "340100");
        await first.Send(hefei, $"/api/filing/filings/{filingId}/suspend", new { version = filing["version"]!.GetValue<long>(), reason = "检查" }, HttpStatusCode.NotFound);
        await first.Send(first.Organization, $"/api/filing/filings/{filingId}/suspend", new { version = filing["version"]!.GetValue<long>(), reason = "检查" }, HttpStatusCode.Forbidden);

        var suspended = await first.Send(first.Reviewer, $"/api/filing/filings/{filingId}/suspend",
            new { version = filing["version"]!.GetValue<long>(), reason = "双随机抽查发现考务管理问题，责令整改。" });
        suspended["status"]!.GetValue<string>().ShouldBe("Suspended");
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{filingId}"))["status"]!.GetValue<string>().ShouldBe("Suspended");
        await first.Send(first.Reviewer, $"/api/filing/filings/{filingId}/suspend",
            new { version = suspended["version"]!.GetValue<long>() - 1, reason = "重复" }, HttpStatusCode.Conflict);

        var cancelled = await first.Send(first.Reviewer, $"/api/filing/filings/{filingId}/cancel",
            new { version = suspended["version"]!.GetValue<long>(), reason = "整改不到位，注销备案。" });
        cancelled["status"]!.GetValue<string>().ShouldBe("Cancelled");
        var entry = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{filingId}");
        entry["status"]!.GetValue<string>().ShouldBe("Cancelled");
        entry["history"]!.AsArray().Select(h => h!["kind"]!.GetValue<string>()).ShouldBe(["granted", "suspended", "cancelled"]);

        // the next grant in the city takes serial 2: number 1 sits in the discard pool for good
        var second = await Journey(Jurisdiction.Anhui, "s2").Participants(2);
        (await second.ToGrant())["filingNumber"]!.GetValue<string>().ShouldBe("Y000034020002");
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var sequence = await session.LoadAsync<Assessment.Filing.Numbering.FilingNumberSequence>(
            Assessment.Filing.Numbering.FilingNumberAllocator.SequenceId("34", "02"));
        sequence!.Discarded.ShouldBe(["Y000034020001"]);
    }

    [Fact]
    public async Task FIL_24_a_body_absorbed_by_another_is_cancelled_and_the_absorber_keeps_its_number()
    {
        var absorber = await Journey(Jurisdiction.Anhui, "m1").Participants(1);
        var kept = await absorber.ToGrant();
        var absorbed = await Journey(Jurisdiction.Anhui, "m2").Participants(2);
        var gone = await absorbed.ToGrant();
        var filing = await Given.Get<JsonObject>(absorbed.Reviewer, $"/api/filing/filings/{gone["filingId"]}");
        await absorbed.Send(absorbed.Reviewer, $"/api/filing/filings/{gone["filingId"]}/cancel",
            new { version = filing["version"]!.GetValue<long>(), reason = "被吸收合并。", mergedIntoFilingId = kept["filingId"]!.GetValue<Guid>() });
        var entry = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{gone["filingId"]}");
        entry["history"]!.AsArray().Last()!["description"]!.GetValue<string>().ShouldContain(kept["filingNumber"]!.GetValue<string>());
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{kept["filingId"]}"))["filingNumber"]!.GetValue<string>()
            .ShouldBe(kept["filingNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task FIL_20_a_filing_expires_on_its_own_and_a_renewal_through_the_same_review_restores_it()
    {
        var journey = await Journey(Jurisdiction.Anhui, "r").Participants();
        var granted = await journey.ToGrant();
        var filingId = granted["filingId"]!.GetValue<Guid>();
        var until = LocalDate.FromDateTime(DateTime.Parse(granted["validUntil"]!.GetValue<string>()));

        // the expiry is a scheduled message; delivered early it changes nothing
        await Host.InvokeMessageAndWaitAsync(new ExpireFiling(filingId));
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{filingId}"))["status"]!.GetValue<string>().ShouldBe("Active");
        App.Clock.Reset(until.PlusDays(1).AtStartOfDayInZone(Assessment.SharedKernel.ChinaTime.Zone).ToInstant());
        await Host.InvokeMessageAndWaitAsync(new ExpireFiling(filingId));
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{filingId}"))["status"]!.GetValue<string>().ShouldBe("Expired");
    }

    [Fact]
    public async Task FIL_20_FIL_21_renewal_extends_the_validity_and_a_change_replaces_the_occupations_keeping_the_number()
    {
        var journey = await Journey(Jurisdiction.Anhui, "c").Participants();
        var granted = await journey.ToGrant();
        var filingId = granted["filingId"]!.GetValue<Guid>();
        var number = granted["filingNumber"]!.GetValue<string>();

        var again = await journey.Send(journey.Organization, "/api/filing/applications", new { jurisdiction = "anhui", scope = "city" },
            HttpStatusCode.UnprocessableEntity);
        again["rules"]![0]!["code"]!.GetValue<string>().ShouldBe("filing.already-filed");
        await journey.Draft([FilingJourney.Line(), FilingJourney.Line("电工", 4, 5)], kind: "Change", filingId: filingId);
        await journey.Submit(); await journey.Accept(); await journey.AssignExpert(); await journey.Score(); await journey.Conclude();
        await journey.Publicize(); await journey.ClosePublicity();
        (await journey.Grant())["filingNumber"]!.GetValue<string>().ShouldBe(number);
        var entry = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{filingId}");
        entry["occupations"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ShouldBe(["育婴员", "电工"]);

        await journey.Draft(kind: "Renewal", filingId: filingId);
        await journey.Submit(); await journey.Accept(); await journey.AssignExpert(); await journey.Score(); await journey.Conclude();
        await journey.Publicize(); await journey.ClosePublicity();
        var renewed = await journey.Grant();
        renewed["validFrom"]!.GetValue<string>().ShouldBe(LocalDate.FromDateTime(DateTime.Parse(granted["validUntil"]!.GetValue<string>())).PlusDays(1).ToString("yyyy-MM-dd", null));
        (await Given.Get<JsonObject>(Caller.Anonymous, "/api/directory"))["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task FIL_04_in_huangshi_an_occupation_with_two_filed_organizations_takes_no_third_social_organization()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
        for (var i = 1; i <= 2; i++) await (await Journey(Jurisdiction.Huangshi, $"h{i}").Participants(i)).ToGrant();
        App.Clock.Reset(Instant.FromUtc(2026, 9, 9, 2, 0)); // back inside the September window (FIL-12)
        var third = await Journey(Jurisdiction.Huangshi, "h3").Participants(3, category: "S");
        await third.Draft();
        var refused = await third.Send(third.Organization, $"/api/filing/applications/{third.ApplicationId}/submit", new { version = third.Version },
            HttpStatusCode.UnprocessableEntity);
        var error = refused["rules"]!.AsArray().Single(r => r!["ruleId"]!.GetValue<string>() == "FIL-04")!;
        refused["rules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).Distinct().ShouldBe(["FIL-04"], customMessage: refused.ToJsonString());
        error["ruleId"]!.GetValue<string>().ShouldBe("FIL-04");
        error["code"]!.GetValue<string>().ShouldBe("filing.occupation-saturated");
        error["inPrinciple"]!.GetValue<bool>().ShouldBeTrue();

        // a cancelled filing no longer counts
        var first = await Given.Get<JsonObject>(Caller.Anonymous, "/api/directory?name=h1");
        var filingId = first["items"]![0]!["id"]!.GetValue<Guid>();
        var reviewer = await Given.SignIn("h1.reviewer");
        var filing = await Given.Get<JsonObject>(reviewer, $"/api/filing/filings/{filingId}");
        await third.Send(reviewer, $"/api/filing/filings/{filingId}/cancel", new { version = filing["version"]!.GetValue<long>(), reason = "机构申请注销。" });
        (await third.Submit())["status"]!.GetValue<string>().ShouldBe("Submitted");
    }

    [Fact]
    public async Task FIL_13_in_huangshi_a_filed_organization_that_has_not_run_certification_may_not_add_occupations()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
        var journey = await Journey(Jurisdiction.Huangshi, "i").Participants();
        var filingId = (await journey.ToGrant())["filingId"]!.GetValue<Guid>();
        await journey.Draft([FilingJourney.Line(), FilingJourney.Line("电工", 3, 5)], kind: "Change", filingId: filingId);
        var refused = await journey.Send(journey.Organization, $"/api/filing/applications/{journey.ApplicationId}/submit", new { version = journey.Version },
            HttpStatusCode.UnprocessableEntity);
        refused["rules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).ShouldBe(["FIL-13"]);

        // the Batches module reports a certification run; the same application now goes in
        await Host.InvokeMessageAndWaitAsync(new Assessment.SharedKernel.Contracts.CertificationRunRecorded(journey.OrganizationId, "hubei-huangshi", "育婴员",
            new LocalDate(2026, 9, 8), Assessment.SharedKernel.Events.Actor.System));
        (await journey.Submit())["status"]!.GetValue<string>().ShouldBe("Submitted");
    }

    [Fact]
    public async Task filings_and_receipts_are_seen_only_by_their_organization_and_the_reviewers_of_its_area()
    {
        var journey = await Journey(Jurisdiction.Anhui, "b").Participants();
        var filingId = (await journey.ToGrant())["filingId"]!.GetValue<Guid>();
        var (otherOrg, _) = await Given.Organization("b2.org", "340100", "另一机构", 2);
        var guangxi = await Given.Reviewer("gx.r", "450000");
        var province = await Given.Reviewer("ah.r", "340000");
        foreach (var caller in new[] { otherOrg, guangxi })
        {
            foreach (var url in new[] { $"/api/filing/filings/{filingId}", $"/api/filing/filings/{filingId}/receipt" })
                await Host.Scenario(s => { s.As(caller); s.Get.Url(url); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
            (await Given.Get<JsonObject>(caller, "/api/filing/filings"))["total"]!.GetValue<long>().ShouldBe(0);
        }
        (await Given.Get<JsonObject>(province, $"/api/filing/filings/{filingId}/receipt"))["organizationName"]!.GetValue<string>().ShouldBe("b培训评价中心");
        (await Given.Get<JsonObject>(journey.Organization, "/api/filing/filings"))["total"]!.GetValue<long>().ShouldBe(1);
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{filingId}"))["name"]!.GetValue<string>().ShouldBe("b培训评价中心");
    }

    [Fact]
    public async Task the_directory_exports_the_search_result_as_xlsx()
    {
        var journey = await Journey(Jurisdiction.Anhui, "x").Participants();
        await journey.ToGrant();
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/directory/export?occupation=育婴员");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        });
        var stream = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(stream);
        stream.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Single()["备案号"].ShouldBe("Y000034020001");
        rows.Single()["职业（工种）及等级"].ToString()!.ShouldContain("育婴员");
        rows.Single()["状态"].ShouldBe("有效");
    }
}


public class DirectoryContactTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task FIL_19_a_contact_change_of_a_filed_organization_reaches_the_directory()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "k").Participants();
        var granted = await journey.ToGrant();
        var organization = await Given.Get<JsonObject>(journey.Organization, $"/api/organizations/{journey.OrganizationId}");
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await journey.Send(journey.Organization, $"/api/organizations/{journey.OrganizationId}/contact", new
            {
                version = organization["version"]!.GetValue<long>(), address = "芜湖市鸠江区新地址8号", contactName = "赵新", contactPhone = "13955556666",
                contactEmail = "new@example.cn",
            }, put: true);
        });
        var entry = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/directory/{granted["filingId"]}");
        entry["contactPhone"]!.GetValue<string>().ShouldBe("13955556666");
        entry["address"]!.GetValue<string>().ShouldBe("芜湖市鸠江区新地址8号");
        entry["history"]!.AsArray().Last()!["kind"]!.GetValue<string>().ShouldBe("contact");
    }

    [Fact]
    public async Task FIL_19_the_directory_export_neutralises_text_a_spreadsheet_would_run_as_a_formula()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "fx").Participants();
        await journey.ToGrant();
        var organization = await Given.Get<JsonObject>(journey.Organization, $"/api/organizations/{journey.OrganizationId}");
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await journey.Send(journey.Organization, $"/api/organizations/{journey.OrganizationId}/contact", new
            {
                version = organization["version"]!.GetValue<long>(), address = "=HYPERLINK(\"http://evil.example\",\"点击\")",
                contactName = "@SUM(1+1)", contactPhone = "13955556666", contactEmail = "new@example.cn",
            }, put: true);
        });
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/directory/export?name=fx");
            s.StatusCodeShouldBeOk();
        });
        var stream = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(stream);
        stream.Position = 0;
        var row = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        // the exact text, kept from running by the cell's quote-prefix style rather than a visible apostrophe (issue 15, item 12)
        row["地址"].ShouldBe("=HYPERLINK(\"http://evil.example\",\"点击\")");
        row["联系人"].ShouldBe("@SUM(1+1)");
        row["联系电话"].ShouldBe("13955556666");
    }
}
