using System.Net;
using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace Assessment.IntegrationTests.Batches;

/// <summary>
/// BAT-01 [AH] (plan filed 提前10个工作日) and BAT-02 [GX] (announcement 前10个工作日), checked against the product's own
/// add-working-days: a plan filed exactly 10 working days before the exam is taken, one working day later it is refused, and
/// the latest day a draft shows is a working day.
/// </summary>
public class PlanLeadTimeTests(AppFixture app) : IntegrationTest(app)
{
    private static LocalDate Date(JsonNode? node) => LocalDatePattern.Iso.Parse(node!.GetValue<string>()).Value;

    private async Task<bool> IsWorkingDay(string jurisdiction, LocalDate day) =>
        (await Given.Get<JsonObject>(Caller.Anonymous, $"/api/calendar/{jurisdiction}/working-day?date={day:yyyy-MM-dd}"))["isWorkingDay"]!
        .GetValue<bool>();

    private async Task<LocalDate> AddWorkingDays(string jurisdiction, LocalDate from, int days) => Date((await Given.Get<JsonObject>(Caller.Anonymous,
        $"/api/calendar/{jurisdiction}/add-working-days?from={from:yyyy-MM-dd}&days={days}"))["result"]);

    [Theory]
    [InlineData("anhui", "340200", "340200", "BAT-01", "batch.plan-too-late")]
    [InlineData("guangxi", "450000", "450100", "BAT-02", "batch.announcement-too-late")]
    public async Task BAT_01_BAT_02_a_plan_filed_exactly_10_working_days_before_the_exam_is_taken_and_one_working_day_later_refused(
        string jurisdiction, string receiver, string site, string rule, string code)
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Named(jurisdiction), "lead").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "lead").Filed(receiver);
        // a Monday after the filing was granted: 10 working days after it is a Monday too, and the day before it a Sunday
        var filedOn = b.Today.PlusDays(1);
        while (filedOn.DayOfWeek != IsoDayOfWeek.Monday) filedOn = filedOn.PlusDays(1);
        (await IsWorkingDay(jurisdiction, filedOn)).ShouldBeTrue();
        var exam = await AddWorkingDays(jurisdiction, filedOn, 10);
        var nextWorkingDay = await AddWorkingDays(jurisdiction, filedOn, 1);

        // the first batch: the draft shows the latest filing day, a working day, and a plan filed on it is taken
        await b.Draft("2026年第一批");
        await b.Plan(exam, site);
        await b.StaffIt();
        var draft = await b.Candidate("张小三", 1);
        Date(draft["planDeadline"]).ShouldBe(filedOn);
        (await IsWorkingDay(jurisdiction, Date(draft["planDeadline"]))).ShouldBeTrue();
        b.ClockTo(filedOn);
        await b.File();
        b.Batch["status"]!.GetValue<string>().ShouldBe("Filed");
        Date(b.Batch["planDeadline"]).ShouldBe(filedOn);
        Date(b.Batch["filedOn"]).ShouldBe(filedOn);

        // the second batch, same exam day, filed one working day later: 422 naming the rule and the latest day
        var staff = b.Staff.ToList();
        await b.Draft("2026年第二批");
        await b.Plan(exam, site);
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/staff", new
        {
            version = b.Version, staff = new object[]
            {
                new { staffId = staff[0], role = "Examiner" }, new { staffId = staff[1], role = "QualitySupervisor" },
                new { staffId = staff[2], role = "Invigilator" },
            },
        }, put: true);
        await b.Candidate("李四", 2);
        b.ClockTo(nextWorkingDay);
        var problem = await b.File(HttpStatusCode.UnprocessableEntity);
        var late = problem["rules"]!.AsArray().ShouldHaveSingleItem()!;
        (late["ruleId"]!.GetValue<string>(), late["code"]!.GetValue<string>()).ShouldBe((rule, code));
        late["message"]!.GetValue<string>().ShouldContain($"最迟为{filedOn:yyyy-MM-dd}（星期一）");
        var view = await b.Reload();
        Date(view["planDeadline"]).ShouldBe(filedOn);
        view["blocking"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).ShouldBe([rule]);
    }
}
