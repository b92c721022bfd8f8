using System.Text.Json.Nodes;
using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.IntegrationTests.Infrastructure;
using Marten;

namespace Assessment.IntegrationTests.Batches;

/// <summary>
/// Issue 17 item 2, a slim batch: the stream's snapshot holds what decisions need and no one's personal data; the roster is the
/// BatchCandidate projection, kept with the same commit, and the batch page, 附件5 and the case lookup read it.
/// </summary>
public class BatchRosterTests(AppFixture app) : IntegrationTest(app)
{
    [Fact]
    public async Task BAT_09_the_batch_document_keeps_marks_only_and_the_roster_projection_keeps_the_candidates_in_order_with_their_results()
    {
        var filing = await new FilingJourney(Host, Given, App, Jurisdiction.Anhui, "slim").Participants();
        var b = await new BatchJourney(Host, Given, App, filing, "slim").Filed("340200");
        await b.Draft();
        var exam = b.Today.PlusDays(21);
        await b.Plan(exam, "340200");
        await b.StaffIt();
        foreach (var (name, serial) in new[] { ("王一", 1), ("李二", 2), ("赵三", 3) }) await b.Candidate(name, serial);
        await b.Step(b.Organization, $"/api/batches/{b.BatchId}/candidates/{b.CandidateId("李二")}/remove", new { version = b.Version });
        await b.File();
        b.ClockTo(exam);
        await b.Results((b.CandidateId("王一"), 80, 80), (b.CandidateId("赵三"), 40, 90));

        var store = Host.DocumentStore();
        await using var session = store.QuerySession();
        var raw = await session.Json.FindByIdAsync<Batch>(b.BatchId);
        raw.ShouldNotBeNull();
        foreach (var serial in new[] { 1, 2, 3 }) raw.ShouldNotContain(BatchJourney.IdNumber(serial)); // no identity number in the aggregate
        raw.ShouldNotContain("王一");
        var batch = (await session.LoadAsync<Batch>(b.BatchId))!;
        (batch.CandidateCount, batch.Counted(CandidateMarks.Scored), batch.Counted(CandidateMarks.Passed)).ShouldBe((2, 2, 1));

        var roster = await session.RosterAsync(b.BatchId);
        roster.Candidates.Select(c => c.Name).ShouldBe(["王一", "赵三"]); // in the order entered, the removed one gone
        roster.Entries.Select(e => e.Result!.Passed).ShouldBe([true, false]);
        // the page lists the roster as the projection has it, masked
        var page = await b.Reload();
        page["candidates"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["王*", "赵*"]);
        page["candidates"]!.AsArray().Select(c => c!["result"]!["passed"]!.GetValue<bool>()).ShouldBe([true, false]);
        (page["passed"]!.GetValue<int>(), page["absent"]!.GetValue<int>()).ShouldBe((1, 0));
    }
}
