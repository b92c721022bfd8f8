using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.UnitTests.SharedKernel;

public class OccupationCodeTests
{
    [Theory]
    [InlineData("4-12-01-01", false)]
    [InlineData("6-18-02-04", false)]
    [InlineData("4-12-01-01-02", true)]
    public void FIL_11_parses_occupation_and_work_type_codes(string code, bool isWorkType)
    {
        var parsed = OccupationCode.Parse(code);
        parsed.Value.ShouldBe(code);
        parsed.IsWorkType.ShouldBe(isWorkType);
        parsed.Occupation.Value.ShouldBe(code[..10]);
        parsed.MajorGroup.ShouldBe(code[0] - '0');
    }

    [Fact]
    public void FIL_11_accepts_full_width_dashes()
    {
        OccupationCode.Parse("4－12－01－01").Value.ShouldBe("4-12-01-01");
    }

    [Theory]
    [InlineData("41201 01")]
    [InlineData("4-12-1-01")]
    [InlineData("4-12-01-01-1")]
    [InlineData("")]
    public void FIL_11_rejects_malformed_codes(string code)
    {
        Should.Throw<InvalidValueException>(() => OccupationCode.Parse(code)).Code.ShouldBe("occupation-code.format");
    }

    [Fact]
    public void FIL_11_rejects_a_major_group_outside_1_to_8()
    {
        Should.Throw<InvalidValueException>(() => OccupationCode.Parse("9-12-01-01")).Code.ShouldBe("occupation-code.major-group");
    }
}

public class SkillLevelTests
{
    [Theory]
    [InlineData(1, "一级", "高级技师", '1')]
    [InlineData(2, "二级", "技师", '2')]
    [InlineData(3, "三级", "高级工", '3')]
    [InlineData(4, "四级", "中级工", '4')]
    [InlineData(5, "五级", "初级工", '5')]
    public void CRT_01_levels_have_both_names_and_their_code(int number, string grade, string title, char code)
    {
        var level = SkillLevel.FromNumber(number);
        level.GradeName.ShouldBe(grade);
        level.TitleName.ShouldBe(title);
        level.FullName.ShouldBe($"{grade}/{title}");
        level.Code.ShouldBe(code);
        SkillLevel.Parse(grade).ShouldBe(level);
        SkillLevel.Parse(title).ShouldBe(level);
        SkillLevel.Parse($"{grade}/{title}").ShouldBe(level);
        SkillLevel.Parse(number.ToString()).ShouldBe(level);
    }

    [Fact]
    public void FIL_08_technician_levels_are_one_and_two()
    {
        SkillLevel.All.Where(l => l.IsTechnicianLevel).ShouldBe([SkillLevel.SeniorTechnician, SkillLevel.Technician]);
    }

    [Fact]
    public void level_one_is_the_highest()
    {
        SkillLevel.SeniorTechnician.IsHigherThan(SkillLevel.Junior).ShouldBeTrue();
        SkillLevel.All.Max().ShouldBe(SkillLevel.SeniorTechnician);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("六级")]
    public void unknown_levels_are_rejected(string input)
    {
        Should.Throw<InvalidValueException>(() => SkillLevel.Parse(input));
    }
}
