using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Organizations;

/// <summary>Registration of an organization (FIL-11). Pure: command, facts, now and actor in; the event out.</summary>
public static class OrganizationDecider
{
    public static OrganizationRegistered Register(Guid id, RegisterOrganization c, bool creditCodeTaken, Instant now, Actor by)
    {
        var credit = UnifiedSocialCreditCode.Parse(c.CreditCode).Value;
        if (creditCodeTaken)
            throw new BusinessRuleException(new RuleViolation("FIL-11", "organization.credit-code-taken", $"统一社会信用代码{credit}已被其他机构登记。"));
        return new OrganizationRegistered(id, c.Name.Trim(), credit, c.Nature, c.Category, c.AreaCode, c.Address.Trim(), c.LegalRepresentative.Trim(),
            c.ContactName.Trim(), c.ContactPhone.Trim(), c.ContactEmail.Trim(), now, by);
    }

    /// <summary>CRT-03: a seal picture the certificate can print (PNG, transparent background), or the 422 saying why not.</summary>
    public static (OrganizationSealUploaded Uploaded, byte[] Png) Seal(Organization o, SealImage judged, Guid sealId, Instant now, Actor by)
    {
        if (judged.Refusal is { } why)
            throw new BusinessRuleException(new RuleViolation("CRT-03", "organization.seal-unusable", why));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(judged.Png));
        return (new OrganizationSealUploaded(o.Id, sealId, sha256, judged.Width, judged.Height, now.InZone(SharedKernel.ChinaTime.Zone).Date,
            now, by), judged.Png);
    }

    public static OrganizationContactChanged ChangeContact(Organization o, ChangeOrganizationContact c, Actor by) =>
        new(o.Id, c.Address.Trim(), c.ContactName.Trim(), c.ContactPhone.Trim(), c.ContactEmail.Trim(), by);
}
