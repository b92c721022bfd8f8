using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;

namespace Assessment.SharedKernel.Privacy;

/// <summary>How much of a person's data a caller gets: nothing, masked (张*强 4202**********0171, 138****1234) or in full.</summary>
public enum PersonalDataView { None, Masked, Full }

/// <summary>Who the caller is to the organization that holds a person's data and to the authority that receives that object.</summary>
public enum DataRelation
{
    HoldingOrganization,
    OtherOrganization,
    ReceivingAuthority,
    AuthorityAbove,
    Inspector,
    OtherArea,
    Auditor,
    Administrator,
    Expert,
    Public,
}

/// <summary>
/// Where a person's data lives: the organization that entered and holds it, and the authority that receives (and so decides
/// on) the batch it was entered for — for a certificate, the authority that accepted its batch.
/// </summary>
public sealed record PersonalDataHolder(Guid OrganizationId, string ReceivingAuthority);

/// <summary>
/// AUD-04 and BAT-09: the one rule for identity numbers, phones, photos and a full name next to an identity number. The notices
/// name no wider circle, so the narrowest reading holds: the organization that holds the data, the authority that receives that
/// very object, and auditors see one record (or an export) in full — and every such reveal is recorded with its purpose
/// (<see cref="PersonalDataReads"/>). Lists show everyone masked data; authorities above, inspectors and administrators see
/// masked data only; other organizations, other areas, experts and the public see nothing. README "Personal data" shows this table.
/// </summary>
public static class PersonalDataRule
{
    /// <summary>One record opened, a PDF or an export: what each relation gets.</summary>
    public static readonly IReadOnlyDictionary<DataRelation, PersonalDataView> OneRecord = new Dictionary<DataRelation, PersonalDataView>
    {
        [DataRelation.HoldingOrganization] = PersonalDataView.Full,
        [DataRelation.ReceivingAuthority] = PersonalDataView.Full,
        [DataRelation.Auditor] = PersonalDataView.Full,
        [DataRelation.AuthorityAbove] = PersonalDataView.Masked,
        [DataRelation.Inspector] = PersonalDataView.Masked,
        [DataRelation.Administrator] = PersonalDataView.Masked,
        [DataRelation.OtherOrganization] = PersonalDataView.None,
        [DataRelation.OtherArea] = PersonalDataView.None,
        [DataRelation.Expert] = PersonalDataView.None,
        [DataRelation.Public] = PersonalDataView.None,
    };

    public static readonly IReadOnlyDictionary<DataRelation, string> RelationNames = new Dictionary<DataRelation, string>
    {
        [DataRelation.HoldingOrganization] = "持有数据的评价机构",
        [DataRelation.OtherOrganization] = "其他评价机构",
        [DataRelation.ReceivingAuthority] = "受理该批次的主管部门",
        [DataRelation.AuthorityAbove] = "上级主管部门",
        [DataRelation.Inspector] = "督查员",
        [DataRelation.OtherArea] = "其他地区主管部门",
        [DataRelation.Auditor] = "审计人员",
        [DataRelation.Administrator] = "系统管理员",
        [DataRelation.Expert] = "评估专家",
        [DataRelation.Public] = "公众",
    };

    public static DataRelation RelationOf(CurrentUser user, PersonalDataHolder holder, AccessControl access)
    {
        if (!user.IsAuthenticated || user.Role == Roles.Public) return DataRelation.Public;
        switch (user.Role)
        {
            case Roles.Auditor: return DataRelation.Auditor;
            case Roles.Administrator: return DataRelation.Administrator;
            case Roles.Expert: return DataRelation.Expert;
        }
        if (user.OrganizationId is { } org) return org == holder.OrganizationId ? DataRelation.HoldingOrganization : DataRelation.OtherOrganization;
        if (user.AuthorityCode is not { } authority || !access.CanSee(user, new ResourceScope(holder.ReceivingAuthority, holder.OrganizationId)))
            return DataRelation.OtherArea;
        if (user.Role == Roles.Inspector) return DataRelation.Inspector;
        return authority == holder.ReceivingAuthority ? DataRelation.ReceivingAuthority : DataRelation.AuthorityAbove;
    }

    /// <summary>What the caller gets when it opens one record, downloads a PDF or exports a table.</summary>
    public static PersonalDataView ForOneRecord(AccessContext caller, PersonalDataHolder holder) =>
        OneRecord[RelationOf(caller.User, holder, caller.Access)];

    /// <summary>What the caller gets in a list: never more than masked, so a person opens one record to see it in full.</summary>
    public static PersonalDataView ForList(AccessContext caller, PersonalDataHolder holder) =>
        ForOneRecord(caller, holder) == PersonalDataView.None ? PersonalDataView.None : PersonalDataView.Masked;
}
