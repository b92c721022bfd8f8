using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.UnitTests.Batches;

/// <summary>What the holder's own case lookup shows of a batch at each stage (results only once publicized, BAT-06).</summary>
public class CandidateCaseTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 2, 0);
    private static readonly Candidate Zhang = new(Guid.NewGuid(), "张小三", 201, "11010519491231002X", "某公司", "育婴员", 4, null, "芜湖市");

    private static (Batch Batch, BatchCandidate Zhang) Recorded(bool passed, bool absent = false)
    {
        var batch = Batch.Create(new BatchDrafted(Guid.NewGuid(), Guid.NewGuid(), "芜湖某培训中心", Guid.NewGuid(), "Y00003402000001", "anhui", "340200",
            "第一批", Now, Actor.System));
        batch.Apply(new BatchPlanChanged(batch.Id, "第一批", [new BatchOccupation("育婴员", "育婴员", null, 4)], ["理论知识"], [new LocalDate(2026, 10, 12)],
            [new BatchSite("考点", "路1号", "340200")], 300, "文件", Now, Actor.System));
        var roster = batch.Apply(Roster.Empty, new CandidatesAdded(batch.Id, [Zhang], null, Now, Actor.System));
        batch.Apply(new BatchPlanFiled(batch.Id, "340200", null, new LocalDate(2026, 9, 1), new LocalDate(2026, 9, 25), null, null, null, Now, Actor.System));
        roster = batch.Apply(roster, new ResultsRecorded(batch.Id, [new CandidateResult(Zhang.Id, absent, absent ? [] : [new Assessment.Batches.Batches.ExamSubjectScore("理论知识", passed ? 80 : 40)], passed)],
            null, Now, Actor.System));
        return (batch, roster.Entries.Single());
    }

    private static void Publicize(Batch batch) =>
        batch.Apply(new ResultsPublicityStarted(batch.Id, Guid.NewGuid(), new LocalDate(2026, 10, 20), new LocalDate(2026, 10, 26), 7, "CalendarDays", Now,
            Actor.System));

    [Fact]
    public void BAT_06_recorded_results_stay_hidden_until_the_publicity_starts()
    {
        var (batch, zhang) = Recorded(passed: true);
        var hidden = PublishedCandidateCases.Case(batch, zhang);
        hidden.Outcome.ShouldBeNull();
        (hidden.Publicity, hidden.PublicityStart, hidden.Report).ShouldBe((ResultsPublicityState.NotStarted, null, ResultsReportState.NotSubmitted));

        Publicize(batch);
        var open = PublishedCandidateCases.Case(batch, zhang);
        (open.Outcome, open.Publicity, open.PublicityEnd).ShouldBe((CandidateOutcome.Qualified, ResultsPublicityState.Open, new LocalDate(2026, 10, 26)));
        open.Occupation.ShouldBe("育婴员");
    }

    [Fact]
    public void BAT_04_a_suspension_keeps_the_stage_it_interrupted_and_says_so()
    {
        var (batch, zhang) = Recorded(passed: false);
        Publicize(batch);
        batch.Apply(new BatchSuspended(batch.Id, "抽查发现问题", Now, Actor.System));
        var suspended = PublishedCandidateCases.Case(batch, zhang);
        (suspended.Suspended, suspended.Outcome, suspended.Publicity).ShouldBe((true, CandidateOutcome.NotQualified, ResultsPublicityState.Open));
    }

    [Fact]
    public void BAT_07_a_returned_report_withdraws_the_result_until_it_is_publicized_again()
    {
        var (batch, zhang) = Recorded(passed: true, absent: true);
        Publicize(batch);
        batch.Apply(new ResultsPublicityProgressed(batch.Id, batch.PublicityNoticeId!.Value, 3, true, 0, 0, true, new LocalDate(2026, 11, 9), Now, Actor.System));
        batch.Apply(new ResultsReportSubmitted(batch.Id, new LocalDate(2026, 10, 28), null, false, Now, Actor.System));
        var submitted = PublishedCandidateCases.Case(batch, zhang);
        (submitted.Outcome, submitted.Publicity, submitted.Report, submitted.ReportedOn)
            .ShouldBe((CandidateOutcome.Absent, ResultsPublicityState.Ended, ResultsReportState.Submitted, new LocalDate(2026, 10, 28)));

        batch.Apply(new ResultsReportReturned(batch.Id, "请核实", Now, Actor.System));
        var returned = PublishedCandidateCases.Case(batch, zhang);
        (returned.Outcome, returned.Publicity, returned.Report, returned.ReportedOn)
            .ShouldBe((null, ResultsPublicityState.NotStarted, ResultsReportState.Returned, null));
    }
}
