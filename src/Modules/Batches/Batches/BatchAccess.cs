using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;

namespace Assessment.Batches.Batches;

/// <summary>The personal-data rule of a batch (who may see and act on it: <see cref="BatchGuards"/>).</summary>
public static class BatchAccess
{
    /// <summary>BAT-09: identity numbers and phones are shown to the organization, the receiving authority (its reviewers and
    /// systems) and auditors; everyone else — other authorities above it, inspectors, administrators — sees them masked.</summary>
    public static bool SeesPersonalData(Batch batch, CurrentUser user, AccessControl access) =>
        BatchGuards.Sees(batch, user, access)
        && (user.Role == Roles.Auditor
            || user.OrganizationId == batch.OrganizationId
            || user.Role is Roles.Reviewer or Roles.ApiClient && user.AuthorityCode == batch.ReceivingAuthority);
}
