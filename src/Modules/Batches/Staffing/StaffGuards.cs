using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;

namespace Assessment.Batches.Staffing;

/// <summary>Who may see and keep an organization's staff roster: the organization itself (its users and systems); auditors read it.</summary>
public static class StaffGuards
{
    public const string Register = "registerStaffMember";

    public static readonly GuardTable<StaffMember> Table =
        new GuardTable<StaffMember>("工作人员", (s, c) => c.User.OrganizationId == s.OrganizationId || c.User.Role == Roles.Auditor)
            .Creation(Register, c => c.User.OrganizationId is not null, "只有评价机构可以维护人员名册。");
}
