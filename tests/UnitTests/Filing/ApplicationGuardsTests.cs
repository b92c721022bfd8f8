using Assessment.Filing.Applications;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;
using G = Assessment.Filing.Applications.ApplicationGuards;

namespace Assessment.UnitTests.Filing;

/// <summary>Issue 16: who may see and act on a filing application, and which actions its page offers per status.</summary>
public class ApplicationGuardsTests
{
    private static readonly PolicyCatalog Catalog =
        new(PolicyCatalog.LoadShipped(), Assessment.SharedKernel.Calendar.CalendarData.LoadShipped().Select(l => l.Id));
    private static readonly AccessControl Access = new(Catalog);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Guid ExpertId = Guid.NewGuid();

    /// <summary>A Wuhu application: the city reviews first (FIL-14), the province handles it.</summary>
    private static FilingApplication Application(ApplicationStatus status, bool forwarded = true) => new()
    {
        Id = Guid.NewGuid(), OrganizationId = Org, AreaCode = "340200", Jurisdiction = "anhui", Status = status,
        FirstReviewAuthority = "340200", HandlingAuthority = "340000", Forwarded = forwarded,
        Experts = [new ExpertEvaluation { UserId = ExpertId, DisplayName = "赵建国" }],
    };

    private static AccessContext As(string role, string? authority = null, Guid? organization = null, Guid? id = null) =>
        new(new CurrentUser(id ?? Guid.NewGuid(), "u", "用户", role, authority, organization, []), Access, Now);

    private static readonly AccessContext Owner = As(Roles.Organization, organization: Org);
    private static readonly AccessContext City = As(Roles.Reviewer, "340200");
    private static readonly AccessContext Province = As(Roles.Reviewer, "340000");
    private static readonly AccessContext AnotherCity = As(Roles.Reviewer, "340100");
    private static readonly AccessContext AssignedExpert = As(Roles.Expert, "340000", id: ExpertId);

    [Fact]
    public void FIL_11_a_draft_is_the_organizations_own_it_edits_and_submits_it_and_nobody_else_sees_it()
    {
        var draft = Application(ApplicationStatus.Draft, forwarded: false);
        G.Table.Actions(draft, Owner).ShouldBe([G.Change, G.Attach, G.Remove, G.Pledge, G.Submit]);
        G.Table.Check(G.Submit, draft, Owner).Status.ShouldBeNull();
        G.Table.Check(G.Submit, draft, City).Status.ShouldBe(404);
        G.Table.Check(G.Submit, draft, As(Roles.Auditor)).Status.ShouldBe(404);
        G.Table.Check(G.Submit, draft, As(Roles.Organization, organization: Guid.NewGuid())).Status.ShouldBe(404);
        G.Table.Check(G.Submit, draft, As(Roles.ApiClient, organization: Guid.NewGuid())).Status.ShouldBe(404);
    }

    [Fact]
    public void pledging_shows_only_where_the_jurisdiction_allows_pledges()
    {
        var draft = Application(ApplicationStatus.Draft, forwarded: false);
        G.Actions(draft, Owner, Catalog.Get("anhui")).ShouldNotContain(G.Pledge);
        G.Actions(draft, Owner, Catalog.Get("hubei-huangshi")).ShouldContain(G.Pledge);
    }

    [Fact]
    public void FIL_14_the_city_reviews_first_the_province_waits_with_403_and_another_city_gets_404()
    {
        var submitted = Application(ApplicationStatus.Submitted, forwarded: false);
        G.Table.Actions(submitted, City).ShouldBe([G.Forward, G.Return]);
        G.Table.Actions(submitted, Province).ShouldBeEmpty();
        var refused = G.Table.Check(G.Accept, submitted, Province);
        refused.Status.ShouldBe(403);
        refused.Detail.ShouldBe("该申请当前由其他主管部门办理。");
        G.Table.Check(G.Forward, submitted, AnotherCity).Status.ShouldBe(404);
        G.Table.Check(G.Forward, submitted, As(Roles.Inspector, "340200")).Status.ShouldBe(403);
        G.Table.Check(G.Forward, submitted, As(Roles.Auditor)).Status.ShouldBe(403);
        G.Table.Check(G.Forward, submitted, As(Roles.ApiClient, "340000")).Status.ShouldBe(403);
        G.Table.Check(G.Forward, submitted, Owner).Status.ShouldBe(403);
        G.Table.Actions(submitted, Owner).ShouldBeEmpty();
        G.Table.Check(G.Submit, submitted, City).Detail.ShouldBe("只有申请机构可以修改或提交申请。");
    }

    [Fact]
    public void FIL_15_once_forwarded_the_province_accepts_or_returns_and_the_city_no_longer_acts()
    {
        var forwarded = Application(ApplicationStatus.Submitted);
        G.Table.Actions(forwarded, Province).ShouldBe([G.Accept, G.Return]);
        G.Table.Actions(forwarded, City).ShouldBeEmpty();
        G.Table.Check(G.Accept, forwarded, City).Status.ShouldBe(403);
        G.Table.Actions(Application(ApplicationStatus.Accepted), Province).ShouldBe([G.AssignExperts]);
        G.Table.Actions(Application(ApplicationStatus.Returned), Owner).ShouldBe([G.Change, G.Attach, G.Remove, G.Pledge, G.Submit]);
    }

    [Fact]
    public void FIL_16_only_an_assigned_expert_sees_and_scores_and_the_province_concludes_after_all_scores_and_pledges()
    {
        var evaluating = Application(ApplicationStatus.UnderEvaluation);
        G.Table.Actions(evaluating, AssignedExpert).ShouldBe([G.Score]);
        G.Table.Check(G.Score, evaluating, As(Roles.Expert, "340000")).Status.ShouldBe(404);
        G.Table.Check(G.Score, evaluating, Province).Detail.ShouldBe("您未被指派评估该申请。");
        G.Table.Actions(evaluating, Province).ShouldBeEmpty();
        G.Table.Actions(evaluating, Owner).ShouldBeEmpty();

        evaluating.Pledges = [new PledgeRef { Item = 4 }];
        G.Table.Actions(evaluating, Owner).ShouldBe([G.Attach]);
        evaluating.Experts[0].ScoredAt = Now;
        G.Table.Actions(evaluating, AssignedExpert).ShouldBeEmpty();
        G.Table.Actions(evaluating, Province).ShouldBeEmpty();
        evaluating.Pledges[0].ProducedAt = Now;
        G.Table.Actions(evaluating, Province).ShouldBe([G.Conclude]);
    }

    [Fact]
    public void FIL_17_18_publicity_then_grant_after_a_clean_window_or_reject_after_an_upheld_objection()
    {
        G.Table.Actions(Application(ApplicationStatus.EvaluationPassed), Province).ShouldBe([G.StartPublicity]);
        var publicity = Application(ApplicationStatus.InPublicity);
        publicity.PublicityStatus = NoticeStatus.Open;
        G.Table.Actions(publicity, Province).ShouldBeEmpty();
        publicity.PublicityStatus = NoticeStatus.Closed;
        G.Table.Actions(publicity, Province).ShouldBe([G.Grant]);
        publicity.OpenObjections = 1;
        G.Table.Actions(publicity, Province).ShouldBeEmpty();
        publicity.OpenObjections = 0;
        publicity.UpheldObjections = 1;
        G.Table.Actions(publicity, Province).ShouldBe([G.Reject]);
    }

    [Fact]
    public void a_finished_application_offers_nothing_and_a_reviewer_of_its_area_is_left_to_the_deciders_422()
    {
        var granted = Application(ApplicationStatus.Granted);
        G.Table.Actions(granted, Province).ShouldBeEmpty();
        G.Table.Actions(granted, Owner).ShouldBeEmpty();
        G.Table.Check(G.Grant, granted, City).Status.ShouldBeNull();
        G.Table.Check(G.Change, granted, Owner).Status.ShouldBeNull();
    }
}
