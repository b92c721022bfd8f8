using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Identity;
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

public sealed class Objection
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string Content { get; set; } = "";
    public Instant LodgedAt { get; set; }
    public ObjectionOutcome? Outcome { get; set; }
    public string? ResolutionReason { get; set; }
    public Instant? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public bool IsOpen => Outcome is null;
}

/// <summary>A public notice (NTC). Stream per notice; the snapshot is projected inline.</summary>
[System.ComponentModel.DisplayName("公告")]
public sealed class Notice
{
    public Guid Id { get; set; }

    /// <summary>Stream version for optimistic concurrency (see Account.Version on why [Version] long).</summary>
    [Marten.Schema.Version]
    public long Version { get; set; }

    public NoticeKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string CalendarLayer { get; set; } = "";
    public LocalDate WindowStart { get; set; }
    public LocalDate WindowEnd { get; set; }
    public int Length { get; set; }
    public string LengthUnit { get; set; } = "";
    public string? SubjectReference { get; set; }
    public Instant PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public NoticeStatus Status { get; set; }
    public Instant? ClosedAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public List<Objection> Objections { get; set; } = [];

    public ResourceScope Scope() => new(AreaCode, null);

    public int OpenObjections => Objections.Count(o => o.IsOpen);

    /// <summary>Closed with no objection open or upheld: what FIL-17 needs before filing.</summary>
    public bool ClosedClean => Status == NoticeStatus.Closed && Objections.All(o => o.Outcome == ObjectionOutcome.Dismissed);

    /// <summary>
    /// What the owner of the notice's subject learns once <paramref name="next"/> is applied (see
    /// <see cref="NoticeStateChanged"/>); none for a notice without a subject reference.
    /// </summary>
    public OutgoingSignal Signal(object next)
    {
        if (SubjectReference is null) return new OutgoingSignal(null);
        var open = OpenObjections;
        var upheld = Objections.Count(o => o.Outcome == ObjectionOutcome.Upheld);
        var dismissed = Objections.Count(o => o.Outcome == ObjectionOutcome.Dismissed);
        var status = Status;
        switch (next)
        {
            case ObjectionLodged: open++; break;
            case ObjectionResolved { Outcome: ObjectionOutcome.Upheld }: open--; upheld++; break;
            case ObjectionResolved: open--; dismissed++; break;
            case NoticeWindowClosed: status = NoticeStatus.Closed; break;
            case NoticeWithdrawn: status = NoticeStatus.Withdrawn; break;
        }
        return new OutgoingSignal(new NoticeStateChanged(Id, Kind, SubjectReference, Version + 1, status, WindowStart, WindowEnd, open, upheld, dismissed));
    }

    public static Notice Create(NoticePublished e) => new()
    {
        Id = e.NoticeId, Kind = e.Kind, Subject = e.Subject, Body = e.Body, AreaCode = e.AreaCode, Jurisdiction = e.Jurisdiction,
        CalendarLayer = e.CalendarLayer, WindowStart = e.WindowStart, WindowEnd = e.WindowEnd, Length = e.Length,
        LengthUnit = e.LengthUnit, SubjectReference = e.SubjectReference, PublishedAt = e.PublishedAt,
        PublishedBy = e.By.UserName, Status = NoticeStatus.Open,
    };

    public void Apply(ObjectionLodged e) => Objections.Add(new Objection
    {
        Id = e.ObjectionId, Name = e.Name, Phone = e.Phone, Email = e.Email, Content = e.Content, LodgedAt = e.LodgedAt,
    });

    public void Apply(ObjectionResolved e)
    {
        var objection = Objections.Single(o => o.Id == e.ObjectionId);
        objection.Outcome = e.Outcome;
        objection.ResolutionReason = e.Reason;
        objection.ResolvedAt = e.ResolvedAt;
        objection.ResolvedBy = e.By.UserName;
    }

    public void Apply(NoticeWindowClosed e)
    {
        Status = NoticeStatus.Closed;
        ClosedAt = e.ClosedAt;
    }

    public void Apply(NoticeWithdrawn e)
    {
        Status = NoticeStatus.Withdrawn;
        WithdrawalReason = e.Reason;
        ClosedAt = e.WithdrawnAt;
    }
}

/// <summary>The cross-module message a change produces, if the notice has a subject.</summary>
public sealed record OutgoingSignal(NoticeStateChanged? Message)
{
    public Wolverine.OutgoingMessages ToMessages()
    {
        var messages = new Wolverine.OutgoingMessages();
        if (Message is not null) messages.Add(Message);
        return messages;
    }
}
