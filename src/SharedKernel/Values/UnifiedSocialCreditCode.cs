using Assessment.SharedKernel.Problems;

namespace Assessment.SharedKernel.Values;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character (FIL-11).</summary>
public readonly record struct UnifiedSocialCreditCode
{
    // GB 32100-2015 character set: digits and capital letters without I, O, Z, S, V.
    internal const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public string Value { get; }

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string RegistrationAuthority => Value[..1];
    public string OrganizationType => Value[1..2];
    /// <summary>The administrative division code (GB/T 2260) of the registering authority.</summary>
    public string DivisionCode => Value[2..8];

    public static UnifiedSocialCreditCode Parse(string? input)
    {
        var text = (input ?? "").Trim().ToUpperInvariant();
        if (text.Length != 18)
            throw new InvalidValueException("creditCode", "credit-code.length", $"统一社会信用代码应为18位，实际为{text.Length}位。");
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(text[i]) < 0)
                throw new InvalidValueException("creditCode", "credit-code.character",
                    $"统一社会信用代码第{i + 1}位“{text[i]}”不是合法字符（不使用I、O、Z、S、V）。");
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                throw new InvalidValueException("creditCode", "credit-code.division",
                    "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）。");
        }
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
            throw new InvalidValueException("creditCode", "credit-code.check",
                $"统一社会信用代码校验位错误：第18位应为“{expected}”，实际为“{text[17]}”。");
        return new UnifiedSocialCreditCode(text);
    }

    public static bool TryParse(string? input, out UnifiedSocialCreditCode code)
    {
        try { code = Parse(input); return true; }
        catch (InvalidValueException) { code = default; return false; }
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("Exactly 17 characters are required.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not a GB 32100 character.", nameof(first17));
            sum += value * Weights[i];
        }
        var c = 31 - sum % 31;
        return Alphabet[c == 31 ? 0 : c];
    }

    public override string ToString() => Value;
}
