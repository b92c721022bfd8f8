using Assessment.Batches.Batches;
using Assessment.Batches.Reporting;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Batches;

/// <summary>Issue 17: a report sent while the results publicity runs breaks BAT-06 (publicity not over), not BAT-07.</summary>
public class ReportingDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);

    [Theory]
    [InlineData(BatchStatus.InPublicity, "BAT-06", "batch.publicity-not-over", "结果公示期尚未结束")]
    [InlineData(BatchStatus.ResultsRecorded, "BAT-06", "batch.publicity-not-over", "须经公示无异议")]
    [InlineData(BatchStatus.Reported, "BAT-07", "batch.report-already-submitted", "结果已报备")]
    public void BAT_06_BAT_07_a_report_before_a_clean_publicity_names_the_rule_it_breaks(BatchStatus status, string rule, string code, string message)
    {
        var batch = new Batch { Id = Guid.NewGuid(), Status = status };
        var refused = Should.Throw<BusinessRuleException>(() => ReportingDecider.Submit(batch, Now, Actor.System));
        var violation = refused.Violations.ShouldHaveSingleItem();
        (violation.RuleId, violation.Code).ShouldBe((rule, code));
        violation.Message.ShouldContain(message);
        ReportingDecider.Submit(new Batch { Id = batch.Id, Status = BatchStatus.Publicized }, Now, Actor.System).BatchId.ShouldBe(batch.Id);
    }
}
