using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Organizations;

/// <summary>机构性质 (FIL-11).</summary>
public enum OrganizationNature { Enterprise, PrivateNonEnterprise, IndustryAssociation, ResearchInstitute, TechnicalSchool, Other }

public sealed record OrganizationRegistered(
    Guid OrganizationId,
    string Name,
    string CreditCode,
    OrganizationNature Nature,
    OrganizationCategory Category,
    string AreaCode,
    string Address,
    string LegalRepresentative,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    Instant RegisteredAt,
    Actor By);

public sealed record OrganizationContactChanged(
    Guid OrganizationId,
    string Address,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    Actor By);

/// <summary>An evaluation organization's basic information (FIL-11). Its scope: its registration area, owned by itself.</summary>
[System.ComponentModel.DisplayName("机构")]
public sealed class Organization
{
    /// <summary>FIL-11: the unique index on the credit code.</summary>
    public const string CreditCodeIndex = "mt_doc_organization_uidx_credit_code";

    public const string CreditCodeTaken = "该统一社会信用代码已被其他机构登记（FIL-11）。";

    /// <summary>The stream id is the organization's own id, so a second registration cannot start it again.</summary>
    public const string AlreadyRegistered = "本机构已登记基本信息；如需修改，请变更联系方式或办理变更备案。";

    public Guid Id { get; set; }
    /// <summary>
    /// The stream version, sent back by clients (stale → 409). Marten 9.58 fills a snapshot's version only when the
    /// member is a long marked [Version]; the naming convention alone leaves it 0.
    /// </summary>
    [Marten.Schema.Version]
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public OrganizationNature Nature { get; set; }
    public OrganizationCategory Category { get; set; }
    public string AreaCode { get; set; } = "";
    public string Address { get; set; } = "";
    public string LegalRepresentative { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public Instant RegisteredAt { get; set; }
    /// <summary>The seal image certificates print from now on (CRT-03), if one was uploaded.</summary>
    public Guid? SealId { get; set; }
    public Instant? SealUploadedAt { get; set; }

    public ResourceScope Scope() => new(AreaCode, Id);

    public static Organization Create(OrganizationRegistered e) => new()
    {
        Id = e.OrganizationId, Name = e.Name, CreditCode = e.CreditCode, Nature = e.Nature, Category = e.Category,
        AreaCode = e.AreaCode, Address = e.Address, LegalRepresentative = e.LegalRepresentative, ContactName = e.ContactName,
        ContactPhone = e.ContactPhone, ContactEmail = e.ContactEmail, RegisteredAt = e.RegisteredAt,
    };

    public void Apply(OrganizationSealUploaded e)
    {
        SealId = e.SealId;
        SealUploadedAt = e.UploadedAt;
    }

    public void Apply(OrganizationContactChanged e)
    {
        Address = e.Address;
        ContactName = e.ContactName;
        ContactPhone = e.ContactPhone;
        ContactEmail = e.ContactEmail;
    }
}

/// <summary>The words for an organization's codes (FIL-11 机构性质; FIL-24 category letter).</summary>
public static class OrganizationNames
{
    public static string Nature(OrganizationNature nature) => nature switch
    {
        OrganizationNature.Enterprise => "企业",
        OrganizationNature.PrivateNonEnterprise => "民办非企业单位",
        OrganizationNature.IndustryAssociation => "行业协会",
        OrganizationNature.ResearchInstitute => "科研院所",
        OrganizationNature.TechnicalSchool => "技工院校",
        _ => "其他",
    };

    public static string Category(SharedKernel.Values.OrganizationCategory category) => category switch
    {
        SharedKernel.Values.OrganizationCategory.Y => "用人单位（Y）",
        _ => "社会培训评价组织（S）",
    };
}
