using Assessment.Filing.Filings;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.UnitTests.Filing;

public class FilingGuardsTests
{
    private static readonly Instant Now = GuardCallers.Now;
    private static readonly Guid Org = Guid.NewGuid();

    private static FilingRecord Filing(FilingStatus status) => new() { Id = Guid.NewGuid(), OrganizationId = Org, AreaCode = "340200", Status = status };

    private static AccessContext As(string role, string? authority = null, Guid? organization = null) => GuardCallers.As(role, authority, organization);

    [Fact]
    public void FIL_19_a_reviewer_over_the_area_may_suspend_an_active_filing_and_sees_exactly_that_action()
    {
        var caller = As(Roles.Reviewer, "340000");
        FilingGuards.Table.Actions(Filing(FilingStatus.Active), caller).ShouldBe([FilingGuards.Suspend, FilingGuards.Cancel]);
        FilingGuards.Table.Actions(Filing(FilingStatus.Suspended), caller).ShouldBe([FilingGuards.Reinstate, FilingGuards.Cancel]);
        FilingGuards.Table.Actions(Filing(FilingStatus.Cancelled), caller).ShouldBeEmpty();
    }

    [Fact]
    public void FIL_19_another_citys_reviewer_gets_404_the_organization_403_and_neither_sees_an_action()
    {
        var filing = Filing(FilingStatus.Active);
        FilingGuards.Table.Check(FilingGuards.Suspend, filing, As(Roles.Reviewer, "340100")).Status.ShouldBe(404);
        FilingGuards.Table.Check(FilingGuards.Suspend, filing, As(Roles.Organization, organization: Org)).Status.ShouldBe(403);
        FilingGuards.Table.Check(FilingGuards.Suspend, filing, As(Roles.Organization, organization: Guid.NewGuid())).Status.ShouldBe(404);
        FilingGuards.Table.Actions(filing, As(Roles.Organization, organization: Org)).ShouldBe([FilingGuards.DraftFrom]);
        FilingGuards.Table.Check(FilingGuards.Suspend, filing, As(Roles.Reviewer, "340200")).Status.ShouldBeNull();
    }

    [Fact]
    public void a_missing_filing_answers_the_same_404_as_a_hidden_one_for_commands_and_reads()
    {
        var reviewer = As(Roles.Reviewer, "340200");
        FilingGuards.Table.Check(FilingGuards.Suspend, null, reviewer).Status.ShouldBe(404);
        FilingGuards.Table.Check(FilingGuards.Suspend, Filing(FilingStatus.Active), As(Roles.Reviewer, "340100")).Detail
            .ShouldBe(FilingGuards.Table.Check(FilingGuards.Suspend, null, reviewer).Detail);
        FilingGuards.Table.IsHidden(null, reviewer, out var missing).ShouldBeTrue();
        missing.ShouldNotBeNull();
        FilingGuards.Table.IsHidden(Filing(FilingStatus.Active), As(Roles.Reviewer, "340100"), out _).ShouldBeTrue();
        FilingGuards.Table.IsHidden(Filing(FilingStatus.Active), reviewer, out var shown).ShouldBeFalse();
        shown.ShouldBeNull();
    }
}
