using Assessment.Notices.Notices;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
using Assessment.SharedKernel.Policies;
using NodaTime;

namespace Assessment.UnitTests.Notices;

/// <summary>Issue 16: a notice is public; anyone objects during its window; the reviewers of its area handle it.</summary>
public class NoticeGuardsTests
{
    private static readonly PolicyCatalog Catalog =
        new(PolicyCatalog.LoadShipped(), Assessment.SharedKernel.Calendar.CalendarData.LoadShipped().Select(l => l.Id));
    private static readonly AccessControl Access = new(Catalog);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);

    private static Notice Notice(NoticeStatus status = NoticeStatus.Open, int openObjections = 0) => new()
    {
        Id = Guid.NewGuid(), AreaCode = "340200", Status = status, WindowStart = new LocalDate(2026, 11, 20), WindowEnd = new LocalDate(2026, 11, 30),
        Objections = Enumerable.Range(0, openObjections).Select(_ => new Objection { Id = Guid.NewGuid() }).ToList(),
    };

    private static AccessContext As(string role, string? authority = null, Guid? organization = null) =>
        new(new CurrentUser(role == Roles.Public ? Guid.Empty : Guid.NewGuid(), "u", "用户", role, authority, organization, []), Access, Now);

    [Fact]
    public void FIL_17_anyone_may_object_during_the_window_and_nobody_after_it()
    {
        NoticeGuards.Table.Actions(Notice(), As(Roles.Public)).ShouldBe([NoticeGuards.Lodge]);
        NoticeGuards.Table.Check(NoticeGuards.Lodge, Notice(), As(Roles.Public)).Status.ShouldBeNull();
        NoticeGuards.Table.Actions(Notice(NoticeStatus.Closed), As(Roles.Organization, organization: Guid.NewGuid())).ShouldBeEmpty();
        var late = Notice();
        late.WindowEnd = new LocalDate(2026, 11, 22);
        NoticeGuards.Table.Actions(late, As(Roles.Public)).ShouldBeEmpty();
    }

    [Fact]
    public void the_areas_reviewers_and_those_above_withdraw_and_resolve_others_get_403_on_a_public_notice()
    {
        var notice = Notice(openObjections: 1);
        string[] all = [NoticeGuards.Lodge, NoticeGuards.Resolve, NoticeGuards.Withdraw, NoticeGuards.ListObjections];
        // AUD-04: the publishing area's reviewers open an objector's contacts in full; the province above reads them masked
        NoticeGuards.Table.Actions(notice, As(Roles.Reviewer, "340200")).ShouldBe([.. all, NoticeGuards.GetObjection]);
        NoticeGuards.Table.Actions(notice, As(Roles.Reviewer, "340000")).ShouldBe(all);
        NoticeGuards.Table.Actions(notice, As(Roles.Auditor)).ShouldBe([NoticeGuards.Lodge, NoticeGuards.ListObjections, NoticeGuards.GetObjection]);
        NoticeGuards.Table.Check(NoticeGuards.ListObjections, notice, As(Roles.Reviewer, "340100")).Status.ShouldBe(403);
        NoticeGuards.Table.Check(NoticeGuards.GetObjection, notice, As(Roles.Inspector, "340200")).Status.ShouldBe(403);
        NoticeGuards.Table.Actions(Notice(), As(Roles.Reviewer, "340200")).ShouldBe([NoticeGuards.Lodge, NoticeGuards.Withdraw]);
        var refused = NoticeGuards.Table.Check(NoticeGuards.Withdraw, notice, As(Roles.Reviewer, "340100"));
        refused.Status.ShouldBe(403);
        refused.Detail.ShouldBe("只有本辖区审核人员可以处理。");
        NoticeGuards.Table.Check(NoticeGuards.Resolve, notice, As(Roles.Inspector, "340200")).Status.ShouldBe(403);
        NoticeGuards.Table.Check(NoticeGuards.Resolve, notice, As(Roles.Auditor)).Status.ShouldBe(403);
        NoticeGuards.Table.Check(NoticeGuards.Resolve, notice, As(Roles.ApiClient, "340200")).Status.ShouldBe(403);
        NoticeGuards.Table.Check(NoticeGuards.Withdraw, notice, As(Roles.Expert, "340200")).Status.ShouldBe(403);
        NoticeGuards.Table.Actions(Notice(NoticeStatus.Withdrawn), As(Roles.Reviewer, "340200")).ShouldBeEmpty();
    }
}
