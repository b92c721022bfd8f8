using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using NodaTime;

namespace Assessment.IntegrationTests.Workbench;

/// <summary>
/// The workbench (GET /api/workbench): everything waiting for the caller across the modules, each item where the caller may take
/// its deciding step now (the modules' guard tables), with its deadline in working days, overdue first.
/// </summary>
public class WorkbenchTests(AppFixture app) : IntegrationTest(app)
{
    private async Task<JsonArray> Items(Caller caller) => (await Given.Get<JsonObject>(caller, "/api/workbench"))["items"]!.AsArray();

    private static JsonObject? Of(JsonArray items, Guid objectId) =>
        items.SingleOrDefault(i => i!["objectId"]!.GetValue<Guid>() == objectId)?.AsObject();

    private static LocalDate Date(JsonNode? node) => LocalDate.FromDateTime(DateTime.Parse(node!.GetValue<string>()));

    /// <summary>A second organization's batch, run until its results are publicized without objection (BAT-07: the report is due).</summary>
    private async Task<BatchJourney> PublicizedBatch(string tag, int serial)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, tag).Participants(serial);
        var b = await new BatchJourney(Host, Given, App, filing, tag).Filed("340200");
        await b.Draft();
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        await b.Candidate("李小四", 11);
        await b.File();
        b.ClockTo(exam);
        await b.Results((b.Batch["candidates"]![0]!["id"]!.GetValue<Guid>(), 80, 80));
        await b.Publicize();
        (await b.ClosePublicity())["status"]!.GetValue<string>().ShouldBe("Publicized");
        return b;
    }

    [Fact]
    public async Task BAT_07_CRT_05_the_receiving_reviewer_sees_the_reported_batch_and_the_open_correction_the_organization_its_due_report()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0)); // every deadline within the loaded 2026 calendar
        var accepted = await CertificateJourneys.AcceptedAnhuiBatch(App, Given, "wbc", "张小三");
        var certificate = (await CertificateJourneys.Certificates(Given, accepted.Organization, accepted.BatchId)).OfHolder("张小三");
        var requested = await accepted.Send(accepted.Organization, $"/api/certificates/{certificate["id"]}/corrections", new
        {
            version = certificate["version"]!.GetValue<int>(), holderName = "张晓三", documentType = 201,
            documentNumber = BatchJourney.IdNumber(1), employer = "芜湖家政公司", reason = "姓名录入错误",
        });
        var correctionId = requested["correctionId"]!.GetValue<Guid>();

        var due = await PublicizedBatch("wbr", 2);
        var dueOn = Date(due.Batch["reportDueOn"]);

        // the organization: its results are due to be reported (BAT-07), counted in working days on Anhui's calendar
        var orgItem = Of(await Items(due.Organization), due.BatchId).ShouldNotBeNull();
        orgItem["kind"]!.GetValue<string>().ShouldBe("batchReportDue");
        orgItem["kindName"]!.GetValue<string>().ShouldBe("待报备的认定结果");
        orgItem["expected"]!.GetValue<string>().ShouldContain("报备认定结果");
        orgItem["link"]!.GetValue<string>().ShouldBe($"/batches/{due.BatchId}");
        Date(orgItem["dueOn"]).ShouldBe(dueOn);
        orgItem["deadlineRule"]!.GetValue<string>().ShouldBe("BAT-07");
        orgItem["workingDaysLeft"]!.GetValue<int>().ShouldBeGreaterThan(0);
        orgItem["overdue"]!.GetValue<bool>().ShouldBeFalse();
        orgItem["deadlineText"]!.GetValue<string>().ShouldStartWith("剩 ");
        // another organization's batch is none of the first organization's business
        Of(await Items(accepted.Organization), due.BatchId).ShouldBeNull();

        await due.Step(due.Organization, $"/api/batches/{due.BatchId}/report", new { version = due.Version });
        Of(await Items(due.Organization), due.BatchId).ShouldBeNull(); // reported: now it waits for the authority

        // the receiving authority's reviewer: the reported results to accept or return, and the correction to approve or reject
        var reviewerItems = await Items(accepted.Reviewer);
        var report = Of(reviewerItems, due.BatchId).ShouldNotBeNull();
        report["kind"]!.GetValue<string>().ShouldBe("batchReportToReview");
        report["kindName"]!.GetValue<string>().ShouldBe("结果报备审核");
        report["title"]!.GetValue<string>().ShouldContain("wbr培训评价中心");
        report["expected"]!.GetValue<string>().ShouldContain("通过或退回");
        report["dueOn"].ShouldBeNull(); // no policy sets the authority a deadline for it
        report["deadlineText"]!.GetValue<string>().ShouldBe("无办理时限");
        var correction = Of(reviewerItems, correctionId).ShouldNotBeNull();
        correction["kindName"]!.GetValue<string>().ShouldBe("证书更正申请");
        correction["title"]!.GetValue<string>().ShouldContain(certificate["number"]!.GetValue<string>());
        correction["expected"]!.GetValue<string>().ShouldContain("姓名录入错误");
        // the organization that asked cannot decide its own correction: not waiting for it
        Of(await Items(accepted.Organization), correctionId).ShouldBeNull();

        // another authority's reviewer sees neither (its guard tables give it no step on them)
        var other = await Items(await Given.Reviewer("wbc.other", "450100"));
        Of(other, due.BatchId).ShouldBeNull();
        Of(other, correctionId).ShouldBeNull();
        // nor does the province above: the report and the correction are the receiving city's to decide
        var province = await Items(await Given.Reviewer("wbc.province2", "340000"));
        Of(province, due.BatchId).ShouldBeNull();
        Of(province, correctionId).ShouldBeNull();

        // decided: gone from the workbench
        await accepted.Send(accepted.Reviewer, $"/api/certificate-corrections/{correctionId}/reject",
            new { version = requested["version"]!.GetValue<int>(), reason = "证件不符。" });
        Of(await Items(accepted.Reviewer), correctionId).ShouldBeNull();
    }

    [Fact]
    public async Task FIL_15_an_overdue_item_comes_first_then_the_nearest_deadline_and_a_year_not_loaded_is_never_guessed()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
        var early = new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "wbo1");
        await early.Participants(3);
        await early.Draft();
        var firstDeadline = Date((await early.Submit())["acceptanceDeadline"]);

        // on the first application's last day a second one is submitted: its deadline lies further
        App.Clock.Reset(firstDeadline.AtStartOfDayInZone(Assessment.SharedKernel.ChinaTime.Zone).ToInstant().Plus(Duration.FromHours(9)));
        var late = new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "wbo2");
        await late.ParticipantsSharing(early.Reviewer, early.ExpertId, early.Expert, 4);
        await late.Draft();
        var secondDeadline = Date((await late.Submit())["acceptanceDeadline"]);
        secondDeadline.ShouldBeGreaterThan(firstDeadline);

        var onTime = await Items(early.Reviewer);
        onTime.Select(i => i!["objectId"]!.GetValue<Guid>()).ShouldBe([early.ApplicationId, late.ApplicationId]);
        onTime[0]!["deadlineText"]!.GetValue<string>().ShouldStartWith("今日到期");

        // the day after: the first is overdue, and comes first however the deadlines compare
        App.Clock.Advance(Duration.FromDays(1));
        var items = await Items(early.Reviewer);
        var overdue = items[0]!.AsObject();
        overdue["objectId"]!.GetValue<Guid>().ShouldBe(early.ApplicationId);
        overdue["overdue"]!.GetValue<bool>().ShouldBeTrue();
        overdue["kindName"]!.GetValue<string>().ShouldBe("备案申请");
        overdue["expected"]!.GetValue<string>().ShouldBe("受理或退回补正");
        overdue["deadlineText"]!.GetValue<string>().ShouldStartWith("已逾期");
        items[1]!["objectId"]!.GetValue<Guid>().ShouldBe(late.ApplicationId);
        items[1]!["overdue"]!.GetValue<bool>().ShouldBeFalse();
        (await Given.Get<JsonObject>(early.Reviewer, "/api/workbench"))["overdue"]!.GetValue<int>().ShouldBe(1);

        // the organization sees neither as its own to do: it waits for the authority — until it is returned (FIL-14)
        Of(await Items(early.Organization), early.ApplicationId).ShouldBeNull();
        await early.Send(early.Reviewer, $"/api/filing/applications/{early.ApplicationId}/return",
            new { version = early.Version, missingItems = new[] { "营业执照副本" }, reason = "材料不全。" });
        var returned = Of(await Items(early.Organization), early.ApplicationId).ShouldNotBeNull();
        returned["kindName"]!.GetValue<string>().ShouldBe("退回的备案申请");
        returned["expected"]!.GetValue<string>().ShouldBe("按退回意见补正后重新提交");
        returned["link"]!.GetValue<string>().ShouldBe($"/applications/{early.ApplicationId}");
        Of(await Items(early.Reviewer), early.ApplicationId).ShouldBeNull();

        // in a year the calendar does not hold yet, the working days are not guessed: overdue by the date, uncounted
        App.Clock.Reset(Instant.FromUtc(2027, 1, 5, 2, 0));
        var uncounted = Of(await Items(early.Reviewer), late.ApplicationId).ShouldNotBeNull();
        uncounted["uncounted"]!.GetValue<bool>().ShouldBeTrue();
        uncounted["workingDaysLeft"].ShouldBeNull();
        uncounted["overdue"]!.GetValue<bool>().ShouldBeTrue();
        uncounted["deadlineText"]!.GetValue<string>().ShouldContain("工作日历尚未载入该年份");
    }

    [Fact]
    public async Task BAT_04_BAT_07_a_returned_report_waits_for_the_organization_and_a_suspended_batch_for_the_receiving_reviewer()
    {
        App.Clock.Reset(Instant.FromUtc(2026, 9, 1, 2, 0));
        var reported = await PublicizedBatch("wbx", 2);
        await reported.Step(reported.Organization, $"/api/batches/{reported.BatchId}/report", new { version = reported.Version });
        await reported.Step(reported.Reviewer, $"/api/batches/{reported.BatchId}/report/return",
            new { version = reported.Version, reason = "合格人数与考场记录不符。" });
        Of(await Items(reported.Reviewer), reported.BatchId).ShouldBeNull();
        var returned = Of(await Items(reported.Organization), reported.BatchId).ShouldNotBeNull();
        returned["kindName"]!.GetValue<string>().ShouldBe("退回的结果报备");
        returned["expected"]!.GetValue<string>().ShouldContain("合格人数与考场记录不符。");
        returned["dueOn"].ShouldBeNull();

        // BAT-04: an inspector's spot check suspends a filed batch; only the receiving authority's reviewer resumes it
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "wbs").Participants(3);
        var b = await new BatchJourney(Host, Given, App, filing, "wbs").Filed("340200");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "340200");
        await b.StaffIt();
        await b.Candidate("王小五", 21);
        await b.File();
        await Given.Account("wbs.inspector", Assessment.SharedKernel.Events.Roles.Inspector, "340200");
        var inspector = await Given.SignIn("wbs.inspector");
        await b.Step(inspector, $"/api/batches/{b.BatchId}/spot-checks", new
        {
            version = b.Version, step = "考前检查", checkedAt = $"{b.Today:yyyy-MM-dd}T09:30:00", findings = "考场未按规定配备视频监控。", suspend = true,
        });
        var suspended = Of(await Items(b.Reviewer), b.BatchId).ShouldNotBeNull();
        suspended["kindName"]!.GetValue<string>().ShouldBe("暂停的认定批次");
        suspended["expected"]!.GetValue<string>().ShouldContain("恢复批次");
        Of(await Items(inspector), b.BatchId).ShouldBeNull();
        Of(await Items(await Given.Reviewer("wbs.other", "340100")), b.BatchId).ShouldBeNull();
        // the organization's move first (issue 18 item 6): rectify and report; then the reviewer's, with the report to judge
        Of(await Items(b.Organization), b.BatchId).ShouldNotBeNull()["expected"]!.GetValue<string>().ShouldContain("提交整改报告");
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/rectification", new { version = b.Version, report = "已补装视频监控。" });
        Of(await Items(b.Organization), b.BatchId).ShouldBeNull();
        Of(await Items(b.Reviewer), b.BatchId).ShouldNotBeNull()["expected"]!.GetValue<string>().ShouldContain("已提交整改报告");
        await b.Step(b.Reviewer, $"/api/batches/{b.BatchId}/resume", new { version = b.Version, reason = "已补装视频监控，整改到位。" });
        Of(await Items(b.Reviewer), b.BatchId).ShouldBeNull();
    }
}
