using Assessment.Batches.Batches;
using Assessment.Batches.Candidates;
using Assessment.SharedKernel;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Spreadsheets;
using NodaTime;

namespace Assessment.UnitTests.Uploads;

/// <summary>Builders shared by the upload deciders' tests: a planned batch, sheets of plain rows, identity numbers.</summary>
public static class UploadBuilders
{
    public static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 2, 0);

    /// <summary>A draft batch planning 育婴员 at 四级 with the subjects 理论知识 and 操作技能.</summary>
    public static Batch PlannedBatch()
    {
        var batch = Batch.Create(new BatchDrafted(Guid.NewGuid(), Guid.NewGuid(), "芜湖某培训中心", Guid.NewGuid(), "Y00003402000001", "anhui", "340200",
            "第一批", Now, Actor.System));
        batch.Apply(new BatchPlanChanged(batch.Id, "第一批", [new BatchOccupation("育婴员", "育婴员", null, 4)], ["理论知识", "操作技能"],
            [new LocalDate(2026, 7, 1)], [new BatchSite("考点", "路1号", "340200")], 300, "文件", Now, Actor.System));
        return batch;
    }

    public static (Batch Batch, Roster Roster) WithCandidates(this Batch batch, params (string Name, string Number)[] candidates)
    {
        var added = new CandidatesAdded(batch.Id, candidates.Select(c => new Candidate(Guid.NewGuid(), c.Name, 201, c.Number, "某公司", "育婴员", 4,
            null, "芜湖市")).ToList(), null, Now, Actor.System);
        batch.Apply(added);
        return (batch, Roster.Empty.With(added));
    }

    /// <summary>A sheet as the reader gives it: the header row, then one row per array (spreadsheet rows 2, 3, …).</summary>
    public static SheetRead Sheet(string[] headers, params string?[][] rows) =>
        new(rows.Select((cells, i) => new SheetRow(i + 2, headers.Zip(cells).ToDictionary(x => x.First, x => x.Second ?? ""))).ToList(), headers);

    /// <summary>A mainland identity number (GB 11643) with its check character, from a 17-digit stem.</summary>
    public static string IdentityNumber(string stem)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = stem.Select((c, i) => (c - '0') * weights[i]).Sum();
        return stem + "10X98765432"[sum % 11];
    }

    /// <summary>The rows a refused import lists (422 <c>rows</c>).</summary>
    public static IReadOnlyList<T> RefusedRows<T>(Action decide)
    {
        var refused = Should.Throw<BusinessRuleException>(decide);
        return refused.Rows.ShouldNotBeNull().Cast<T>().ToList();
    }

    public static UploadedContent File(string name, byte[]? content = null) => new(name, null, content ?? [1, 2, 3]);
}
