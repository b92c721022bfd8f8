using Assessment.Batches.Batches;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Privacy;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using G = Assessment.Batches.Batches.BatchGuards;

namespace Assessment.UnitTests.Privacy;

/// <summary>
/// Issue 16, property over roles, relations and batch states: a view's <c>actions</c> are exactly the operations the guard table
/// lets through (the server's Before answers "go on" for each of them), nothing of a hidden batch shows, and an operation that
/// reveals personal data in full shows only to those the one personal-data rule gives it in full.
/// </summary>
public class GuardActionsPropertyTests
{
    private static readonly Guid Org = Guid.NewGuid();

    private static readonly (string Role, string? Authority, bool Own)[] Callers =
    [
        (Roles.Organization, null, true), (Roles.ApiClient, null, true), (Roles.Organization, null, false), (Roles.Reviewer, "340200", false),
        (Roles.Reviewer, "340000", false), (Roles.Reviewer, "000000", false), (Roles.Reviewer, "340100", false), (Roles.Inspector, "340200", false),
        (Roles.Expert, "340200", false), (Roles.Auditor, null, false), (Roles.Administrator, null, false), (Roles.ApiClient, "340200", false),
        (Roles.ApiClient, "340000", false),
    ];

    private static readonly string[] RevealsInFull = [G.GetCandidate, G.DownloadPhoto, G.DownloadCertificateTable];

    private static Gen<Batch> Batches =>
        from status in Gen.Elements(Enum.GetValues<BatchStatus>())
        from candidates in Gen.Choose(0, 2)
        from photo in Gen.Elements(true, false)
        from passed in Gen.Elements(true, false)
        from examInDays in Gen.Choose(-3, 3)
        select Build(status, candidates, photo && candidates > 0, passed && candidates > 0, examInDays);

    private static Batch Build(BatchStatus status, int candidates, bool photo, bool passed, int examInDays)
    {
        var people = Enumerable.Range(0, candidates).Select(_ => Guid.NewGuid()).ToList();
        CandidateMarks First() => (photo ? CandidateMarks.Photographed : 0) | (passed ? CandidateMarks.Scored | CandidateMarks.Passed : 0);
        return new Batch
        {
            Id = Guid.NewGuid(), OrganizationId = Org, AreaCode = "340200", Status = status,
            ReceivingAuthority = status == BatchStatus.Draft ? null : "340200", ExamDays = [new LocalDate(2026, 11, 23).PlusDays(examInDays)],
            Marks = people.Select((id, i) => (id, i == 0 ? First() : CandidateMarks.None)).ToDictionary(x => x.id, x => x.Item2),
        };
    }

    [Fact]
    public void issue_16_actions_are_exactly_the_operations_the_guards_let_through_for_every_role_relation_and_state()
    {
        var property = Prop.ForAll(Batches.ToArbitrary(), Gen.Elements(Callers).ToArbitrary(), (batch, c) =>
        {
            var caller = GuardCallers.As(c.Role, c.Authority, c.Own ? Org : c.Role == Roles.Organization ? Guid.NewGuid() : null);
            var actions = G.Table.Actions(batch, caller);
            var operations = G.Table.OperationIds.Except(G.Table.CreationOperationIds).ToList();
            var allowed = operations.Where(op => G.Table.Allows(op, batch, caller)).ToList();
            actions.ShouldBe(allowed);
            foreach (var op in actions) G.Table.Check(op, batch, caller).Status.ShouldBeNull($"{op} offered to {c}");
            if (!G.Table.CanSee(batch, caller))
                operations.ShouldAllBe(op => G.Table.Check(op, batch, caller).Status == 404);
            var full = PersonalDataRule.ForOneRecord(caller, batch.Holder()) == PersonalDataView.Full;
            foreach (var op in RevealsInFull.Where(actions.Contains)) full.ShouldBeTrue($"{op} offered to {c} who may not see personal data in full");
        });
        Check.QuickThrowOnFailure(property);
    }
}
