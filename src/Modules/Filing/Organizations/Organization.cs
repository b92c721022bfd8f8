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
public sealed record Organization(
    Guid Id,
    int Version,
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
    Instant RegisteredAt)
{
    public ResourceScope Scope => new(AreaCode, Id);

    public static Organization Create(OrganizationRegistered e) => new(
        e.OrganizationId, 1, e.Name, e.CreditCode, e.Nature, e.Category, e.AreaCode, e.Address, e.LegalRepresentative,
        e.ContactName, e.ContactPhone, e.ContactEmail, e.RegisteredAt);

    public Organization Apply(OrganizationContactChanged e) => this with
    {
        Address = e.Address, ContactName = e.ContactName, ContactPhone = e.ContactPhone, ContactEmail = e.ContactEmail,
    };
}
