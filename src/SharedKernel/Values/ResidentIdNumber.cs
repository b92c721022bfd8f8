using System.Globalization;
using Assessment.SharedKernel.Problems;
using NodaTime;
using NodaTime.Text;

namespace Assessment.SharedKernel.Values;

/// <summary>居民身份证号码 (GB 11643-1999): 17 digits and a check character, with a valid birth date (BAT-09, type 201).</summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public string Value { get; }
    public LocalDate BirthDate { get; }

    private ResidentIdNumber(string value, LocalDate birthDate) { Value = value; BirthDate = birthDate; }

    public string DivisionCode => Value[..6];
    /// <summary>Odd sequence digit = male.</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    public static ResidentIdNumber Parse(string? input, LocalDate? today = null)
    {
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length != 18)
            throw new InvalidValueException("idNumber", "resident-id.length", $"居民身份证号码应为18位，实际为{text.Length}位。");
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                throw new InvalidValueException("idNumber", "resident-id.character", $"居民身份证号码第{i + 1}位应为数字。");
        }
        var parsed = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Parse(text.Substring(6, 8));
        if (!parsed.Success)
            throw new InvalidValueException("idNumber", "resident-id.birth-date", $"居民身份证号码中的出生日期“{text.Substring(6, 8)}”无效。");
        var birth = parsed.Value;
        if (birth.Year < 1900 || (today is { } t && birth > t))
            throw new InvalidValueException("idNumber", "resident-id.birth-date", $"居民身份证号码中的出生日期“{text.Substring(6, 8)}”不在合理范围内。");
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
            throw new InvalidValueException("idNumber", "resident-id.check",
                $"居民身份证号码校验位错误：第18位应为“{expected}”，实际为“{text[17]}”。");
        return new ResidentIdNumber(text, birth);
    }

    public static bool TryParse(string? input, out ResidentIdNumber id)
    {
        try { id = Parse(input); return true; }
        catch (InvalidValueException) { id = default; return false; }
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    public string Masked => string.Create(CultureInfo.InvariantCulture, $"{Value[..6]}********{Value[14..]}");

    public override string ToString() => Value;
}
