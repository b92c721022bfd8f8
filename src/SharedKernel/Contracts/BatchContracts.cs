using Assessment.SharedKernel.Events;
using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>A qualified candidate of an accepted batch, with what a certificate prints (附件5, CRT-03).</summary>
/// <remarks><paramref name="PhotoId"/> references the candidate's 2-inch photo, if one was uploaded — never the bytes (a batch of
/// tens of thousands travels in one message); the printer fetches them through <see cref="ICandidatePhotos"/>.</remarks>
public sealed record QualifiedCandidate(Guid CandidateId, string Name, int DocumentType, string DocumentNumber, string Employer,
    string Occupation, string? OccupationCode, string? WorkType, int Level, string CityName, Guid? PhotoId = null);

/// <summary>The Batches module's published read contract over candidates' 2-inch photos (CRT-03).</summary>
public interface ICandidatePhotos
{
    /// <summary>
    /// The photos with these ids as normalized JPEG bytes (413 × 579 px, 35 mm × 49 mm at 300 dpi), read in the caller's
    /// session; an id with no stored photo is absent from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, byte[]>> LoadAsync(Marten.IQuerySession session, IReadOnlyCollection<Guid> photoIds,
        CancellationToken ct = default);
}

/// <summary>
/// The receiving authority accepted a batch's results report (BAT-07), sent by the Batches module; the Certificates
/// module issues a certificate for each qualified candidate from it (CRT-01).
/// </summary>
/// <remarks><paramref name="AreaCode"/> is where the batch ran: the authorities over it see its certificates.</remarks>
public sealed record BatchResultsAccepted(Guid BatchId, Guid OrganizationId, string OrganizationName, Guid FilingId, string FilingNumber,
    string Jurisdiction, string AcceptingAuthority, string AreaCode, string BatchTitle, LocalDate LastExamDay,
    IReadOnlyList<QualifiedCandidate> Qualified,
    Instant AcceptedAt, Actor By);

/// <summary>A candidate's result as the person may see it — only once the batch's results are publicized (BAT-06).</summary>
public enum CandidateOutcome { Qualified, NotQualified, Absent }

/// <summary>Where a batch's results publicity stands (BAT-06): not started (or reopened for correction), open, or over.</summary>
public enum ResultsPublicityState { NotStarted, Open, Ended }

/// <summary>Where a batch's results report to the receiving authority stands (BAT-07).</summary>
public enum ResultsReportState { NotSubmitted, Submitted, Accepted, Returned }

/// <summary>
/// A filed batch a person sat, as the Batches module publishes it for the person's own case lookup: what they sat, where
/// the batch stands, and their <paramref name="Outcome"/> — null until the results are publicized, never a score.
/// </summary>
public sealed record CandidateCase(Guid BatchId, Guid CandidateId, string OrganizationName, string BatchTitle, string Occupation, int Level,
    IReadOnlyList<LocalDate> ExamDays, bool Suspended, CandidateOutcome? Outcome, ResultsPublicityState Publicity, LocalDate? PublicityStart,
    LocalDate? PublicityEnd, ResultsReportState Report, LocalDate? ReportedOn);

/// <summary>The Batches module's published read contract over the batches people sat.</summary>
public interface ICandidateCases
{
    /// <summary>
    /// The filed batches of the person with this identity document whose name in the batch is exactly <paramref name="name"/>,
    /// newest first, read in the caller's session; empty when either does not match (an index lookup, never a scan of batches).
    /// </summary>
    Task<IReadOnlyList<CandidateCase>> OfPersonAsync(Marten.IQuerySession session, int documentType, string documentNumber, string name,
        CancellationToken ct = default);

    /// <summary>The batches (drafts included) this identity document was entered in, for the auditor's read log of one person.</summary>
    Task<IReadOnlyList<Guid>> BatchesOfAsync(Marten.IQuerySession session, int documentType, string documentNumber, CancellationToken ct = default);
}
