using Assessment.SharedKernel.Problems;

namespace Assessment.SharedKernel.Values;

/// <summary>
/// 职业技能等级: 1 一级/高级技师 … 5 五级/初级工. The number is also the level code in a certificate number (CRT-01).
/// </summary>
public readonly record struct SkillLevel : IComparable<SkillLevel>
{
    private static readonly string[] Grades = ["一级", "二级", "三级", "四级", "五级"];
    private static readonly string[] Titles = ["高级技师", "技师", "高级工", "中级工", "初级工"];

    public int Number { get; }
    private SkillLevel(int number) => Number = number;

    public static readonly SkillLevel SeniorTechnician = new(1);
    public static readonly SkillLevel Technician = new(2);
    public static readonly SkillLevel Senior = new(3);
    public static readonly SkillLevel Intermediate = new(4);
    public static readonly SkillLevel Junior = new(5);
    public static IReadOnlyList<SkillLevel> All => [SeniorTechnician, Technician, Senior, Intermediate, Junior];

    /// <summary>一级, 二级 …</summary>
    public string GradeName => Grades[Number - 1];
    /// <summary>高级技师, 技师 …</summary>
    public string TitleName => Titles[Number - 1];
    /// <summary>一级/高级技师</summary>
    public string FullName => $"{GradeName}/{TitleName}";
    public char Code => (char)('0' + Number);
    /// <summary>技师 and 高级技师 (FIL-08, BAT-01).</summary>
    public bool IsTechnicianLevel => Number <= 2;

    public static SkillLevel FromNumber(int number) => number is >= 1 and <= 5
        ? new SkillLevel(number)
        : throw new InvalidValueException("level", "skill-level.range", $"职业技能等级应为1至5级，实际为{number}。");

    /// <summary>Accepts 1–5, 一级…五级, 高级技师…初级工 or the full 一级/高级技师 form.</summary>
    public static SkillLevel Parse(string? input)
    {
        var text = (input ?? "").Trim();
        if (int.TryParse(text, out var n)) return FromNumber(n);
        for (var i = 0; i < 5; i++)
        {
            if (text == Grades[i] || text == Titles[i] || text == $"{Grades[i]}/{Titles[i]}" || text == $"{Grades[i]}／{Titles[i]}")
                return new SkillLevel(i + 1);
        }
        throw new InvalidValueException("level", "skill-level.name", $"无法识别的职业技能等级“{input}”。");
    }

    /// <summary>A higher level has a smaller number: 一级 is above 五级.</summary>
    public bool IsHigherThan(SkillLevel other) => Number < other.Number;

    public int CompareTo(SkillLevel other) => other.Number.CompareTo(Number);

    public override string ToString() => FullName;
}
