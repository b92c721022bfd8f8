using Assessment.SharedKernel.Contracts;
using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.Notices.Closing;
using NodaTime;
using Wolverine.Tracking;

namespace Assessment.IntegrationTests.Notices;

public class NoticeTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<(Guid Id, JsonObject Notice)> Publish(Caller reviewer, object body)
    {
        var created = await Host.Scenario(s =>
            { s.As(reviewer); s.Post.Json(body).ToUrl("/api/notices"); s.StatusCodeShouldBe(HttpStatusCode.Created); });
        var id = (await created.ReadAsJsonAsync<JsonObject>())!["value"]!.GetValue<Guid>();
        return (id, await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}"));
    }

    private static object Filing(string? start = null, int? length = null, string? area = null) => new
    {
        kind = nameof(NoticeKind.FilingPublicity), subject = "关于拟备案评价机构的公示", body = "拟备案机构名单如下……",
        areaCode = area, startDate = start, length,
    };

    private async Task<Guid> Object(Guid id, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "张先生", phone = "13800001111", content = "该机构实际不具备视频监控设备，请核实。" }).ToUrl($"/api/notices/{id}/objections");
            s.StatusCodeShouldBe(expected);
        });
        return expected == HttpStatusCode.OK ? (await result.ReadAsJsonAsync<JsonObject>())!["objectionId"]!.GetValue<Guid>() : Guid.Empty;
    }

    [Fact]
    public async Task FIL_17_filing_publicity_lasts_the_policys_working_days_on_the_authoritys_calendar()
    {
        var reviewer = await Given.Reviewer("anhui.reviewer", "340000");
        var (_, notice) = await Publish(reviewer, Filing());
        notice["windowStart"]!.GetValue<string>().ShouldBe("2026-11-23");
        notice["windowEnd"]!.GetValue<string>().ShouldBe("2026-11-27");
        notice["length"]!.GetValue<int>().ShouldBe(5);
        notice["status"]!.GetValue<string>().ShouldBe("Open");
    }

    [Fact]
    public async Task FIL_17_a_window_skips_the_2026_mid_autumn_and_national_day_holidays()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 20, 2, 0));
        var reviewer = await Given.Reviewer("hefei.reviewer", "340100");
        var (_, notice) = await Publish(reviewer, Filing("2026-09-24"));
        // 09-24 (1), 09-25..27 off, 09-28 (2), 09-29 (3), 09-30 (4), 10-01..07 off, 10-08 (5)
        notice["windowEnd"]!.GetValue<string>().ShouldBe("2026-10-08");
    }

    [Fact]
    public async Task FIL_17_a_publicity_shorter_than_the_policy_requires_is_422()
    {
        var reviewer = await Given.Reviewer("guangxi.reviewer", "450000");
        var result = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(Filing(length: 3)).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        var rule = (await result.Problem())["rules"]![0]!;
        rule["ruleId"]!.GetValue<string>().ShouldBe("FIL-17");
        rule["message"]!.GetValue<string>().ShouldContain("不少于5个工作日");
    }

    [Fact]
    public async Task BAT_06_anhui_results_publicity_counts_seven_calendar_days_and_guangxi_five_working_days()
    {
        object Results() => new { kind = nameof(NoticeKind.ResultsPublicity), subject = "认定结果公示", body = "合格人员名单……" };
        var (_, anhui) = await Publish(await Given.Reviewer("anhui.reviewer", "340000"), Results());
        anhui["windowEnd"]!.GetValue<string>().ShouldBe("2026-11-29");
        anhui["lengthUnit"]!.GetValue<string>().ShouldBe("calendar-days");
        await Given.GuangxiCalendar(); // Guangxi counts working days of 2026 once the region's 2026 is loaded
        var (_, guangxi) = await Publish(await Given.Reviewer("guangxi.reviewer", "450000"), Results());
        guangxi["windowEnd"]!.GetValue<string>().ShouldBe("2026-11-27");
    }

    [Fact]
    public async Task a_window_reaching_into_a_year_the_calendar_does_not_know_is_refused()
    {
        var reviewer = await Given.Reviewer("anhui.reviewer", "340000");
        var result = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(Filing("2026-12-28")).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.UnprocessableEntity);
        });
        (await result.Problem())["rules"]![0]!["ruleId"]!.GetValue<string>().ShouldBe("WORKDAYS");
    }

    [Fact]
    public async Task a_reviewer_publishes_only_for_its_own_area_or_below()
    {
        var wuhu = await Given.Reviewer("wuhu.reviewer", "340200");
        await Host.Scenario(s =>
        {
            s.As(wuhu);
            s.Post.Json(Filing(area: "340100")).ToUrl("/api/notices");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        var huangshi = await Given.Reviewer("huangshi.reviewer", "420200");
        var (_, county) = await Publish(huangshi, Filing(area: "420281"));
        county["jurisdiction"]!.GetValue<string>().ShouldBe("hubei-huangshi");
    }

    [Fact]
    public async Task FIL_17_anyone_objects_during_the_window_and_only_the_areas_reviewers_see_who_objected()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var (id, _) = await Publish(reviewer, Filing());
        await Object(id);

        var publicView = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}");
        publicView["objectionCount"]!.GetValue<int>().ShouldBe(1);
        publicView["openObjections"]!.GetValue<int>().ShouldBe(1);
        publicView.ToJsonString().ShouldNotContain("13800001111");

        // AUD-04: the list masks the contacts; the reviewer opens the objection to reach the objector (a recorded read)
        var listed = (await Given.Get<JsonArray>(reviewer, $"/api/notices/{id}/objections")).ShouldHaveSingleItem()!;
        listed["phone"]!.GetValue<string>().ShouldBe("138****1111");
        var full = await Given.Get<JsonObject>(reviewer, $"/api/notices/{id}/objections/{listed["id"]!.GetValue<Guid>()}");
        (full["name"]!.GetValue<string>(), full["phone"]!.GetValue<string>()).ShouldBe(("张先生", "13800001111"));

        var hefei = await Given.Reviewer("hefei.reviewer", "340100");
        var (orgUser, _) = await Given.Organization("wuhu.org", "340200", "芜湖机构");
        foreach (var outsider in new[] { hefei, orgUser })
        {
            await Host.Scenario(s =>
            {
                s.As(outsider);
                s.Get.Url($"/api/notices/{id}/objections");
                s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
            });
        }
    }

    [Fact]
    public async Task an_objection_needs_a_way_to_reach_the_objector()
    {
        var (id, _) = await Publish(await Given.Reviewer("wuhu.reviewer", "340200"), Filing());
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { name = "匿名", content = "短" }).ToUrl($"/api/notices/{id}/objections");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await result.Problem())["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["phone", "content"], ignoreOrder: true);
    }

    [Fact]
    public async Task FIL_17_no_objection_is_taken_after_the_window()
    {
        var (id, _) = await Publish(await Given.Reviewer("wuhu.reviewer", "340200"), Filing());
        App.Clock.Reset(Instant.FromUtc(2026, 11, 28, 2, 0));
        await Object(id, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task FIL_17_a_reviewer_of_the_area_resolves_an_objection_with_a_reason_against_the_version_it_saw()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var (id, _) = await Publish(reviewer, Filing());
        var objection = await Object(id);
        var version = (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}"))["version"]!.GetValue<long>();

        // the notice is public, so another city's reviewer is told who may handle it (issue 16: 403, not 404)
        var other = await Given.Reviewer("hefei.reviewer", "340100");
        await Host.Scenario(s =>
        {
            s.As(other);
            s.Post.Json(new { version, outcome = "Dismissed", reason = "经核实，该机构已配备视频监控设备。" }).ToUrl($"/api/notices/{id}/objections/{objection}/resolve");
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { version = version - 1, outcome = "Dismissed", reason = "经核实不成立。" }).ToUrl($"/api/notices/{id}/objections/{objection}/resolve");
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });
        var resolved = await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { version, outcome = "Dismissed", reason = "经现场核查，该机构已配备视频监控设备。" }).ToUrl($"/api/notices/{id}/objections/{objection}/resolve");
            s.StatusCodeShouldBeOk();
        });
        var notice = (await resolved.ReadAsJsonAsync<JsonObject>())!;
        notice["objections"]![0]!["outcome"]!.GetValue<string>().ShouldBe("Dismissed");
        notice["objections"]![0]!["resolvedBy"]!.GetValue<string>().ShouldBe("wuhu.reviewer");
    }

    [Fact]
    public async Task NTC_publishing_schedules_the_close_and_the_notice_closes_on_its_own_after_the_window()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        Guid id = default;
        var tracked = await Host.ExecuteAndWaitAsync(async () =>
        {
            (id, _) = await Publish(reviewer, Filing());
        });
        var scheduled = tracked.Scheduled.SingleEnvelope<CloseNoticeWindow>();
        scheduled.ScheduledTime!.Value.ShouldBe(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(8)));

        // Early delivery changes nothing
        await Host.InvokeMessageAndWaitAsync(new CloseNoticeWindow(id));
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}"))["status"]!.GetValue<string>().ShouldBe("Open");

        App.Clock.Reset(Instant.FromUtc(2026, 11, 27, 16, 0)); // 2026-11-28 00:00 in China
        await Host.InvokeMessageAndWaitAsync(new CloseNoticeWindow(id));
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}"))["status"]!.GetValue<string>().ShouldBe("Closed");
        var closed = await Given.Get<JsonObject>(Caller.Anonymous, "/api/notices?status=Closed");
        closed["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task a_reviewer_withdraws_a_notice_with_a_reason_and_it_takes_no_more_objections()
    {
        var reviewer = await Given.Reviewer("wuhu.reviewer", "340200");
        var (id, notice) = await Publish(reviewer, Filing());
        await Host.Scenario(s =>
        {
            s.As(reviewer);
            s.Post.Json(new { version = notice["version"]!.GetValue<long>(), reason = "名单有误，重新发布。" }).ToUrl($"/api/notices/{id}/withdraw");
            s.StatusCodeShouldBeOk();
        });
        await Object(id, HttpStatusCode.UnprocessableEntity);
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}"))["withdrawalReason"]!.GetValue<string>().ShouldBe("名单有误，重新发布。");
    }

    [Fact]
    public async Task NTC_a_notice_another_module_asks_for_is_published_once_and_closes_at_once_if_its_window_has_already_passed()
    {
        var id = Guid.NewGuid();
        var open = new OpenNotice(id, NoticeKind.FilingPublicity, "备案公示", "正文", "340200", "anhui", "national", new LocalDate(2026, 11, 9),
            new LocalDate(2026, 11, 13), 5, "working-days", "filing-application:" + Guid.NewGuid(), App.Clock.GetCurrentInstant(),
            Assessment.SharedKernel.Events.Actor.System);
        await Host.InvokeMessageAndWaitAsync(open);
        await Host.InvokeMessageAndWaitAsync(open); // delivered twice: still one notice
        var notice = await Given.Get<JsonObject>(Caller.Anonymous, $"/api/notices/{id}");
        notice["status"]!.GetValue<string>().ShouldBe("Closed");
        notice["version"]!.GetValue<long>().ShouldBe(2);
    }
}
