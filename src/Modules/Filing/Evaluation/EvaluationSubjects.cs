namespace Assessment.Filing.Evaluation;

/// <summary>FIL-16 subjects: 基本条件, 人员配备, 考场及设施设备, 评价流程, 管理制度, 质量保障.</summary>
public static class EvaluationSubjects
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["basics"] = "基本条件",
        ["staffing"] = "人员配备",
        ["sites-equipment"] = "考场及设施设备",
        ["process"] = "评价流程",
        ["rules"] = "管理制度",
        ["quality"] = "质量保障",
    };
}
