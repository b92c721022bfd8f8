using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Batches.Staffing;

/// <summary>A person on an organization's roster (考评人员、督导员、监考人员), with the occupations and levels (1 = 一级) they may examine (BAT-05).</summary>
public sealed record StaffMemberRegistered(Guid StaffId, Guid OrganizationId, string Name, int DocumentType, string DocumentNumber,
    string Qualification, IReadOnlyList<string> Occupations, IReadOnlyList<int> Levels, Instant RegisteredAt, Actor By);

/// <summary>A roster entry. Stream per person; the snapshot is projected inline.</summary>
[System.ComponentModel.DisplayName("人员")]
public sealed class StaffMember
{
    /// <summary>The unique index on organization and identity number (BAT-05: one person, one roster entry).</summary>
    public const string DocumentIndex = "mt_doc_staffmember_uidx_document";

    public const string AlreadyOnRoster = "该人员已在本机构的人员名册中。";

    public Guid Id { get; set; }

    [Marten.Schema.Version]
    public long Version { get; set; }

    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public int DocumentType { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Qualification { get; set; } = "";
    public List<string> Occupations { get; set; } = [];
    public List<int> Levels { get; set; } = [];
    public Instant RegisteredAt { get; set; }

    public static StaffMember Create(StaffMemberRegistered e) => new()
    {
        Id = e.StaffId, OrganizationId = e.OrganizationId, Name = e.Name, DocumentType = e.DocumentType, DocumentNumber = e.DocumentNumber,
        Qualification = e.Qualification, Occupations = e.Occupations.ToList(), Levels = e.Levels.ToList(), RegisteredAt = e.RegisteredAt,
    };
}
