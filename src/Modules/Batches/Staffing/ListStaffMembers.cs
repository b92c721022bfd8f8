using System.Security.Claims;
using Assessment.Batches.Batches;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Values;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Assessment.Batches.Staffing;

public sealed record StaffMemberView(Guid Id, string Name, string DocumentTypeName, string DocumentNumber, string Qualification,
    IReadOnlyList<string> Occupations, IReadOnlyList<int> Levels);

public static class ListStaffMembersEndpoint
{
    /// <summary>The organization's roster (its own staff only), identity numbers masked as in every list (the personal-data rule).</summary>
    [Authorize(Roles = BatchGuards.OrganizationRoles, Policy = ScopePolicies.BatchesRead)]
    [WolverineGet("/api/batches/staff", OperationId = "listStaffMembers", Summary = "查询工作人员名册")]
    public static async Task<IReadOnlyList<StaffMemberView>> Get(ClaimsPrincipal principal, IQuerySession session)
    {
        var organization = CurrentUser.From(principal).OrganizationId;
        if (organization is null) return [];
        var staff = await session.Query<StaffMember>().Where(s => s.OrganizationId == organization).OrderBy(s => s.Name).ToListAsync();
        return staff.Select(s => new StaffMemberView(s.Id, s.Name, IdentityDocumentTypes.Names[(IdentityDocumentType)s.DocumentType],
            Masking.Document(s.DocumentNumber),
            s.Qualification, s.Occupations, s.Levels)).ToList();
    }
}
