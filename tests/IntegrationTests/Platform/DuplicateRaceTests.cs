using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Assessment.Api.Identity;
using Assessment.Batches.Candidates;
using Assessment.Batches.Staffing;
using Assessment.Filing.Organizations;
using Assessment.IntegrationTests.Infrastructure;
using Assessment.SharedKernel.Events;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assessment.IntegrationTests.Platform;

/// <summary>
/// Issue 15 item 10: every "no duplicates" rule, raced with 20 identical requests at once — exactly one wins, every other answer is a
/// 409 or 422 ProblemDetails (never a 500), and the database holds one record.
/// </summary>
public partial class DuplicateRaceTests(AppFixture app) : IntegrationTest(app)
{
    private const int Racers = 20;

    private sealed record Answer(int Status, JsonObject Body);

    private async Task<List<Answer>> Race(Caller caller, string url, Func<int, object> body) => await Race(i => caller, url, body);

    private async Task<List<Answer>> Race(Func<int, Caller> caller, string url, Func<int, object> body)
    {
        return await Answers(await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Host.Scenario(s =>
        {
            s.As(caller(i));
            s.Post.Json(body(i)).ToUrl(url);
            s.IgnoreStatusCode();
        }))));
    }

    private static async Task<List<Answer>> Answers(IEnumerable<IScenarioResult> results)
    {
        var answers = new List<Answer>();
        foreach (var result in results)
        {
            var status = result.Context.Response.StatusCode;
            answers.Add(new Answer(status, status < 300 ? JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject() : await result.Problem()));
        }
        return answers;
    }

    /// <summary>One winner; every loser a 409 with one of <paramref name="codes"/> or a 422 naming <paramref name="rule"/>.</summary>
    private static Answer OneWinner(List<Answer> answers, HttpStatusCode success, string[] codes, string? rule = null)
    {
        var statuses = string.Join(", ", answers.Select(a => a.Status));
        var winner = answers.Where(a => a.Status == (int)success).ShouldHaveSingleItem(statuses);
        foreach (var loser in answers.Where(a => a != winner))
        {
            new[] { 409, 422 }.ShouldContain(loser.Status, statuses);
            if (loser.Status == 409) codes.ShouldContain(loser.Body["code"]!.GetValue<string>());
            else loser.Body["rules"]!.AsArray().Select(r => r!["ruleId"]!.GetValue<string>()).ShouldContain(rule);
        }
        return winner;
    }

    private static IEnumerable<Answer> Conflicts(List<Answer> answers) => answers.Where(a => a.Status == 409);

    [Fact]
    public async Task item_10_BAT_05_twenty_parallel_registrations_of_one_person_leave_one_roster_entry()
    {
        var (org, orgId) = await Given.Organization("race.staff.org", "340200", "芜湖竞速培训中心");
        var number = BatchJourney.IdNumber(901, birth: "19800101");
        var answers = await Race(org, "/api/batches/staff", _ => new
        {
            name = "王考评", documentType = 201, documentNumber = number, qualification = "考评员证书", occupations = new[] { "育婴员" },
            levels = new[] { 4 },
        });

        OneWinner(answers, HttpStatusCode.Created, ["duplicate"]);
        answers.Count(a => a.Status == 409).ShouldBe(Racers - 1);
        foreach (var loser in Conflicts(answers)) loser.Body["detail"]!.GetValue<string>().ShouldBe(StaffMember.AlreadyOnRoster);
        var roster = await Given.Get<JsonArray>(org, "/api/batches/staff");
        roster.ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("王考评");
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Query<StaffMember>().CountAsync(s => s.OrganizationId == orgId && s.DocumentNumber == number)).ShouldBe(1);
        (await session.Events.QueryRawEventDataOnly<StaffMemberRegistered>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task item_10_CRT_01_twenty_parallel_allocations_of_one_range_leave_one_range()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "rrng").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "rrng").Filed("340200");
        var province = await Given.Reviewer("rrng.province", "340000");

        var answers = await Race(province, "/api/certificate-ranges", _ => new
        {
            organizationId = filing.OrganizationId, year = b.Today.Year, level = 4, from = "000001", to = "000100", documentNumber = "皖职鉴〔2026〕8号",
            reason = "按年度计划分配", version = 0L,
        });

        // the first allocation starts the sequence's stream (a second start collides), later ones lock it and check the version
        OneWinner(answers, HttpStatusCode.OK, ["stale-version"], "CRT-01");
        var ranges = (await b.Ranges(province)).ShouldNotBeNull();
        var range = ranges["ranges"]!.AsArray().ShouldHaveSingleItem()!;
        (range["from"]!.GetValue<string>(), range["to"]!.GetValue<string>()).ShouldBe(("000001", "000100"));
    }

    [Fact]
    public async Task item_10_CRT_05_twenty_parallel_correction_requests_leave_one_open_request()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "rcor").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "rcor").Filed("340200");
        await b.Draft();
        await b.AllocateRange(await Given.Reviewer("rcor.province", "340000"), "000001", "000100");
        await b.Accepted("张小三");
        var id = (await Given.Get<JsonObject>(b.Organization, $"/api/certificates?batchId={b.BatchId}"))["items"]!.AsArray().Single()!["id"]!
            .GetValue<Guid>();
        await using (var query = Host.DocumentStore().QuerySession())
        {
            // BAT-09: an accepted batch no longer holds its candidates against the organization's next batch
            (await query.Query<BatchCandidate>().Where(e => e.BatchId == b.BatchId).ToListAsync()).ShouldHaveSingleItem().OpenKey.ShouldBeNull();
        }

        var answers = await Race(b.Organization, $"/api/certificates/{id}/corrections", _ => new
        {
            version = 1, holderName = "张晓三", documentType = 201, documentNumber = BatchJourney.IdNumber(1), employer = "芜湖家政公司", reason = "姓名录入错误",
        });

        OneWinner(answers, HttpStatusCode.OK, ["stale-version", "duplicate"], "CRT-05");
        var open = (await Given.Get<JsonObject>(b.Reviewer, "/api/certificate-corrections?status=Open"))["items"]!.AsArray();
        open.ShouldHaveSingleItem();
        var database = Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Assessment");
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        const string sql = "select count(*) from certificates.certificate_correction where certificate_id = $1";
        await using var count = new Npgsql.NpgsqlCommand(sql, connection)
        {
            Parameters = { new() { Value = id } },
        };
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task item_10_FIL_11_twenty_parallel_registrations_of_one_organization_leave_one_organization()
    {
        await Given.Account("race.reg.org", Roles.Organization);
        var user = await Given.SignIn("race.reg.org");
        var orgId = (await Given.Get<JsonObject>(user, "/api/auth/me"))["organizationId"]!.GetValue<Guid>();

        var answers = await Race(user, "/api/organizations", _ => Scenarios.RegisterBody("芜湖竞速机构", "340200", 41));

        OneWinner(answers, HttpStatusCode.Created, ["duplicate"]);
        foreach (var loser in Conflicts(answers)) loser.Body["detail"]!.GetValue<string>().ShouldBe(Organization.AlreadyRegistered);
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Events.FetchStreamAsync(orgId)).ShouldHaveSingleItem();
        (await session.Query<Organization>().CountAsync(o => o.CreditCode == Scenarios.CreditCode("340200", 41))).ShouldBe(1);
    }

    [Fact]
    public async Task item_10_FIL_11_twenty_organizations_racing_for_one_credit_code_leave_one_holder()
    {
        var users = new List<Caller>();
        for (var i = 0; i < Racers; i++)
        {
            await Given.Account($"race.credit.{i}", Roles.Organization);
            users.Add(await Given.SignIn($"race.credit.{i}"));
        }

        var answers = await Race(i => users[i], "/api/organizations", i => Scenarios.RegisterBody($"竞速机构{i}", "340200", 42));

        OneWinner(answers, HttpStatusCode.Created, ["duplicate"], "FIL-11");
        foreach (var loser in Conflicts(answers)) loser.Body["detail"]!.GetValue<string>().ShouldBe(Organization.CreditCodeTaken);
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Query<Organization>().CountAsync(o => o.CreditCode == Scenarios.CreditCode("340200", 42))).ShouldBe(1);
    }

    [Fact]
    public async Task item_10_user_names_twenty_parallel_creations_of_one_account_leave_one_account()
    {
        var admin = await Given.Admin();
        var answers = await Race(admin, "/api/admin/accounts", _ => new
        {
            userName = "race.twin", displayName = "竞速用户", role = Roles.Auditor, authorityCode = (string?)null, organizationId = (Guid?)null,
            password = Scenarios.Password,
        });

        // the same code whether the check or the unique index refused it
        OneWinner(answers, HttpStatusCode.Created, [Account.UserNameTaken]);
        answers.Count(a => a.Status == 409).ShouldBe(Racers - 1);
        await using var session = Host.DocumentStore().QuerySession();
        (await session.Query<Account>().CountAsync(a => a.UserName == "race.twin")).ShouldBe(1);
    }
}
