namespace Assessment.Batches.Planning;

/// <summary>
/// The subjects a batch examines (认定科目) and the pass mark: a candidate passes when every subject sat reaches it
/// (各科目成绩均达到60分及以上为合格, as in the national 职业技能等级认定 practice).
/// </summary>
public static class BatchSubjects
{
    public const decimal PassMark = 60m;

    public static readonly IReadOnlyList<string> All = ["理论知识", "操作技能", "综合评审"];
}
