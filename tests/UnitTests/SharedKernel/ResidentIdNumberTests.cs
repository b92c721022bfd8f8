using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.UnitTests.SharedKernel;

public class ResidentIdNumberTests
{
    [Fact]
    public void BAT_09_accepts_the_GB_11643_example_with_X_check_character()
    {
        var id = ResidentIdNumber.Parse("11010519491231002x");
        id.Value.ShouldBe("11010519491231002X");
        id.BirthDate.ShouldBe(new LocalDate(1949, 12, 31));
        id.DivisionCode.ShouldBe("110105");
        id.IsMale.ShouldBeFalse();
        id.Masked.ShouldBe("110105********002X");
    }

    [Fact]
    public void BAT_09_accepts_a_computed_valid_number()
    {
        var first17 = "34010219900307001";
        var number = first17 + ResidentIdNumber.CheckCharacter(first17);
        ResidentIdNumber.Parse(number).IsMale.ShouldBeTrue();
    }

    [Theory]
    [InlineData("110105194912310021", "resident-id.check")]
    [InlineData("11010519491231002", "resident-id.length")]
    [InlineData("1101051949123100AX", "resident-id.character")]
    [InlineData("110105194902300027", "resident-id.birth-date")]
    [InlineData("110105180001010026", "resident-id.birth-date")]
    public void BAT_09_rejects_bad_numbers_with_a_specific_error(string number, string code)
    {
        Should.Throw<InvalidValueException>(() => ResidentIdNumber.Parse(number)).Code.ShouldBe(code);
    }

    [Fact]
    public void BAT_09_rejects_a_birth_date_in_the_future()
    {
        var first17 = "34010220300101001";
        var number = first17 + ResidentIdNumber.CheckCharacter(first17);
        Should.Throw<InvalidValueException>(() => ResidentIdNumber.Parse(number, new LocalDate(2026, 11, 23))).Code.ShouldBe("resident-id.birth-date");
    }
}
