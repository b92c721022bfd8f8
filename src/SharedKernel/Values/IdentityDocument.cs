using System.Text.RegularExpressions;
using Assessment.SharedKernel.Problems;

namespace Assessment.SharedKernel.Values;

/// <summary>证件类型 codes of 附件5 (BAT-09).</summary>
public enum IdentityDocumentType
{
    ResidentIdCard = 201,
    ChinesePassport = 227,
    HongKongMacaoPermit = 210,
    HongKongMacaoResidencePermit = 237,
    TaiwanPermit = 213,
    TaiwanResidencePermit = 238,
    ForeignPassport = 208,
    ForeignPermanentResidentCard = 233,
    ForeignWorkPermitA = 239,
    ForeignWorkPermitB = 240,
    ForeignWorkPermitC = 241,
    Other = 299,
}

public static class IdentityDocumentTypes
{
    public static readonly IReadOnlyDictionary<IdentityDocumentType, string> Names = new Dictionary<IdentityDocumentType, string>
    {
        [IdentityDocumentType.ResidentIdCard] = "居民身份证",
        [IdentityDocumentType.ChinesePassport] = "中国护照",
        [IdentityDocumentType.HongKongMacaoPermit] = "港澳居民来往内地通行证",
        [IdentityDocumentType.HongKongMacaoResidencePermit] = "港澳居民居住证",
        [IdentityDocumentType.TaiwanPermit] = "台湾居民来往大陆通行证",
        [IdentityDocumentType.TaiwanResidencePermit] = "台湾居民居住证",
        [IdentityDocumentType.ForeignPassport] = "外国护照",
        [IdentityDocumentType.ForeignPermanentResidentCard] = "外国人永久居留身份证",
        [IdentityDocumentType.ForeignWorkPermitA] = "《中华人民共和国外国人工作许可证》（A类）",
        [IdentityDocumentType.ForeignWorkPermitB] = "《中华人民共和国外国人工作许可证》（B类）",
        [IdentityDocumentType.ForeignWorkPermitC] = "《中华人民共和国外国人工作许可证》（C类）",
        [IdentityDocumentType.Other] = "其他个人证件",
    };

    public static IdentityDocumentType FromCode(int code) =>
        Enum.IsDefined(typeof(IdentityDocumentType), code)
            ? (IdentityDocumentType)code
            : throw new InvalidValueException("documentType", "identity-document.type",
                $"证件类型代码“{code}”无效，应为201、227、210、237、213、238、208、233、239、240、241或299。");
}

/// <summary>A person's identity document: a type code (BAT-09) and a number checked as that type requires.</summary>
public sealed partial record IdentityDocument
{
    public IdentityDocumentType Type { get; }
    public string Number { get; }
    public int TypeCode => (int)Type;
    public string TypeName => IdentityDocumentTypes.Names[Type];

    private IdentityDocument(IdentityDocumentType type, string number) { Type = type; Number = number; }

    public static IdentityDocument Create(int typeCode, string? number) => Create(IdentityDocumentTypes.FromCode(typeCode), number);

    public static IdentityDocument Create(IdentityDocumentType type, string? number)
    {
        var text = (number ?? "").Trim().ToUpperInvariant();
        if (type == IdentityDocumentType.ResidentIdCard)
            return new IdentityDocument(type, ResidentIdNumber.Parse(text).Value);
        if (text.Length is < 5 or > 32 || !GenericNumber().IsMatch(text))
            throw new InvalidValueException("documentNumber", "identity-document.number",
                $"{IdentityDocumentTypes.Names[type]}号码格式不正确：应为5至32位字母、数字或连字符。");
        return new IdentityDocument(type, text);
    }

    [GeneratedRegex("^[A-Z0-9()（）-]+$")]
    private static partial Regex GenericNumber();
}
