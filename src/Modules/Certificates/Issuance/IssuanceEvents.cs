using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>Issuance of a batch's certificates began (CRT-02): <paramref name="Total"/> qualified candidates, one certificate each.</summary>
public sealed record IssuanceStarted(Guid BatchId, Guid OrganizationId, int Total, Instant StartedAt, Actor By);

/// <summary>
/// One certificate as issued: the number (CRT-01), the index of its revocation bit (Bitstring Status List), the QR link's token
/// and the first print's verifiable credential (vc+jwt) and QR payload, signed once here (null in events from before they were recorded).
/// </summary>
public sealed record IssuedCertificate(Guid CertificateId, Guid CandidateId, string Number, int StatusIndex, string? Token = null,
    string? Credential = null, string? QrPayload = null);

/// <summary>
/// A chunk of a batch's certificates was numbered and issued, in one transaction with the serials it took: a crash leaves
/// either the whole chunk or none of it. <paramref name="Done"/> is how many of the batch's certificates exist afterwards.
/// </summary>
public sealed record CertificatesIssued(Guid BatchId, int Done, IReadOnlyList<IssuedCertificate> Certificates, LocalDate IssuedOn, Instant IssuedAt,
    Actor By);

/// <summary>Every qualified candidate of the batch holds a certificate.</summary>
public sealed record IssuanceCompleted(Guid BatchId, int Total, Instant CompletedAt, Actor By);

/// <summary>Issuance stopped on a rule (e.g. the organization's allocated number range is used up) until someone resumes it.</summary>
public sealed record IssuanceHalted(Guid BatchId, int Done, string RuleId, string Reason, Instant HaltedAt, Actor By);

/// <summary>The organization (or the authority) resumed a halted issuance.</summary>
public sealed record IssuanceResumed(Guid BatchId, Instant ResumedAt, Actor By);
