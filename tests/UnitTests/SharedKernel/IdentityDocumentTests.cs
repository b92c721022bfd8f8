using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;

namespace Assessment.UnitTests.SharedKernel;

public class IdentityDocumentTests
{
    [Theory]
    [InlineData(201, "居民身份证")]
    [InlineData(227, "中国护照")]
    [InlineData(210, "港澳居民来往内地通行证")]
    [InlineData(237, "港澳居民居住证")]
    [InlineData(213, "台湾居民来往大陆通行证")]
    [InlineData(238, "台湾居民居住证")]
    [InlineData(208, "外国护照")]
    [InlineData(233, "外国人永久居留身份证")]
    [InlineData(239, "《中华人民共和国外国人工作许可证》（A类）")]
    [InlineData(240, "《中华人民共和国外国人工作许可证》（B类）")]
    [InlineData(241, "《中华人民共和国外国人工作许可证》（C类）")]
    [InlineData(299, "其他个人证件")]
    public void BAT_09_knows_every_document_type_code_of_attachment_5(int code, string name)
    {
        IdentityDocumentTypes.FromCode(code).ShouldBe((IdentityDocumentType)code);
        IdentityDocumentTypes.Names[(IdentityDocumentType)code].ShouldBe(name);
    }

    [Fact]
    public void BAT_09_rejects_an_unknown_type_code()
    {
        Should.Throw<InvalidValueException>(() => IdentityDocument.Create(202, "E12345678")).Code.ShouldBe("identity-document.type");
    }

    [Fact]
    public void BAT_09_type_201_is_checked_as_a_resident_id_number()
    {
        IdentityDocument.Create(201, "11010519491231002X").Number.ShouldBe("11010519491231002X");
        Should.Throw<InvalidValueException>(() => IdentityDocument.Create(201, "110105194912310021")).Code.ShouldBe("resident-id.check");
    }

    [Fact]
    public void BAT_09_other_types_take_a_plain_document_number()
    {
        var doc = IdentityDocument.Create(IdentityDocumentType.ChinesePassport, "e12345678");
        doc.Number.ShouldBe("E12345678");
        doc.TypeCode.ShouldBe(227);
        doc.TypeName.ShouldBe("中国护照");
        Should.Throw<InvalidValueException>(() => IdentityDocument.Create(227, "E1")).Code.ShouldBe("identity-document.number");
        Should.Throw<InvalidValueException>(() => IdentityDocument.Create(227, "E1234 5678")).Code.ShouldBe("identity-document.number");
    }
}
