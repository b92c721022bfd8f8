using Assessment.Certificates.Issuance;
using Assessment.Certificates.Ranges;
using Assessment.SharedKernel.Calendar;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Policies;
using Assessment.SharedKernel.Problems;
using NodaTime;

namespace Assessment.UnitTests.Certificates;

public class SerialRangeTests
{
    private static readonly PolicyCatalog Policies = new(PolicyCatalog.LoadShipped(), CalendarData.LoadShipped().Select(l => l.Id));
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 2, 0);
    private static readonly Guid Organization = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    private static readonly Actor Province = new(Guid.NewGuid(), "anhui.reviewer", Roles.Reviewer, "340000", null, "吴皖");
    private static readonly SerialSource Ranged = SerialSource.Of(Policies.Get("anhui"));

    private static RangeHolder Holder(string jurisdiction = "anhui", string area = "340200") =>
        new(Organization, "芜湖某培训中心", area, Policies.Get(jurisdiction));

    private static AllocateCertificateRange Command(string from, string to, int level = 4, int year = 2026) =>
        new(Organization, year, level, from, to, "皖职鉴〔2026〕1号", null, 0);

    /// <summary>A sequence built the way its stream builds it: opened, then each range allocated, then serials taken.</summary>
    private static CertificateSerialSequence Sequence(int level, params (int From, int To)[] ranges)
    {
        var id = CertificateSerials.SequenceId(Organization, 2026, level);
        var s = CertificateSerialSequence.Create(new CertificateSerialsOpened(id, Organization, 2026, level, Now, Actor.System));
        foreach (var (from, to) in ranges)
            s.Apply(new CertificateSerialRangeAllocated(id, Organization, "芜湖某培训中心", "340200", 2026, level, from, to, "文号", null, Now, Province));
        return s;
    }

    /// <summary>An accepted batch with its qualified candidates in issue order (as the issuance reads them from their table).</summary>
    private sealed record TestBatch(AcceptedBatch Accepted, IReadOnlyList<QualifiedCandidate> Qualified)
    {
        public Guid Id => Accepted.Id;
    }

    private static TestBatch Batch(params int[] levels)
    {
        var qualified = QualifiedCandidateTable.InIssueOrder(levels.Select((l, i) => new QualifiedCandidate(Guid.NewGuid(), $"考生{i}", 201,
            "340202199001010011", "某公司", "育婴员", null, null, l, "芜湖市")));
        return new TestBatch(new AcceptedBatch
        {
            Id = Guid.NewGuid(), OrganizationId = Organization, OrganizationName = "芜湖某培训中心", FilingId = Guid.NewGuid(), FilingNumber = "Y000034020009",
            Jurisdiction = "anhui", AreaCode = "340200", Title = "第一批", LastExamDay = new LocalDate(2026, 5, 20), QualifiedCount = qualified.Count,
            AcceptedAt = Now, ReceivedAt = Now,
        }, qualified);
    }

    private static BatchIssuance Running(TestBatch batch, int done = 0) =>
        new() { Id = BatchIssuance.StreamFor(batch.Id), BatchId = batch.Id, OrganizationId = Organization, Total = batch.Qualified.Count, Done = done };

    private static IssuedChunk Issue(TestBatch batch, BatchIssuance issuance, IReadOnlyDictionary<int, CertificateSerialSequence> sequences,
        SerialSource source)
    {
        var chunk = batch.Qualified.Skip(issuance.Done).Take(100).ToList();
        var inputs = new ChunkInputs(chunk.Select(_ => Guid.NewGuid()).ToList(), chunk.Select((_, i) => $"t{i}").ToList(), chunk.Select((_, i) => i).ToList());
        return IssuanceDecider.Issue(issuance, batch.Accepted, chunk, sequences, source, inputs, Now, Actor.System);
    }

    private static IEnumerable<string> Serials(IssuedChunk chunk) => chunk.Issued?.Certificates.Select(c => c.Number[^6..]) ?? [];

    [Fact]
    public void CRT_01_the_policy_says_where_serials_come_from_anhui_ranges_by_the_provincial_center_elsewhere_counted()
    {
        var anhui = Policies.Get("anhui");
        anhui.Certificates.SerialsFromAllocatedRanges.ShouldBeTrue();
        anhui.Certificates.RangeAllocator(anhui)!.Code.ShouldBe("340000");
        foreach (var other in new[] { "guangxi", "hubei-huangshi", "national" })
        {
            Policies.Get(other).Certificates.SerialsFromAllocatedRanges.ShouldBeFalse();
            Policies.Get(other).Certificates.RangeAllocator(Policies.Get(other)).ShouldBeNull();
        }
    }

    [Fact]
    public void CRT_01_serials_come_from_the_lowest_range_with_room_in_order_across_ranges()
    {
        // allocated out of order: 000101–000102 first, then 000001–000002
        var batch = Batch(4, 4, 4, 4);
        var chunk = Issue(batch, Running(batch), new Dictionary<int, CertificateSerialSequence> { [4] = Sequence(4, (101, 102), (1, 2)) }, Ranged);
        Serials(chunk).ShouldBe(["000001", "000002", "000101", "000102"]);
        chunk.Serials.Select(t => (t.From, t.To)).ShouldBe([(1, 2), (101, 102)]);
        chunk.Completed.ShouldNotBeNull();
        chunk.Halted.ShouldBeNull();
    }

    [Fact]
    public void CRT_01_a_range_used_in_part_goes_on_from_its_next_unused_serial()
    {
        var sequence = Sequence(4, (1, 10), (20, 30));
        sequence.Apply(new CertificateSerialsTaken(sequence.Id, Guid.NewGuid(), 1, 10, Now, Actor.System));
        sequence.Apply(new CertificateSerialsTaken(sequence.Id, Guid.NewGuid(), 20, 21, Now, Actor.System));
        sequence.Ranges.Select(r => (r.Used, r.Remaining)).ShouldBe([(10, 0), (2, 9)]);
        var batch = Batch(4, 4);
        Serials(Issue(batch, Running(batch), new Dictionary<int, CertificateSerialSequence> { [4] = sequence }, Ranged)).ShouldBe(["000022", "000023"]);
    }

    [Fact]
    public void CRT_01_when_the_ranges_run_out_mid_chunk_the_certificates_numbered_so_far_stay_and_the_issuance_halts_naming_the_level()
    {
        var batch = Batch(3, 4, 4, 4, 5);
        var sequences = new Dictionary<int, CertificateSerialSequence> { [3] = Sequence(3, (1, 5)), [4] = Sequence(4, (1, 2)), [5] = Sequence(5, (1, 5)) };
        var chunk = Issue(batch, Running(batch), sequences, Ranged);
        chunk.Issued!.Certificates.Count.ShouldBe(3); // level 3 once, level 4 twice; the third level-4 candidate has no serial
        chunk.Issued.Done.ShouldBe(3);
        chunk.Rows.Count.ShouldBe(3);
        chunk.Completed.ShouldBeNull();
        chunk.Halted!.RuleId.ShouldBe("CRT-01");
        chunk.Halted.Done.ShouldBe(3);
        chunk.Halted.Reason.ShouldContain("四级/中级工");
        chunk.Halted.Reason.ShouldContain("000001–000002");
        chunk.Halted.Reason.ShouldContain("安徽省职业技能鉴定指导中心");
        chunk.Serials.Select(t => (t.From, t.To)).ShouldBe([(1, 1), (1, 2)]);
    }

    [Fact]
    public void CRT_01_without_any_range_the_issuance_halts_before_the_first_certificate()
    {
        var batch = Batch(4);
        var chunk = Issue(batch, Running(batch), new Dictionary<int, CertificateSerialSequence> { [4] = Sequence(4) }, Ranged);
        chunk.Issued.ShouldBeNull();
        chunk.Rows.ShouldBeEmpty();
        chunk.Serials.ShouldBeEmpty();
        chunk.Halted!.Done.ShouldBe(0);
        chunk.Halted.Reason.ShouldBe("本机构2026年四级/中级工证书尚未分配编号号段，请安徽省职业技能鉴定指导中心分配号段后恢复发证。");
    }

    [Fact]
    public void CRT_01_where_the_policy_counts_serials_ranges_play_no_part_and_numbering_goes_on_from_the_last()
    {
        var sequence = Sequence(4);
        sequence.Apply(new CertificateSerialsTaken(sequence.Id, Guid.NewGuid(), 1, 7, Now, Actor.System));
        var batch = Batch(4, 4);
        var chunk = Issue(batch, Running(batch), new Dictionary<int, CertificateSerialSequence> { [4] = sequence }, SerialSource.Of(Policies.Get("guangxi")));
        Serials(chunk).ShouldBe(["000008", "000009"]);
        chunk.Serials.ShouldHaveSingleItem().ShouldBe(new CertificateSerialsTaken(sequence.Id, batch.Id, 8, 9, Now, Actor.System));
    }

    [Fact]
    public void CRT_01_ranges_of_one_organization_year_and_level_never_overlap()
    {
        var sequence = Sequence(4, (1, 100));
        var overlap = Should.Throw<BusinessRuleException>(() => RangeDecider.Allocate(sequence, Holder(), Command("000100", "000200"), Now, Province));
        overlap.Violations.ShouldHaveSingleItem().Code.ShouldBe("certificate.range-overlaps");
        overlap.Violations[0].RuleId.ShouldBe("CRT-01");
        overlap.Violations[0].Message.ShouldContain("000001–000100");
        Should.Throw<BusinessRuleException>(() => RangeDecider.Allocate(sequence, Holder(), Command("000050", "000060"), Now, Province));
        var next = RangeDecider.Allocate(sequence, Holder(), Command("000101", "000200"), Now, Province);
        (next.From, next.To, next.Year, next.Level, next.AreaCode).ShouldBe((101, 200, 2026, 4, "340200"));
        next.SequenceId.ShouldBe(sequence.Id);
        // another level or year is another sequence
        RangeDecider.Allocate(null, Holder(), Command("000001", "000100", level: 3), Now, Province).From.ShouldBe(1);
    }

    [Theory]
    [InlineData("000000", "000010", "certificate.range-out-of-bounds")]
    [InlineData("000010", "000009", "certificate.range-reversed")]
    public void CRT_01_a_range_runs_from_000001_to_999999_with_from_not_after_to(string from, string to, string code)
    {
        Should.Throw<BusinessRuleException>(() => RangeDecider.Allocate(null, Holder(), Command(from, to), Now, Province))
            .Violations.ShouldHaveSingleItem().Code.ShouldBe(code);
        RangeDecider.Allocate(null, Holder(), Command("999999", "999999"), Now, Province).To.ShouldBe(999_999);
    }

    [Fact]
    public void CRT_01_no_range_for_a_year_gone_by()
    {
        Should.Throw<BusinessRuleException>(() => RangeDecider.Allocate(null, Holder(), Command("000001", "000010", year: 2025), Now, Province))
            .Violations.ShouldHaveSingleItem().Code.ShouldBe("certificate.range-past-year");
    }

    [Fact]
    public void CRT_01_where_the_policy_counts_serials_no_range_is_allocated()
    {
        var refused = Should.Throw<BusinessRuleException>(() => RangeDecider.Allocate(null, Holder("guangxi", "450100"), Command("000001", "000010"), Now, Province));
        refused.Violations.ShouldHaveSingleItem().Code.ShouldBe("certificate.ranges-not-used");
        refused.Violations[0].RuleId.ShouldBe("CRT-01");
    }

    [Fact]
    public void CRT_02_resuming_needs_a_halted_issuance_and_a_serial_for_the_level_it_stopped_at()
    {
        var batch = Batch(4, 4);
        var issuance = Running(batch, done: 1);
        Should.Throw<BusinessRuleException>(() => IssuanceDecider.Resume(issuance, batch.Qualified[1], Sequence(4, (1, 1)), Ranged, Now, Province))
            .Violations.ShouldHaveSingleItem().Code.ShouldBe("issuance.not-halted");

        issuance.Apply(new IssuanceHalted(batch.Id, 1, "CRT-01", "号段已用完", Now, Actor.System));
        var used = Sequence(4, (1, 1));
        used.Apply(new CertificateSerialsTaken(used.Id, batch.Id, 1, 1, Now, Actor.System));
        var exhausted = Should.Throw<BusinessRuleException>(() => IssuanceDecider.Resume(issuance, batch.Qualified[1], used, Ranged, Now, Province));
        (exhausted.Violations.ShouldHaveSingleItem().RuleId, exhausted.Violations[0].Code).ShouldBe(("CRT-01", "certificate.serial-ranges-exhausted"));
        Should.Throw<BusinessRuleException>(() => IssuanceDecider.Resume(issuance, batch.Qualified[1], null, Ranged, Now, Province))
            .Violations.ShouldHaveSingleItem().Code.ShouldBe("certificate.no-serial-range");

        used.Apply(new CertificateSerialRangeAllocated(used.Id, Organization, "芜湖某培训中心", "340200", 2026, 4, 2, 10, "文号2", null, Now, Province));
        IssuanceDecider.Resume(issuance, batch.Qualified[1], used, Ranged, Now, Province).ShouldBe(new IssuanceResumed(batch.Id, Now, Province));
    }
}
