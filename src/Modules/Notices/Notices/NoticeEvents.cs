using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Notices.Notices;

public enum ObjectionOutcome { Upheld, Dismissed }

public sealed record NoticePublished(
    Guid NoticeId, NoticeKind Kind, string Subject, string Body, string AreaCode, string Jurisdiction, string CalendarLayer,
    LocalDate WindowStart, LocalDate WindowEnd, int Length, string LengthUnit, string? SubjectReference, Instant PublishedAt, Actor By);

public sealed record ObjectionLodged(
    Guid NoticeId, Guid ObjectionId, string Name, string? Phone, string? Email, string Content, Instant LodgedAt, Actor By);

public sealed record ObjectionResolved(Guid NoticeId, Guid ObjectionId, ObjectionOutcome Outcome, string Reason, Instant ResolvedAt, Actor By);

public sealed record NoticeWindowClosed(Guid NoticeId, int OpenObjections, int UpheldObjections, Instant ClosedAt, Actor By);

public sealed record NoticeWithdrawn(Guid NoticeId, string Reason, Instant WithdrawnAt, Actor By);
