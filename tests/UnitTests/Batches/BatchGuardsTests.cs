using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;
using G = Assessment.Batches.Batches.BatchGuards;

namespace Assessment.UnitTests.Batches;

/// <summary>Issue 16: the batch's guard table — 404 hidden, 403 the wrong caller, and the actions per status.</summary>
public class BatchGuardsTests
{
    private static readonly Instant Now = GuardCallers.Now;
    private static readonly Guid Org = Guid.NewGuid();

    private static Batch Batch(BatchStatus status, int examInDays = -1) => new()
    {
        Id = Guid.NewGuid(), OrganizationId = Org, AreaCode = "340200", Status = status,
        ReceivingAuthority = status == BatchStatus.Draft ? null : "340200", ExamDays = [new LocalDate(2026, 11, 23).PlusDays(examInDays)],
    };

    private static AccessContext As(string role, string? authority = null, Guid? organization = null) => GuardCallers.As(role, authority, organization);

    private static readonly AccessContext Owner = As(Roles.Organization, organization: Org);
    private static readonly AccessContext OwnerSystem = As(Roles.ApiClient, organization: Org);
    private static readonly AccessContext OtherOrganization = As(Roles.Organization, organization: Guid.NewGuid());
    private static readonly AccessContext Receiving = As(Roles.Reviewer, "340200");
    private static readonly AccessContext Above = As(Roles.Reviewer, "340000");
    private static readonly AccessContext OtherCity = As(Roles.Reviewer, "340100");
    private static readonly AccessContext Inspector = As(Roles.Inspector, "340200");
    private static readonly AccessContext Expert = As(Roles.Expert);
    private static readonly AccessContext Auditor = As(Roles.Auditor);
    private static readonly AccessContext AuthoritySystem = As(Roles.ApiClient, "340200");

    [Fact]
    public void BAT_01_a_draft_is_the_organizations_alone_and_it_may_take_every_planning_step()
    {
        var draft = Batch(BatchStatus.Draft);
        G.Table.Actions(draft, Owner)
            .ShouldBe([G.ChangePlan, G.AssignStaff, G.AddCandidate, G.ImportCandidates, G.RemoveCandidate, G.FilePlan, G.UploadPhoto]);
        G.Table.Actions(draft, OwnerSystem).ShouldBe(G.Table.Actions(draft, Owner));
        foreach (var other in new[] { OtherOrganization, Receiving, Above, OtherCity, Inspector, Expert, Auditor, AuthoritySystem })
        {
            G.Table.Check(G.ChangePlan, draft, other).Status.ShouldBe(404);
            G.Table.Actions(draft, other).ShouldBeEmpty();
        }
        G.Table.Check(G.FilePlan, draft, Owner).Status.ShouldBeNull();
    }

    [Fact]
    public void BAT_07_the_receiving_reviewer_decides_a_report_an_authority_above_gets_403_another_city_404()
    {
        var reported = Batch(BatchStatus.Reported);
        G.Table.Actions(reported, Receiving).ShouldBe([G.AcceptReport, G.ReturnReport, G.SpotCheck, G.DispatchInspector]);
        G.Table.Check(G.AcceptReport, reported, Receiving).Status.ShouldBeNull();
        var above = G.Table.Check(G.AcceptReport, reported, Above);
        above.Status.ShouldBe(403);
        above.Detail.ShouldBe("该批次由其他主管部门受理。");
        G.Table.Actions(reported, Above).ShouldBe([G.SpotCheck]);
        G.Table.Check(G.AcceptReport, reported, OtherCity).Status.ShouldBe(404);
        G.Table.Check(G.AcceptReport, reported, Owner).Status.ShouldBe(403);
        G.Table.Check(G.AcceptReport, reported, Expert).Status.ShouldBe(404);
        // the receiving authority's system sees the batch but does not decide (a reviewer does)
        G.Table.Check(G.AcceptReport, reported, AuthoritySystem).Status.ShouldBe(403);
        G.Table.Actions(reported, AuthoritySystem).ShouldBeEmpty();
    }

    [Fact]
    public void BAT_04_inspectors_and_reviewers_over_the_area_check_a_running_batch_auditors_only_read()
    {
        var filed = Batch(BatchStatus.Filed, examInDays: 3);
        G.Table.Actions(filed, Inspector).ShouldBe([G.SpotCheck]);
        G.Table.Check(G.DispatchInspector, filed, Inspector).Status.ShouldBe(403);
        G.Table.Check(G.SpotCheck, filed, Auditor).Detail.ShouldBe("只有主管部门的督查员或审核人员可以记录抽查。");
        G.Table.Actions(filed, Auditor).ShouldBeEmpty();
        G.Table.Check(G.SpotCheck, filed, Owner).Status.ShouldBe(403);
        G.Table.Actions(Batch(BatchStatus.Accepted), Inspector).ShouldBeEmpty();
        G.Table.Actions(Batch(BatchStatus.Suspended), Receiving).ShouldBe([G.Resume, G.SpotCheck, G.DispatchInspector]);
    }

    [Fact]
    public void BAT_06_the_organization_records_results_from_the_first_exam_day_then_publicizes_and_reports()
    {
        G.Table.Actions(Batch(BatchStatus.Filed, examInDays: 1), Owner).ShouldBe([G.UploadPhoto]);
        G.Table.Actions(Batch(BatchStatus.Filed, examInDays: 0), Owner).ShouldBe([G.RecordResults, G.ImportResults, G.UploadPhoto]);
        G.Table.Actions(Batch(BatchStatus.ResultsRecorded), Owner).ShouldBe([G.RecordResults, G.ImportResults, G.StartPublicity, G.UploadPhoto]);
        G.Table.Actions(Batch(BatchStatus.InPublicity), Owner).ShouldBe([G.UploadPhoto]);
        G.Table.Actions(Batch(BatchStatus.Publicized), Owner).ShouldBe([G.SubmitReport, G.UploadPhoto]);
        G.Table.Actions(Batch(BatchStatus.Reported), Owner).ShouldBe([G.UploadPhoto]);
        G.Table.Actions(Batch(BatchStatus.Accepted), Owner).ShouldBeEmpty();
        // the owner's steps out of season are still its own: the decider answers 422, not the guard
        G.Table.Check(G.RecordResults, Batch(BatchStatus.Accepted), Owner).Status.ShouldBeNull();
        var refused = G.Table.Check(G.RecordResults, Batch(BatchStatus.ResultsRecorded), Receiving);
        refused.Status.ShouldBe(403);
        refused.Detail.ShouldBe("只有组织认定的评价机构可以办理。");
        G.Table.Check(G.RecordResults, Batch(BatchStatus.ResultsRecorded), OtherOrganization).Status.ShouldBe(404);
    }

    [Fact]
    public void the_list_and_the_table_hide_the_same_batches()
    {
        var batches = Enum.GetValues<BatchStatus>().Select(s => Batch(s))
            .Append(Reassigned(Batch(BatchStatus.Filed))).ToList();
        foreach (var caller in new[] { Owner, OtherOrganization, Receiving, Above, OtherCity, Inspector, Expert, Auditor, AuthoritySystem })
            G.VisibleTo(batches.AsQueryable(), caller.User, GuardCallers.Access).Select(x => x.Id).ToList()
                .ShouldBe(batches.Where(x => G.Table.CanSee(x, caller)).Select(x => x.Id).ToList(), caller.User.Role + caller.User.AuthorityCode);
    }

    private static Batch Reassigned(Batch b)
    {
        b.OrganizationId = Guid.NewGuid();
        b.AreaCode = "340100";
        return b;
    }
}
