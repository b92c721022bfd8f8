using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Privacy;

/// <summary>One read of personal data as the auditor lists it and a person's case lookup finds it (projected from its one event).</summary>
public sealed class PersonalDataReadRecord
{
    public Guid Id { get; set; }
    public Instant At { get; set; }
    public Guid ReaderId { get; set; }
    public string ReaderName { get; set; } = "";
    public string ReaderRole { get; set; } = "";
    public string? ReaderAuthority { get; set; }
    public Guid? ReaderOrganization { get; set; }
    public DataRelation Relation { get; set; }
    public ReadPurpose Purpose { get; set; }
    public string? PurposeNote { get; set; }
    public string Operation { get; set; } = "";
    public string OperationName { get; set; } = "";
    public List<PersonalField> Fields { get; set; } = [];
    public string ScopeKind { get; set; } = "";
    public Guid ScopeId { get; set; }
    public Guid BatchId { get; set; }
    public string ScopeTitle { get; set; } = "";
    public string? PersonKey { get; set; }
    public string? PersonMaskedName { get; set; }
    public string? PersonMaskedNumber { get; set; }
    public int RowCount { get; set; }

    public static PersonalDataReadRecord Create(PersonalDataConsulted e) => new()
    {
        Id = e.ReadId, At = e.At, ReaderId = e.Reader.UserId, ReaderName = e.Reader.Name, ReaderRole = e.Reader.Role,
        ReaderAuthority = e.Reader.AuthorityCode, ReaderOrganization = e.Reader.OrganizationId, Relation = e.Relation,
        Purpose = e.Purpose.Purpose, PurposeNote = e.Purpose.Note, Operation = e.Operation, OperationName = e.OperationName,
        Fields = e.Fields.ToList(),
        ScopeKind = e.Scope.Kind, ScopeId = e.Scope.ScopeId, BatchId = e.Scope.BatchId, ScopeTitle = e.Scope.Title, PersonKey = e.Scope.Person?.Key,
        PersonMaskedName = e.Scope.Person?.MaskedName,
        PersonMaskedNumber = e.Scope.Person is { } p ? Values.Masking.Document(p.DocumentNumber) : null, RowCount = e.Scope.RowCount,
    };
}
