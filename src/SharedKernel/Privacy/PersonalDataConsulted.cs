using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Privacy;

/// <summary>The parts of a person's data an answer showed in full.</summary>
public enum PersonalField { Name, IdentityNumber, Phone, Photo, DeclaredRelations, Email }

/// <summary>The person whose data was read: identity document and the name as the record shows it masked.</summary>
public sealed record ConsultedPerson(int DocumentType, string DocumentNumber, string MaskedName)
{
    public string Key => PersonKey(DocumentType, DocumentNumber);

    public static string PersonKey(int documentType, string documentNumber) => $"{documentType}:{documentNumber.Trim().ToUpperInvariant()}";
}

/// <summary>
/// What was read: one person's record (<see cref="Person"/> set, <see cref="RowCount"/> 1) or an export over a scope (a batch's
/// roster, an issuance's certificates) with how many people's rows it held. <see cref="ScopeId"/> names the object read
/// (batch, certificate, correction request); <see cref="BatchId"/> the batch the data was entered for, so a person following
/// their case learns of exports that held their row.
/// </summary>
public sealed record ReadScope(string Kind, Guid ScopeId, Guid BatchId, string Title, ConsultedPerson? Person, int RowCount)
{
    /// <summary>An export over a batch's whole roster; other exports (附件5, the certificates) hold the qualified only.</summary>
    public const string RosterKind = "batch-roster";
}

/// <summary>
/// AUD-04: personal data was shown in full — by whom (<paramref name="Reader"/> with role and unit, <paramref name="Relation"/> to
/// the data), through which operation, which fields, of whom or over which scope, when, and why.
/// </summary>
public sealed record PersonalDataConsulted(Guid ReadId, Actor Reader, DataRelation Relation, StatedPurpose Purpose, string Operation,
    string OperationName, IReadOnlyList<PersonalField> Fields, ReadScope Scope, Instant At);

public static class PersonalFields
{
    public static readonly IReadOnlyDictionary<PersonalField, string> Names = new Dictionary<PersonalField, string>
    {
        [PersonalField.Name] = "姓名",
        [PersonalField.IdentityNumber] = "证件号码",
        [PersonalField.Phone] = "联系电话",
        [PersonalField.Photo] = "照片",
        [PersonalField.DeclaredRelations] = "申报的亲属关系",
        [PersonalField.Email] = "电子邮箱",
    };

    public static readonly IReadOnlyList<PersonalField> Candidate = [PersonalField.Name, PersonalField.IdentityNumber, PersonalField.Phone];
    public static readonly IReadOnlyList<PersonalField> Holder = [PersonalField.Name, PersonalField.IdentityNumber];
    public static readonly IReadOnlyList<PersonalField> Certificate = [PersonalField.Name, PersonalField.IdentityNumber, PersonalField.Photo];
    public static readonly IReadOnlyList<PersonalField> Photo = [PersonalField.Photo];
}
