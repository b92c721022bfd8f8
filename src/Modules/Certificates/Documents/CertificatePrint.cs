using NodaTime;

namespace Assessment.Certificates.Documents;

/// <summary>
/// Everything printed on one vocational skill level certificate (CRT-03, [AH] 附件6). The renderer prints the values as
/// given: masking the document number or choosing the level's display name is the caller's business.
/// </summary>
/// <param name="Number">The 22-character certificate number (CRT-01).</param>
/// <param name="HolderName">姓名.</param>
/// <param name="DocumentTypeName">证件类型, e.g. 居民身份证.</param>
/// <param name="DocumentNumber">证件号码, printed as given (the caller may mask it).</param>
/// <param name="Occupation">职业名称.</param>
/// <param name="WorkType">工种; null or blank prints "——" (CRT-03 note 3).</param>
/// <param name="LevelName">职业技能等级, e.g. 四级/中级工.</param>
/// <param name="IssuedOn">发证日期, printed as YYYY年M月D日.</param>
/// <param name="OrganizationName">The evaluation organization exactly as filed (CRT-03: name and seal match the filing).</param>
/// <param name="VerificationUrl">Where the certificate is verified; the QR code links there in the PDF.</param>
/// <param name="QrContent">What the QR code encodes (usually the verification URL).</param>
/// <param name="Photo">The holder's 2-inch white-background photo (JPEG/PNG/WebP bytes), or null for an empty photo box
/// (a frame with nothing in it, for a photo pasted on paper).</param>
/// <param name="WebAddress">The certificate query site printed on the left page (证书查询网址).</param>
/// <param name="Reprint">From the second print on (补发, 更正): the mark printed as the last line of the basic information.</param>
/// <param name="RevokedOn">A revoked certificate's revocation date: 已撤销 and the date are printed across the spread.</param>
/// <param name="Seal">The organization's seal (PNG with transparency) stamped over its name and the date; null leaves the place
/// blank for a stamp on paper.</param>
public sealed record CertificatePrint(
    string Number,
    string HolderName,
    string DocumentTypeName,
    string DocumentNumber,
    string Occupation,
    string? WorkType,
    string LevelName,
    LocalDate IssuedOn,
    string OrganizationName,
    string VerificationUrl,
    string QrContent,
    byte[]? Photo,
    string WebAddress,
    PrintMark? Reprint = null,
    LocalDate? RevokedOn = null,
    byte[]? Seal = null);

/// <summary>A re-print's mark, printed as "<paramref name="Label"/>：YYYY年M月D日" (e.g. 补发日期：2026年11月23日).</summary>
public sealed record PrintMark(string Label, LocalDate On);
