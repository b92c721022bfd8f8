using System.Security.Claims;
using Assessment.Filing.Acceptance;
using Assessment.Filing.Applications;
using Assessment.Filing.Catalog;
using Assessment.Filing.Evaluation;
using Assessment.Filing.Filings;
using Assessment.Filing.Granting;
using Assessment.Filing.Lifecycle;
using Assessment.Filing.Materials;
using Assessment.Filing.Numbering;
using Assessment.Filing.Organizations;
using Assessment.Filing.Publicity;
using Assessment.Filing.Submission;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Http;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Wolverine.Http;
using Wolverine.Marten;

namespace Assessment.Filing.Drafting;

/// <summary>FIL-20/FIL-21: which filings may be renewed or changed.</summary>
public static class RenewalRules
{
    public static void Check(ApplicationKind kind, Filings.FilingRecord filing, string jurisdiction, string scope)
    {
        var rule = kind == ApplicationKind.Renewal ? "FIL-20" : "FIL-21";
        if (filing.Jurisdiction != jurisdiction || filing.Scope != scope)
            throw new BusinessRuleException(new RuleViolation(rule, "filing.other-scope", "续期或变更须向原备案的主管部门、按原服务范围申请。"));
        if (filing.Status == Filings.FilingStatus.Cancelled)
            throw new BusinessRuleException(new RuleViolation(rule, "filing.cancelled", "备案已注销，不能续期或变更。"));
        if (kind == ApplicationKind.Change && filing.Status == Filings.FilingStatus.Expired)
            throw new BusinessRuleException(new RuleViolation("FIL-21", "filing.expired", "备案已过期，请申请续期备案。"));
    }
}
