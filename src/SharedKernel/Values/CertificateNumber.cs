using System.Globalization;
using System.Text.RegularExpressions;
using Assessment.SharedKernel.Problems;

namespace Assessment.SharedKernel.Values;

/// <summary>
/// 证书编号 (CRT-01): 22 characters = filing number (13) + issue year (2) + level code (1) + serial (6),
/// the serial counted per organization, year and level from 000001.
/// </summary>
public readonly partial record struct CertificateNumber
{
    public string Value { get; }
    private CertificateNumber(string value) => Value = value;

    public FilingNumber FilingNumber => FilingNumber.Parse(Value[..13]);
    /// <summary>Two-digit year as printed (e.g. 21 for 2021).</summary>
    public int YearOfCentury => int.Parse(Value[13..15], CultureInfo.InvariantCulture);
    public SkillLevel Level => SkillLevel.FromNumber(Value[15] - '0');
    public int Serial => int.Parse(Value[16..22], CultureInfo.InvariantCulture);

    public static CertificateNumber Create(FilingNumber filing, int issueYear, SkillLevel level, int serial)
    {
        if (serial is < 1 or > 999_999)
            throw new InvalidValueException("serial", "certificate-number.serial", $"证书流水号应在000001至999999之间，实际为{serial}。");
        if (issueYear is < 2000 or > 2099)
            throw new InvalidValueException("issueYear", "certificate-number.year", $"发证年份{issueYear}超出范围。");
        return Parse(string.Create(CultureInfo.InvariantCulture, $"{filing.Value}{issueYear % 100:D2}{level.Code}{serial:D6}"));
    }

    public static CertificateNumber Parse(string? input)
    {
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length != 22)
            throw new InvalidValueException("certificateNumber", "certificate-number.length", $"证书编号应为22位，实际为{text.Length}位。");
        if (!Pattern().IsMatch(text))
            throw new InvalidValueException("certificateNumber", "certificate-number.format",
                "证书编号格式不正确：前13位为备案号，随后为2位年份、1位等级代码（1至5）和6位流水号。");
        FilingNumber.Parse(text[..13]);
        if (text[16..22] == "000000")
            throw new InvalidValueException("certificateNumber", "certificate-number.serial", "证书流水号应从000001开始。");
        return new CertificateNumber(text);
    }

    public static bool TryParse(string? input, out CertificateNumber number)
    {
        try { number = Parse(input); return true; }
        catch (InvalidValueException) { number = default; return false; }
    }

    [GeneratedRegex("^[YS][0-9]{12}[0-9]{2}[1-5][0-9]{6}$")]
    private static partial Regex Pattern();

    public override string ToString() => Value;
}
