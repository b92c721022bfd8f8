using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.UnitTests;

/// <summary>Callers for guard-table tests: a role bound to an authority or an organization, on the shipped policies, at one instant.</summary>
public static class GuardCallers
{
    public static readonly PolicyCatalog Catalog =
        new(PolicyCatalog.LoadShipped(), Assessment.SharedKernel.Calendar.CalendarData.LoadShipped().Select(l => l.Id));

    public static readonly AccessControl Access = new(Catalog);

    /// <summary>Monday 2026-11-23 10:00 in China.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);

    public static AccessContext As(string role, string? authority = null, Guid? organization = null, Instant? at = null) =>
        new(new CurrentUser(Guid.NewGuid(), "u", "用户", role, authority, organization, []), Access, at ?? Now);
}
