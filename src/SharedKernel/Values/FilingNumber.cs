using System.Globalization;
using System.Text.RegularExpressions;
using Assessment.SharedKernel.Problems;

namespace Assessment.SharedKernel.Values;

/// <summary>评价机构类别: Y 用人单位 (enterprise), S 社会培训评价组织 and other bodies (FIL-24).</summary>
public enum OrganizationCategory { Y, S }

/// <summary>
/// 备案号 (FIL-24): 13 characters = category (Y/S) + provincial organization code (4, "0000") + province code (2)
/// + city code (2) + serial 0001–9999 per city.
/// </summary>
public readonly partial record struct FilingNumber
{
    public string Value { get; }
    private FilingNumber(string value) => Value = value;

    public OrganizationCategory Category => Value[0] == 'Y' ? OrganizationCategory.Y : OrganizationCategory.S;
    public string OrganizationCode => Value[1..5];
    public string ProvinceCode => Value[5..7];
    public string CityCode => Value[7..9];
    public int Serial => int.Parse(Value[9..13], CultureInfo.InvariantCulture);

    public static FilingNumber Create(OrganizationCategory category, string organizationCode, string provinceCode, string cityCode, int serial)
    {
        if (serial is < 1 or > 9999)
            throw new InvalidValueException("serial", "filing-number.serial", $"备案号流水号应在0001至9999之间，实际为{serial}。");
        return Parse(string.Create(CultureInfo.InvariantCulture, $"{category}{organizationCode}{provinceCode}{cityCode}{serial:D4}"));
    }

    public static FilingNumber Parse(string? input)
    {
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length != 13)
            throw new InvalidValueException("filingNumber", "filing-number.length", $"备案号应为13位，实际为{text.Length}位。");
        if (!Pattern().IsMatch(text))
            throw new InvalidValueException("filingNumber", "filing-number.format",
                "备案号格式不正确：第1位为类别Y或S，第2至13位为数字（机构代码4位、省级代码2位、市级代码2位、流水号4位）。");
        if (text[9..13] == "0000")
            throw new InvalidValueException("filingNumber", "filing-number.serial", "备案号流水号应从0001开始。");
        return new FilingNumber(text);
    }

    public static bool TryParse(string? input, out FilingNumber number)
    {
        try { number = Parse(input); return true; }
        catch (InvalidValueException) { number = default; return false; }
    }

    [GeneratedRegex("^[YS][0-9]{12}$")]
    private static partial Regex Pattern();

    public override string ToString() => Value;
}
