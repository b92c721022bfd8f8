using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.UnitTests.SharedKernel;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the GB 32100-2015 standard's own example
    [InlineData("91110108MA01N4AW1W")]
    [InlineData("91340200149604785R")]
    public void FIL_11_accepts_a_code_whose_check_character_matches(string code)
    {
        var parsed = UnifiedSocialCreditCode.Parse(code);
        parsed.Value.ShouldBe(code);
    }

    [Fact]
    public void FIL_11_normalises_case_and_whitespace_and_exposes_its_parts()
    {
        var code = UnifiedSocialCreditCode.Parse(" 91350100m000100y43 ");
        code.Value.ShouldBe("91350100M000100Y43");
        code.RegistrationAuthority.ShouldBe("9");
        code.OrganizationType.ShouldBe("1");
        code.DivisionCode.ShouldBe("350100");
    }

    [Fact]
    public void FIL_11_rejects_a_wrong_check_character_and_says_which_is_expected()
    {
        var e = Should.Throw<InvalidValueException>(() => UnifiedSocialCreditCode.Parse("91350100M000100Y44"));
        e.Code.ShouldBe("credit-code.check");
        e.Message.ShouldContain("应为“3”");
    }

    [Theory]
    [InlineData("", "credit-code.length")]
    [InlineData("91350100M000100Y4", "credit-code.length")]
    [InlineData("91350100M000100Y433", "credit-code.length")]
    [InlineData("91350100M0001I0Y43", "credit-code.character")]
    [InlineData("91350100O000100Y43", "credit-code.character")]
    [InlineData("913A0100M000100Y43", "credit-code.division")]
    public void FIL_11_rejects_malformed_codes_with_a_specific_error(string code, string expected)
    {
        Should.Throw<InvalidValueException>(() => UnifiedSocialCreditCode.Parse(code)).Code.ShouldBe(expected);
        UnifiedSocialCreditCode.TryParse(code, out _).ShouldBeFalse();
    }

    [Fact]
    public void check_character_is_computed_from_the_first_17()
    {
        UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y4").ShouldBe('3');
    }
}
