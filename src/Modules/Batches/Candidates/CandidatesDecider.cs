using Assessment.Batches.Batches;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.Batches.Candidates;

public static class CandidatesDecider
{
    public const int MaxCandidates = 50_000;

    /// <summary>All or nothing: any faulty row refuses every row, listing each (BAT-09).</summary>
    public static CandidatesAdded Add(Batch batch, IReadOnlyList<(int Row, CandidateInput Input)> rows, IReadOnlySet<string> inOtherOpenBatches,
        string? sourceFile, Instant now, Actor by)
    {
        RequireDraft(batch);
        var (accepted, errors) = CandidateRows.Check(batch, rows, inOtherOpenBatches, Guid.CreateVersion7);
        if (errors.Count > 0) throw RowErrors.Refuse(errors);
        if (accepted.Count == 0) throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.no-candidate-rows", "文件中没有考生数据。"));
        if (batch.Candidates.Count + accepted.Count > MaxCandidates)
            throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.too-many-candidates", $"一个批次最多{MaxCandidates}名考生。"));
        return new CandidatesAdded(batch.Id, accepted, sourceFile, now, by);
    }

    public static CandidateRemoved Remove(Batch batch, Guid candidateId, Instant now, Actor by)
    {
        RequireDraft(batch);
        return batch.Candidates.Any(c => c.Id == candidateId)
            ? new CandidateRemoved(batch.Id, candidateId, now, by)
            : throw new BusinessRuleException(new RuleViolation("BAT-09", "batch.candidate-unknown", "本批次没有该考生。"));
    }

    private static void RequireDraft(Batch batch)
    {
        if (batch.Status != BatchStatus.Draft)
            throw new BusinessRuleException(new RuleViolation("BAT-01", "batch.plan-already-filed", "认定计划已报备，不能再调整考生。"));
    }
}

public static class RowErrors
{
    /// <summary>Every faulty row, nothing written (422 with <c>rows</c>).</summary>
    public static BusinessRuleException Refuse(IReadOnlyList<CandidateRowError> rows) =>
        new(new RuleViolation("BAT-09", "batch.rows-invalid",
                $"有{rows.Count}处错误{(rows.Count > MaxListed ? $"（列出前{MaxListed}处）" : "")}，未写入任何数据；请修改后重新提交。"),
            rows.Take(MaxListed).Cast<object>().ToList());

    public const int MaxListed = 1000;
}
