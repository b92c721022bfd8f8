using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.UnitTests.SharedKernel;

public class FilingNumberTests
{
    [Fact]
    public void FIL_24_reproduces_the_example_of_the_Anhui_scheme()
    {
        // 新华教育集团: S 0000 34 01 0001
        var number = FilingNumber.Create(OrganizationCategory.S, "0000", "34", "01", 1);
        number.Value.ShouldBe("S000034010001");
        number.Value.Length.ShouldBe(13);
        number.Category.ShouldBe(OrganizationCategory.S);
        number.OrganizationCode.ShouldBe("0000");
        number.ProvinceCode.ShouldBe("34");
        number.CityCode.ShouldBe("01");
        number.Serial.ShouldBe(1);
    }

    [Fact]
    public void FIL_24_round_trips_through_parse()
    {
        FilingNumber.Parse("y000045029999").Value.ShouldBe("Y000045029999");
    }

    [Theory]
    [InlineData("S00003401000", "filing-number.length")]
    [InlineData("X000034010001", "filing-number.format")]
    [InlineData("S0000340100A1", "filing-number.format")]
    [InlineData("S000034010000", "filing-number.serial")]
    public void FIL_24_rejects_malformed_numbers(string input, string code)
    {
        Should.Throw<InvalidValueException>(() => FilingNumber.Parse(input)).Code.ShouldBe(code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void FIL_24_serial_runs_from_0001_to_9999(int serial)
    {
        Should.Throw<InvalidValueException>(() => FilingNumber.Create(OrganizationCategory.Y, "0000", "34", "01", serial))
            .Code.ShouldBe("filing-number.serial");
    }
}

public class CertificateNumberTests
{
    [Fact]
    public void CRT_01_is_filing_number_year_level_and_serial()
    {
        var filing = FilingNumber.Parse("S000034010001");
        var number = CertificateNumber.Create(filing, 2021, SkillLevel.Senior, 1);
        number.Value.ShouldBe("S000034010001213000001");
        number.Value.Length.ShouldBe(22);
        number.FilingNumber.ShouldBe(filing);
        number.YearOfCentury.ShouldBe(21);
        number.Level.ShouldBe(SkillLevel.Senior);
        number.Serial.ShouldBe(1);
    }

    [Theory]
    [InlineData("S00003401000121300000", "certificate-number.length")]
    [InlineData("S000034010001216000001", "certificate-number.format")]
    [InlineData("S000034010001213000000", "certificate-number.serial")]
    [InlineData("S000034010000213000001", "filing-number.serial")]
    public void CRT_01_rejects_malformed_numbers(string input, string code)
    {
        Should.Throw<InvalidValueException>(() => CertificateNumber.Parse(input)).Code.ShouldBe(code);
    }

    [Fact]
    public void CRT_01_serial_has_six_digits()
    {
        var filing = FilingNumber.Parse("Y000045010002");
        CertificateNumber.Create(filing, 2026, SkillLevel.Junior, 999_999).Value.ShouldEndWith("265999999");
        Should.Throw<InvalidValueException>(() => CertificateNumber.Create(filing, 2026, SkillLevel.Junior, 1_000_000));
    }
}
