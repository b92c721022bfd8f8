using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Batches.Candidates;
using Assessment.IntegrationTests.Infrastructure;
using Marten;

namespace Assessment.IntegrationTests.Platform;

/// <summary>Item 10, BAT-09: one candidate raced into one batch (adds and imports) and into two open batches of the organization.</summary>
public partial class DuplicateRaceTests
{
    [Fact]
    public async Task item_10_BAT_09_twenty_parallel_adds_and_imports_of_one_candidate_leave_one_candidate_in_the_batch()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "rcand").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "rcand").Filed("340200");
        await b.Draft();
        await b.Plan(b.Today.PlusDays(21), "340200");
        var version = b.Version;

        // candidates live in the batch's stream: every add carries the version it read, so racers lose on the stream version
        var answers = await Race(b.Organization, $"/api/batches/{b.BatchId}/candidates", _ => new
        {
            version, name = "张竞速", documentType = 201, documentNumber = BatchJourney.IdNumber(1), employer = "芜湖家政公司", occupation = "育婴员",
            level = 4, city = "芜湖市",
        });
        OneWinner(answers, HttpStatusCode.OK, ["stale-version", "duplicate"], "BAT-09");
        var batch = await b.Reload();
        // the roster shows names masked (AUD-04/BAT-09); the one candidate opened on its own is the one entered
        var single = batch["candidates"]!.AsArray().ShouldHaveSingleItem()!;
        single["name"]!.GetValue<string>().ShouldBe("张*速");
        var entered = await b.OpenCandidate(b.Organization, single["id"]!.GetValue<Guid>());
        (entered["name"]!.GetValue<string>(), entered["documentNumber"]!.GetValue<string>()).ShouldBe(("张竞速", BatchJourney.IdNumber(1)));

        // the spreadsheet import appends with the version it checked, too
        var sheet = BatchJourney.Sheet([new Dictionary<string, object?>
        {
            ["姓名"] = "李竞速", ["证件类型"] = "201", ["证件号码"] = BatchJourney.IdNumber(2), ["所在单位"] = "芜湖家政公司", ["职业名称"] = "育婴员",
            ["职业技能等级"] = "四级/中级工", ["考生所在地市"] = "芜湖市",
        }]);
        var imports = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Host.Scenario(s =>
        {
            s.As(b.Organization);
            s.Post.MultipartFormData(new MultipartFormDataContent
            {
                { new StringContent(b.Version.ToString()), "version" }, { new ByteArrayContent(sheet), "file", "考生.xlsx" },
            }).ToUrl($"/api/batches/{b.BatchId}/candidates/import");
            s.IgnoreStatusCode();
        })));
        OneWinner(await Answers(imports), HttpStatusCode.OK, ["stale-version", "duplicate"], "BAT-09");

        batch = await b.Reload();
        batch["candidates"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["张*速", "李*速"], ignoreOrder: true);
        var imported = await b.OpenCandidate(b.Organization, b.CandidateId("李竞速"));
        (imported["name"]!.GetValue<string>(), imported["documentNumber"]!.GetValue<string>()).ShouldBe(("李竞速", BatchJourney.IdNumber(2)));
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Query<BatchCandidate>().CountAsync(e => e.BatchId == b.BatchId)).ShouldBe(2);
    }

    [Fact]
    public async Task item_10_BAT_09_one_person_raced_into_two_open_batches_of_the_organization_lands_in_one()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "rtwo").Participants();
        var first = await new BatchJourney(Host, Given, App, filing, "rtwo").Filed("340200");
        await first.Draft();
        await first.Plan(first.Today.PlusDays(21), "340200");
        var second = (await first.Send(first.Organization, "/api/batches", new { filingId = first.FilingId, title = "2026年第二批" },
            HttpStatusCode.Created))["value"]!.GetValue<Guid>();
        var secondVersion = (await Given.Get<JsonObject>(first.Organization, $"/api/batches/{second}"))["version"]!.GetValue<long>();
        await first.Send(first.Organization, $"/api/batches/{second}", new
        {
            version = secondVersion, title = "2026年第二批", occupations = new[] { new { name = "育婴员", level = 4 } }, subjects = new[] { "理论知识", "操作技能" },
            examDays = new[] { first.Today.PlusDays(22).ToString("yyyy-MM-dd", null) },
            sites = new[] { new { name = "第二考点", address = "人民路2号", areaCode = "340200" } }, feePerCandidate = 300m, feeStandard = "皖价费〔2021〕1号",
        }, put: true);
        var versions = new Dictionary<Guid, long>
        {
            [first.BatchId] = first.Version,
            [second] = (await Given.Get<JsonObject>(first.Organization, $"/api/batches/{second}"))["version"]!.GetValue<long>(),
        };
        Guid Target(int i) => i % 2 == 0 ? first.BatchId : second;

        var results = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Host.Scenario(s =>
        {
            s.As(first.Organization);
            s.Post.Json(new
            {
                version = versions[Target(i)], name = "赵双批", documentType = 201, documentNumber = BatchJourney.IdNumber(7), employer = "芜湖家政公司",
                occupation = "育婴员", level = 4, city = "芜湖市",
            }).ToUrl($"/api/batches/{Target(i)}/candidates");
            s.IgnoreStatusCode();
        })));

        var answers = await Answers(results);
        OneWinner(answers, HttpStatusCode.OK, ["stale-version", "duplicate"], "BAT-09");
        foreach (var duplicate in Conflicts(answers).Where(a => a.Body["code"]!.GetValue<string>() == "duplicate"))
            duplicate.Body["detail"]!.GetValue<string>().ShouldBe(BatchCandidate.InAnotherOpenBatch);
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Query<BatchCandidate>().CountAsync(e => e.DocumentNumber == BatchJourney.IdNumber(7))).ShouldBe(1);
    }
}
