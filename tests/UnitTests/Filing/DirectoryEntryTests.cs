using Assessment.Filing.Directory;
using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.UnitTests.Filing;

/// <summary>FIL-19: the directory entry follows every change of its filing, with a readable history.</summary>
public class DirectoryEntryTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 2, 0);
    private static readonly OrganizationProfile Profile = new("芜湖奇瑞", "91340200MA0000001X", "Enterprise", "芜湖市长春路8号", "张伟", "0553-5961234", "a@b.cn");

    private static DirectoryEntry Granted() => DirectoryEntry.Create(new FilingGranted(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Y000034020001",
        "anhui", "city", "340200", "340200", Profile, [new FiledOccupation("汽车装调工", "汽车装调工", null, 3, 5)], [new EvaluationSite("考点", "长春路8号")],
        new LocalDate(2026, 11, 23), new LocalDate(2029, 11, 22), "人力资源社会保障部职业技能鉴定中心", Now, Actor.System));

    [Fact]
    public void FIL_19_levels_and_occupation_text_make_the_entry_searchable()
    {
        var entry = Granted();
        entry.Levels.ShouldBe([3, 4, 5]);
        entry.OccupationText.ShouldContain("汽车装调工");
        entry.History.Single().Description.ShouldContain("Y000034020001");
    }

    [Fact]
    public void FIL_19_suspension_expiry_renewal_and_changes_show_with_their_history()
    {
        var entry = Granted();
        entry.Apply(new FilingSuspended(entry.Id, "整改", Now, Actor.System));
        entry.Status.ShouldBe(FilingStatus.Suspended);
        entry.Apply(new FilingReinstated(entry.Id, "整改完成", Now, Actor.System));
        entry.Apply(new FilingExpired(entry.Id, new LocalDate(2029, 11, 22), Now, Actor.System));
        entry.Status.ShouldBe(FilingStatus.Expired);
        entry.Apply(new FilingRenewed(entry.Id, Guid.NewGuid(), new LocalDate(2029, 12, 1), new LocalDate(2032, 11, 30), Now, Actor.System));
        entry.Status.ShouldBe(FilingStatus.Active);
        entry.Apply(new FilingOccupationsChanged(entry.Id, Guid.NewGuid(), [new FiledOccupation("电工", "电工", null, 2, 5)], [], Now, Actor.System));
        entry.Levels.ShouldBe([2, 3, 4, 5]);
        entry.Apply(new FilingCancelled(entry.Id, "吸收合并", Guid.NewGuid(), "Y000034020007", Now, Actor.System));
        entry.History.Select(h => h.Kind).ShouldBe(["granted", "suspended", "reinstated", "expired", "renewed", "changed", "cancelled"]);
        entry.History.Last().Description.ShouldContain("Y000034020007");
    }
}
