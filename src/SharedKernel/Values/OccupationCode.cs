using System.Text.RegularExpressions;
using Assessment.SharedKernel.Problems;

namespace Assessment.SharedKernel.Values;

/// <summary>职业编码 of the 职业分类大典, e.g. <c>4-12-01-01</c>; a 工种 adds a fifth segment (<c>4-12-01-01-02</c>) (FIL-11).</summary>
public readonly partial record struct OccupationCode
{
    public string Value { get; }
    private OccupationCode(string value) => Value = value;

    /// <summary>大类 (1–8).</summary>
    public int MajorGroup => Value[0] - '0';
    public bool IsWorkType => Value.Length > 10;
    /// <summary>The occupation a work type belongs to (itself for an occupation).</summary>
    public OccupationCode Occupation => IsWorkType ? new OccupationCode(Value[..10]) : this;

    public static OccupationCode Parse(string? input)
    {
        var text = (input ?? "").Trim().Replace('－', '-').Replace('—', '-');
        if (!Pattern().IsMatch(text))
            throw new InvalidValueException("occupationCode", "occupation-code.format",
                $"职业编码“{input}”格式不正确，应形如4-12-01-01（工种为4-12-01-01-02）。");
        if (text[0] is < '1' or > '8')
            throw new InvalidValueException("occupationCode", "occupation-code.major-group", $"职业编码“{input}”的大类应为1至8。");
        return new OccupationCode(text);
    }

    public static bool TryParse(string? input, out OccupationCode code)
    {
        try { code = Parse(input); return true; }
        catch (InvalidValueException) { code = default; return false; }
    }

    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}(-\d{2})?$")]
    private static partial Regex Pattern();

    public override string ToString() => Value;
}
