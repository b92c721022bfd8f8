using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Problems;
using Assessment.Certificates.Registry;
using Microsoft.AspNetCore.Mvc;

namespace Assessment.Certificates.Ranges;

/// <summary>
/// Who may see and allocate an organization's certificate number ranges (CRT-01 [AH]): seen by the organization and the
/// authorities over its area; where the policy takes serials from ranges, only a reviewer or an authority's system of the level
/// the policy names (the provincial center) allocates. Where it does not, the decider answers 422 and no one gets the button.
/// </summary>
public static class RangeGuards
{
    public const string Allocate = "allocateCertificateRange";

    public static readonly GuardTable<RangeHolder> Table =
        new GuardTable<RangeHolder>("评价机构", (h, x) => x.Access.CanSee(x.User, new ResourceScope(h.AreaCode, h.OrganizationId)))
            .Operation(Allocate, (h, x) => h.Policy.Certificates.RangeAllocator(h.Policy) is null || Allocates(h, x.User),
                "证书编号号段由主管部门统一分配（CRT-01）。", (h, _) => h.Policy.Certificates.SerialsFromAllocatedRanges);

    /// <summary>The table's answer, naming the authority that allocates in the 403.</summary>
    public static ProblemDetails Check(RangeHolder? holder, AccessContext caller)
    {
        var answer = Table.Check(Allocate, holder, caller);
        return answer.Status == 403 && holder!.Policy.Certificates.RangeAllocator(holder.Policy) is { } allocator
            ? Problems.Forbidden($"证书编号号段由{allocator.Name}统一分配（CRT-01）。")
            : answer;
    }

    private static bool Allocates(RangeHolder h, CurrentUser user) =>
        user.Role is Roles.Reviewer or Roles.ApiClient && user.AuthorityCode is { } authority
        && h.Policy.Authorities.Any(a => a.Code == authority && a.Level == h.Policy.Certificates.RangesAllocatedBy);
}
