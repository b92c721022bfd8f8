using Marten;
using NodaTime;

namespace Assessment.SharedKernel.Privacy;

/// <summary>A consultation as the person concerned learns of it (AUD-04): when, why and what was read — never who.</summary>
public sealed record Consultation(LocalDate On, string Purpose, string What);

/// <summary>The published read contract over the read log for the person concerned: dates, purposes and what, not the reader.</summary>
public static class PersonalDataConsultations
{
    public const int Listed = 100;

    /// <summary>Reads of the person's own record, and exports over the batches their data was entered for, newest first.</summary>
    public static async Task<IReadOnlyList<Consultation>> OfPersonAsync(IQuerySession session, int documentType, string documentNumber,
        IReadOnlyCollection<Guid> batchIds, CancellationToken ct)
    {
        var key = ConsultedPerson.PersonKey(documentType, documentNumber);
        var batches = batchIds.ToArray();
        var reads = await session.Query<PersonalDataReadRecord>()
            .Where(r => r.PersonKey == key || (r.PersonKey == null && r.BatchId.IsOneOf(batches)))
            .OrderByDescending(r => r.At).Take(Listed).ToListAsync(ct);
        return reads.Select(r => new Consultation(r.At.Date(),
            StatedPurpose.Names[r.Purpose], r.OperationName)).ToList();
    }
}
