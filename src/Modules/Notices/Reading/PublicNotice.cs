using Assessment.Notices.Notices;
using Assessment.SharedKernel.Access;
using Assessment.SharedKernel.Contracts;
using NodaTime;

namespace Assessment.Notices.Reading;

/// <summary>What the public sees of an objection: never who lodged it or how to reach them.</summary>
public sealed record PublicObjection(Instant LodgedAt, ObjectionOutcome? Outcome, string? OutcomeName, Instant? ResolvedAt);

/// <summary>A notice as everyone may read it, with the names of its codes and what the caller may do now (<see cref="NoticeGuards"/>).</summary>
public sealed record PublicNotice(
    Guid Id, long Version, NoticeKind Kind, string KindName, string Subject, string Body, string AreaCode, string AreaName, string Jurisdiction,
    LocalDate WindowStart, LocalDate WindowEnd, int Length, string LengthUnit, string LengthText, Instant PublishedAt, NoticeStatus Status,
    string StatusName, string? WithdrawalReason, int ObjectionCount, int OpenObjections, IReadOnlyList<PublicObjection> Objections,
    IReadOnlyList<string> Actions)
{
    public static PublicNotice From(Notice n, string areaName, AccessContext caller) => new(
        n.Id, n.Version, n.Kind, NoticeNames.Kind(n.Kind), n.Subject, n.Body, n.AreaCode, areaName, n.Jurisdiction, n.WindowStart, n.WindowEnd,
        n.Length, n.LengthUnit, $"{n.Length}{(n.LengthUnit == SharedKernel.Policies.PublicityUnits.WorkingDays ? "个工作日" : "天")}",
        n.PublishedAt, n.Status,
        NoticeNames.Status(n.Status), n.WithdrawalReason, n.Objections.Count, n.OpenObjections,
        n.Objections.Select(o => new PublicObjection(o.LodgedAt, o.Outcome, o.Outcome is { } outcome ? NoticeNames.Outcome(outcome) : null,
                o.ResolvedAt))
            .ToList(), NoticeGuards.Table.Actions(n, caller));
}
