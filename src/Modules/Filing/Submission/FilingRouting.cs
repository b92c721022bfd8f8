using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.Filing.Submission;

public sealed record Route(string HandlingAuthority, string? FirstReviewAuthority, LocalDate? AcceptanceDeadline);

/// <summary>FIL-14: which authority's queue receives an application; FIL-15: when it must decide on acceptance.</summary>
public static class FilingRouting
{
    public static Route Route(JurisdictionPolicy policy, PolicyCatalog catalog, WorkingDayCalendar calendar, string scopeName,
        string organizationArea, LocalDate submittedOn)
    {
        var scope = policy.Filing.Scopes.Single(s => s.Scope == scopeName);
        var handling = AuthorityAt(scope.HandledBy, policy, catalog, organizationArea);
        var first = scope.FirstReviewBy is { } level ? AuthorityAt(level, policy, catalog, organizationArea) : null;
        var decider = first ?? handling;
        var deciderPolicy = catalog.PolicyForArea(decider);
        var deadline = deciderPolicy.Filing.AcceptanceWorkingDays is { } days
            ? calendar.AddWorkingDays(deciderPolicy.CalendarLayer, submittedOn, days)
            : (LocalDate?)null;
        return new Route(handling, first, deadline);
    }

    private static string AuthorityAt(string level, JurisdictionPolicy policy, PolicyCatalog catalog, string organizationArea)
    {
        if (level == AuthorityLevels.National) return catalog.All.SelectMany(p => p.Authorities).Single(a => a.Parent is null).Code;
        if (level == AuthorityLevels.Province) return policy.RootAuthority;
        return catalog.Ancestry(organizationArea).FirstOrDefault(a => a.Level == level)?.Code
               ?? throw new InvalidOperationException($"No {level} authority above {organizationArea} in policy {policy.Id}.");
    }
}
