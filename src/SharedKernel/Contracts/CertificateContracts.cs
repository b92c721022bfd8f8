using NodaTime;

namespace Assessment.SharedKernel.Contracts;

/// <summary>
/// A certificate as the registry holds it, as one row of 附件5 (BAT-09, CRT-01): the holder data after any approved correction,
/// the number and the issue date.
/// </summary>
public sealed record IssuedCertificateLine(Guid CandidateId, string HolderName, int DocumentType, string DocumentNumber, string Employer,
    string Occupation, string? WorkType, int Level, string Number, LocalDate IssuedOn, string OrganizationName, string CityName);

/// <summary>The Certificates module's published read contract over the certificates issued for a batch (附件5).</summary>
public interface IIssuedCertificates
{
    /// <summary>
    /// The certificates issued for the batch in 附件5's row order — number order, the order they were issued in (by level, then as
    /// the batch listed the candidates) — read lazily while a sheet is written; empty before issuance.
    /// </summary>
    IEnumerable<IssuedCertificateLine> OfBatch(Guid batchId);
}
