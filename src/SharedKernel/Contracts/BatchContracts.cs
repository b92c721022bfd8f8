using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>A qualified candidate of an accepted batch, with what a certificate prints (附件5, CRT-03).</summary>
public sealed record QualifiedCandidate(Guid CandidateId, string Name, int DocumentType, string DocumentNumber, string Employer,
    string Occupation, string? OccupationCode, string? WorkType, int Level, string CityName);

/// <summary>
/// The receiving authority accepted a batch's results report (BAT-07), sent by the Batches module; the Certificates
/// module issues a certificate for each qualified candidate from it (CRT-01).
/// </summary>
/// <remarks><paramref name="AreaCode"/> is where the batch ran: the authorities over it see its certificates.</remarks>
public sealed record BatchResultsAccepted(Guid BatchId, Guid OrganizationId, string OrganizationName, Guid FilingId, string FilingNumber,
    string Jurisdiction, string AcceptingAuthority, string AreaCode, string BatchTitle, LocalDate LastExamDay, IReadOnlyList<QualifiedCandidate> Qualified,
    Instant AcceptedAt, Actor By);
