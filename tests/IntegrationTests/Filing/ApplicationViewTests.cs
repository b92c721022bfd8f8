using System.Text.Json.Nodes;
using Assessment.IntegrationTests.Infrastructure;
using NodaTime;

namespace Assessment.IntegrationTests.Filing;

/// <summary>What the application page reads: names instead of codes, the deadline that applies now in its rule's unit, who acts, the history.</summary>
public class ApplicationViewTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task FIL_15_the_acceptance_deadline_is_counted_in_working_days_on_the_authoritys_calendar_while_it_applies()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "dl").Participants();
        await journey.Draft();
        (await journey.Reload())["deadline"].ShouldBeNull();
        await journey.Submit();
        var deadline = (await journey.Reload())["deadline"]!;
        deadline["ruleId"]!.GetValue<string>().ShouldBe("FIL-15");
        deadline["dueOn"]!.GetValue<string>().ShouldBe("2026-12-07");
        deadline["remaining"]!.GetValue<int>().ShouldBe(10);
        deadline["unit"]!.GetValue<string>().ShouldBe("working-days");

        // Tuesday 2026-11-24: 13 calendar days but 9 working days are left
        App.Clock.Reset(Instant.FromUtc(2026, 11, 24, 2, 0));
        deadline = (await journey.Reload())["deadline"]!;
        deadline["remaining"]!.GetValue<int>().ShouldBe(9);
        deadline["text"]!.GetValue<string>().ShouldBe("剩 9 个工作日（12-07）");
        journey.Application["waitingFor"]!.GetValue<string>().ShouldBe("待芜湖市职业技能鉴定指导中心受理");

        App.Clock.Reset(Instant.FromUtc(2026, 12, 9, 2, 0));
        deadline = (await journey.Reload())["deadline"]!;
        deadline["overdue"]!.GetValue<bool>().ShouldBeTrue();
        deadline["text"]!.GetValue<string>().ShouldBe("已超期 2 个工作日（12-07）");

        await journey.Accept();
        (await journey.Reload())["deadline"].ShouldBeNull();
    }

    [Fact]
    public async Task FIL_17_a_granted_application_shows_no_deadline_and_its_history_names_the_people_and_authorities()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "hs").Participants();
        await journey.Draft();
        await journey.Submit();
        await journey.Accept();
        await journey.AssignExpert();
        await journey.Score();
        await journey.Conclude();
        await journey.Publicize();
        var publicity = (await journey.Reload())["deadline"]!;
        publicity["ruleId"]!.GetValue<string>().ShouldBe("FIL-17");
        publicity["label"]!.GetValue<string>().ShouldBe("公示期");
        await journey.ClosePublicity();
        await journey.Grant();

        var view = await journey.Reload();
        view["deadline"].ShouldBeNull();
        view["statusName"]!.GetValue<string>().ShouldBe("已备案");
        view["jurisdictionName"]!.GetValue<string>().ShouldNotBe("anhui");
        view["scopeName"]!.GetValue<string>().ShouldNotBe("city");
        view["experts"]![0]!["scores"]![0]!["subjectName"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var steps = view["history"]!.AsArray().Select(s => s!.AsObject()).ToList();
        steps.Select(s => s["action"]!.GetValue<string>()).ShouldContain("提交申请");
        steps.Select(s => s["action"]!.GetValue<string>()).ShouldContain("准予备案");
        var accepted = steps.Single(s => s["action"]!.GetValue<string>() == "受理");
        accepted["actorName"]!.GetValue<string>().ShouldBe("hs.reviewer");
        accepted["actorRoleName"]!.GetValue<string>().ShouldBe("审核人员");
        accepted["authorityName"]!.GetValue<string>().ShouldBe("芜湖市职业技能鉴定指导中心");
        // each step shows when the decision was made (the platform's clock), not when the store wrote it
        var granted = steps.Single(s => s["action"]!.GetValue<string>() == "准予备案");
        NodaTime.Text.InstantPattern.ExtendedIso.Parse(granted["at"]!.GetValue<string>()).Value.ShouldBe(App.Clock.GetCurrentInstant());
        steps.Select(s => NodaTime.Text.InstantPattern.ExtendedIso.Parse(s["at"]!.GetValue<string>()).Value).ShouldBeInOrder();
    }

    [Fact]
    public async Task the_view_lists_the_steps_the_caller_may_take_now_by_operation_name()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "ac").Participants();
        async Task<string[]> Actions(Caller caller) =>
            (await Given.Get<JsonObject>(caller, $"/api/filing/applications/{journey.ApplicationId}"))["actions"]!.AsArray()
            .Select(a => a!.GetValue<string>()).ToArray();
        var operations = (await Given.Get<JsonObject>(Caller.Anonymous, "/swagger/v1/swagger.json"))["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>())).ToHashSet();

        await journey.Draft();
        var drafting = await Actions(journey.Organization);
        drafting.ShouldContain("submitFilingApplication");
        drafting.ShouldContain("attachFilingMaterial");
        await journey.Submit();
        (await Actions(journey.Organization)).ShouldBeEmpty();
        (await Actions(journey.Reviewer)).ShouldBe(["acceptFilingApplication", "returnFilingApplication"]);
        await journey.Accept();
        (await Actions(journey.Reviewer)).ShouldBe(["assignEvaluationExperts"]);
        await journey.AssignExpert();
        (await Actions(journey.Reviewer)).ShouldBeEmpty();
        (await Actions(journey.Expert)).ShouldBe(["scoreEvaluation"]);
        await journey.Score();
        (await Actions(journey.Expert)).ShouldBeEmpty();
        (await Actions(journey.Reviewer)).ShouldBe(["concludeEvaluation"]);
        await journey.Conclude();
        (await Actions(journey.Reviewer)).ShouldBe(["startFilingPublicity"]);
        await journey.Publicize();
        (await Actions(journey.Reviewer)).ShouldBeEmpty();
        await journey.ClosePublicity();
        (await Actions(journey.Reviewer)).ShouldBe(["grantFiling"]);
        drafting.Concat(["acceptFilingApplication", "returnFilingApplication", "assignEvaluationExperts", "scoreEvaluation", "concludeEvaluation",
            "startFilingPublicity", "grantFiling", "forwardFilingApplication", "rejectFilingApplication"]).ShouldAllBe(a => operations.Contains(a));
        await journey.Grant();
        (await Actions(journey.Reviewer)).ShouldBeEmpty();
    }

    [Fact]
    public async Task awaiting_me_lists_what_waits_for_the_caller()
    {
        var journey = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "aw").Participants();
        await journey.Draft();
        await journey.Submit();
        async Task<long> Awaiting(Caller caller) => (await Given.Get<JsonObject>(caller, "/api/filing/applications?awaitingMe=true"))["total"]!.GetValue<long>();
        (await Awaiting(journey.Reviewer)).ShouldBe(1);
        (await Awaiting(journey.Organization)).ShouldBe(0);
        await journey.Accept();
        await journey.AssignExpert();
        (await Awaiting(journey.Expert)).ShouldBe(1);
        await journey.Score();
        (await Awaiting(journey.Expert)).ShouldBe(0);
        var rows = await Given.Get<JsonObject>(journey.Reviewer, "/api/filing/applications?awaitingMe=true");
        rows["items"]![0]!["awaitingCaller"]!.GetValue<bool>().ShouldBeTrue();
        rows["items"]![0]!["waitingFor"]!.GetValue<string>().ShouldContain("作出评估结论");
    }

    [Fact]
    public async Task every_code_list_is_served_with_the_names_people_read()
    {
        var terms = await Given.Get<JsonObject>(Caller.Anonymous, "/api/terms");
        string Name(string list, string code) => terms[list]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == code)!["name"]!.GetValue<string>();
        Name("applicationStatuses", "Submitted").ShouldBe("待受理");
        Name("materialItems", "3").ShouldBe("（3）工作方案及质量控制措施");
        Name("apiScopes", "filing:read").ShouldBe("读取备案申请");
        Name("skillLevels", "3").ShouldBe("三级/高级工");
        Name("noticeKinds", "ResultsPublicity").ShouldBe("认定结果公示");
        Name("roles", "expert").ShouldBe("评估专家");
        Name("serviceScopes", "guangxi/city").ShouldNotBe("city");
        Name("jurisdictions", "national").ShouldNotBe("national");
        Name("occupationTypes", "Access").ShouldBe("准入类");
        Name("certificateCorrectionFields", "documentNumber").ShouldBe("证件号码");
    }
}
