using Assessment.Filing.Applications;
using Assessment.Filing.Filings;
using Assessment.Filing.Organizations;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Filing.Drafting;

/// <summary>What an organization's draft may say (FIL-05, FIL-11, FIL-20, FIL-21). Pure: state, command, now and actor in; events out.</summary>
public static class DraftingDecider
{
    /// <param name="renewed">The filing a renewal or change names (null for a new application, or when it is not the organization's).</param>
    /// <param name="filedForScope">Whether the organization already holds a filing for this jurisdiction and scope.</param>
    public static ApplicationDrafted Draft(Guid id, DraftApplication c, Organization? organization, JurisdictionPolicy policy, PolicyCatalog catalog,
        FilingRecord? renewed, bool filedForScope, Instant now, Actor by)
    {
        if (organization is null)
            throw new BusinessRuleException(new RuleViolation("FIL-11", "filing.organization-not-registered", "请先登记机构基本信息，再申请备案。"));
        if (!catalog.IsWithin(organization.AreaCode, policy.RootAuthority))
            throw new BusinessRuleException(new RuleViolation("FIL-05", "filing.outside-jurisdiction",
                $"机构登记所在地不在{policy.ShortName}辖区内，不能向其申请备案。"));
        var kind = c.Kind ?? ApplicationKind.New;
        if (kind == ApplicationKind.New)
        {
            if (filedForScope)
                throw new BusinessRuleException(new RuleViolation("FIL-21", "filing.already-filed",
                    "本机构在该辖区、该服务范围已有备案；增加职业（工种）或等级请申请变更备案，期满前请申请续期。"));
        }
        else
        {
            var rule = kind == ApplicationKind.Renewal ? "FIL-20" : "FIL-21";
            if (renewed is null || renewed.OrganizationId != organization.Id)
                throw new BusinessRuleException(new RuleViolation(rule, "filing.not-found", "原备案不存在。"));
            if (renewed.Jurisdiction != policy.Id || renewed.Scope != c.Scope)
                throw new BusinessRuleException(new RuleViolation(rule, "filing.other-scope", "续期或变更须向原备案的主管部门、按原服务范围申请。"));
            if (renewed.Status == FilingStatus.Cancelled)
                throw new BusinessRuleException(new RuleViolation(rule, "filing.cancelled", "备案已注销，不能续期或变更。"));
            if (kind == ApplicationKind.Change && renewed.Status == FilingStatus.Expired)
                throw new BusinessRuleException(new RuleViolation("FIL-21", "filing.expired", "备案已过期，请申请续期备案。"));
        }
        return new ApplicationDrafted(id, organization.Id, organization.Name, organization.AreaCode, policy.Id, c.Scope, now, by, kind,
            kind == ApplicationKind.New ? null : c.FilingId);
    }

    /// <summary>
    /// The organization edits what it applies for, while the application is a draft or returned (FIL-15). FIL-09: only the
    /// preference flags its jurisdiction's policy lists may be declared.
    /// </summary>
    public static ApplicationDetailsChanged Change(FilingApplication a, ChangeApplicationDetails c, JurisdictionPolicy policy, Instant now, Actor by)
    {
        if (!a.IsEditable)
            throw new BusinessRuleException(new RuleViolation("FIL-15", "filing.not-editable", "申请已提交，不能再修改；如被退回补正，可修改后重新提交。"));
        var preferences = (c.Preferences ?? []).Distinct().ToList();
        var unknown = preferences.Where(p => policy.Filing.Preferences.All(f => f.Code != p)).ToList();
        if (unknown.Count > 0)
        {
            var offered = policy.Filing.Preferences.Count == 0
                ? "本辖区政策未规定择优条件" : $"可申报的择优条件：{string.Join("；", policy.Filing.Preferences.Select(f => f.Name))}";
            throw new BusinessRuleException(unknown.Select(p => new RuleViolation("FIL-09", "filing.preference-unknown",
                $"“{p}”不是{policy.ShortName}的择优条件（{offered}）。", Target: "/preferences")).ToList());
        }
        var lines = c.Occupations.Select(l => l with
        {
            Name = l.Name.Trim(), Code = l.Code is null ? null : OccupationCode.Parse(l.Code).Value,
            Mapping = l.Mapping is { } m ? new OccupationMapping(m.RequestedName.Trim(), m.Reason.Trim()) : null,
        }).ToList();
        var majors = (c.Majors ?? []).Select(m => new SchoolMajor(m.Name.Trim(), m.Occupations.Select(o => o.Trim()).Distinct().ToList())).ToList();
        return new ApplicationDetailsChanged(a.Id, lines, c.ConsecutiveYears, c.CumulativePersonTimes, c.SubsidizedTraining, preferences, by,
            (c.Sites ?? []).Select(x => new EvaluationSite(x.Name.Trim(), x.Address.Trim())).ToList(), now,
            (c.EvaluatedPopulations ?? []).Distinct().ToList(), string.IsNullOrWhiteSpace(c.MainBusiness) ? null : c.MainBusiness.Trim(), majors);
    }
}
