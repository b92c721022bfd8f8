using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>What a notice announces; each kind takes its window length from the rule it serves.</summary>
public enum NoticeKind
{
    /// <summary>FIL-17 备案公示.</summary>
    FilingPublicity,
    /// <summary>BAT-02 评价认定公告.</summary>
    BatchAnnouncement,
    /// <summary>BAT-06 认定结果公示.</summary>
    ResultsPublicity,
    /// <summary>FIL-19 目录变动.</summary>
    DirectoryChange,
    /// <summary>SUP-02 监管结果.</summary>
    SupervisionResult,
    General,
}

public enum NoticeStatus { Open, Closed, Withdrawn }

/// <summary>
/// Another module asks the Notices module to publish a notice whose window it has already computed (with
/// <see cref="Calendar.NoticeWindow"/>), so that its own decision can record the window in the same transaction.
/// Handling is idempotent: a notice id seen before is ignored.
/// </summary>
public sealed record OpenNotice(
    Guid NoticeId, NoticeKind Kind, string Subject, string Body, string AreaCode, string Jurisdiction, string CalendarLayer,
    LocalDate WindowStart, LocalDate WindowEnd, int Length, string LengthUnit, string SubjectReference, Instant RequestedAt, Actor By);

/// <summary>
/// The Notices module tells the owner of a notice's subject how the notice stands after each change. It carries the
/// whole state with the notice's stream version, so a receiver keeps the newest and messages may arrive in any order.
/// </summary>
public sealed record NoticeStateChanged(
    Guid NoticeId, NoticeKind Kind, string SubjectReference, long NoticeVersion, NoticeStatus Status,
    LocalDate WindowStart, LocalDate WindowEnd, int OpenObjections, int UpheldObjections, int DismissedObjections);
