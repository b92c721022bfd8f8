using Assessment.Batches.Batches;
using Assessment.Batches.Running;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Batches;

/// <summary>BAT-04: the rectification of a suspended batch — one report at a time, returned or ended by the resumption.</summary>
public class RectificationDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 7, 2, 0);

    private static Batch Suspended()
    {
        var batch = new Batch { Id = Guid.NewGuid(), Status = BatchStatus.Filed };
        batch.Apply(new BatchSuspended(batch.Id, "考场未按规定配备视频监控。", Now, Actor.System));
        return batch;
    }

    private static string Refused(Action decide) => Should.Throw<BusinessRuleException>(decide).Violations.Single().Code;

    [Fact]
    public void BAT_04_a_report_waits_for_the_authority_and_a_second_is_refused_until_it_decides()
    {
        var batch = Suspended();
        var submitted = RunningDecider.SubmitRectification(batch, "  已补装视频监控。 ", Now, Actor.System);
        submitted.Report.ShouldBe("已补装视频监控。");
        batch.Apply(submitted);
        Refused(() => RunningDecider.SubmitRectification(batch, "再次提交", Now, Actor.System)).ShouldBe("batch.rectification-pending");

        batch.Apply(RunningDecider.ReturnRectification(batch, "未提供照片。", Now, Actor.System));
        batch.RectificationPending.ShouldBeFalse();
        Refused(() => RunningDecider.ReturnRectification(batch, "再退", Now, Actor.System)).ShouldBe("batch.no-rectification");
        batch.Apply(RunningDecider.SubmitRectification(batch, "已补装并附照片。", Now, Actor.System));
        batch.Apply(new BatchResumed(batch.Id, "整改到位。", Now, Actor.System));
        (batch.Status, batch.RectificationPending).ShouldBe((BatchStatus.Filed, false));
    }

    [Fact]
    public void BAT_04_a_batch_that_is_not_suspended_has_nothing_to_rectify()
    {
        var running = new Batch { Id = Guid.NewGuid(), Status = BatchStatus.Filed };
        Refused(() => RunningDecider.SubmitRectification(running, "已整改", Now, Actor.System)).ShouldBe("batch.not-suspended");
    }
}
