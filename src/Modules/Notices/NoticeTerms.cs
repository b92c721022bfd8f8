using Assessment.Notices.Notices;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Reference;

namespace Assessment.Notices;

/// <summary>The Notices module's names for its codes.</summary>
public sealed class NoticeTerms : ITermProvider
{
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms() => new Dictionary<string, IReadOnlyList<Term>>
    {
        ["noticeKinds"] = TermLists.Of<NoticeKind>(NoticeNames.Kind),
        ["noticeStatuses"] = TermLists.Of<NoticeStatus>(NoticeNames.Status),
        ["objectionOutcomes"] = TermLists.Of<ObjectionOutcome>(NoticeNames.Outcome),
    };
}

public static class NoticeNames
{
    public static string Kind(NoticeKind kind) => kind switch
    {
        NoticeKind.FilingPublicity => "备案公示",
        NoticeKind.BatchAnnouncement => "评价认定公告",
        NoticeKind.ResultsPublicity => "认定结果公示",
        NoticeKind.DirectoryChange => "目录变动",
        NoticeKind.SupervisionResult => "监管结果",
        _ => "通知公告",
    };

    public static string Outcome(ObjectionOutcome outcome) => outcome == ObjectionOutcome.Upheld ? "异议成立" : "异议不成立";

    public static string Status(NoticeStatus status) => status switch
    {
        NoticeStatus.Open => "公示中",
        NoticeStatus.Closed => "已结束",
        _ => "已撤回",
    };
}
