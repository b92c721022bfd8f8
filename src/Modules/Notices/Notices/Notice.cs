using System.ComponentModel;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Identity;
using NodaTime;

namespace Assessment.Notices.Notices;

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

    public Objection Copy() => (Objection)MemberwiseClone();
}

/// <summary>A public notice (NTC). Stream per notice; the snapshot is projected inline and read by the notice pages.</summary>
[DisplayName("公告")]
public sealed class Notice
{
    public Guid Id { get; set; }

    /// <summary>Stream version for optimistic concurrency (Marten fills a snapshot's version only on a [Version] long).</summary>
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

    public int UpheldObjections => Objections.Count(o => o.Outcome == ObjectionOutcome.Upheld);

    public static Notice Create(NoticePublished e) => new()
    {
        Id = e.NoticeId, Kind = e.Kind, Subject = e.Subject, Body = e.Body, AreaCode = e.AreaCode, Jurisdiction = e.Jurisdiction,
        CalendarLayer = e.CalendarLayer, WindowStart = e.WindowStart, WindowEnd = e.WindowEnd, Length = e.Length,
        LengthUnit = e.LengthUnit, SubjectReference = e.SubjectReference, PublishedAt = e.PublishedAt,
        PublishedBy = e.By.Name, Status = NoticeStatus.Open,
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
        objection.ResolvedBy = e.By.Name;
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

    /// <summary>The notice as it will be once <paramref name="next"/> is applied — a copy; this one is left as it is.</summary>
    public Notice With(object next)
    {
        var copy = (Notice)MemberwiseClone();
        copy.Objections = Objections.Select(o => o.Copy()).ToList();
        switch (next)
        {
            case ObjectionLodged e: copy.Apply(e); break;
            case ObjectionResolved e: copy.Apply(e); break;
            case NoticeWindowClosed e: copy.Apply(e); break;
            case NoticeWithdrawn e: copy.Apply(e); break;
            default: throw new ArgumentException($"{next.GetType().Name} is not a notice event.", nameof(next));
        }
        return copy;
    }
}
