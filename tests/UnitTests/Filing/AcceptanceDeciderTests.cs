using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Filing;

public class AcceptanceDeciderTests
{
    private static readonly Instant Now = Instant.FromUtc(2021, 4, 20, 2, 0);
    private static readonly Actor Reviewer = new(Guid.NewGuid(), "nanning.reviewer", Roles.Reviewer, "450100", null);

    private static FilingApplication Submitted(string? firstReview = null, params RuleViolation[] excepted) =>
        ApplicationBuilder.Drafted("guangxi", "city", "450100").Submitted("450000", firstReview, new LocalDate(2021, 4, 28), excepted);

    [Fact]
    public void FIL_14_a_city_first_review_forwards_to_the_handling_authority_before_it_can_accept()
    {
        var a = Submitted("450100");
        a.CurrentAuthority.ShouldBe("450100");
        Should.Throw<BusinessRuleException>(() => AcceptanceDecider.Accept(a, new AcceptApplication(2, null, null), Now, Reviewer))
            .Violations.Single().Code.ShouldBe("filing.first-review-pending");
        var forwarded = AcceptanceDecider.Forward(a, new ForwardApplication(2, "材料齐全，同意报送。"), Now, Reviewer);
        forwarded.ToAuthority.ShouldBe("450000");
        a.Apply(forwarded);
        a.CurrentAuthority.ShouldBe("450000");
        AcceptanceDecider.Accept(a, new AcceptApplication(3, "受理", null), Now, Reviewer).Authority.ShouldBe("450000");
    }

    [Fact]
    public void FIL_15_every_excepted_in_principle_rule_needs_a_granted_decision_with_a_reason()
    {
        var a = Submitted(null, new RuleViolation("FIL-07", "filing.level-above-cap", "等级超限", true));
        Should.Throw<BusinessRuleException>(() => AcceptanceDecider.Accept(a, new AcceptApplication(2, null, null), Now, Reviewer))
            .Violations.Single().Code.ShouldBe("filing.exception-undecided");
        Should.Throw<BusinessRuleException>(() => AcceptanceDecider.Accept(a, new AcceptApplication(2, null, [new ExceptionDecision("FIL-07", false, "不同意")]), Now, Reviewer))
            .Violations.Single().Code.ShouldBe("filing.exception-refused");
        var accepted = AcceptanceDecider.Accept(a, new AcceptApplication(2, null, [new ExceptionDecision("FIL-07", true, "具备技师评价条件")]), Now, Reviewer);
        accepted.ExceptionDecisions.ShouldHaveSingleItem().Granted.ShouldBeTrue();
        accepted.By.ShouldBe(Reviewer);
    }

    [Fact]
    public void FIL_15_a_returned_application_becomes_editable_and_lists_what_is_missing()
    {
        var a = Submitted();
        var returned = AcceptanceDecider.Return(a, new ReturnApplication(2, ["法人登记证书复印件", " "], "材料不全"), Now, Reviewer);
        returned.MissingItems.ShouldBe(["法人登记证书复印件"]);
        a.Apply(returned);
        a.IsEditable.ShouldBeTrue();
        a.CurrentAuthority.ShouldBeNull();
        Should.Throw<BusinessRuleException>(() => AcceptanceDecider.Accept(a, new AcceptApplication(3, null, null), Now, Reviewer))
            .Violations.Single().Code.ShouldBe("filing.not-awaiting-acceptance");
    }
}
