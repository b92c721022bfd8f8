using Marten;
using NodaTime;

namespace Assessment.SharedKernel.Privacy;

/// <summary>A consultation as the person concerned learns of it (AUD-04): when, why and what was read — never who.</summary>
public sealed record Consultation(LocalDate On, string Purpose, string What);

/// <summary>The published read contract over the read log for the person concerned: dates, purposes and what, not the reader.</summary>
public static class PersonalDataConsultations
{
    public const int Listed = 100;

    /// <summary>
    /// Reads of the person's own record (<paramref name="personKey"/>, <see cref="ConsultedPerson.PersonKey"/>), exports over the
    /// rosters of the batches they were entered in, and exports of qualified candidates (附件5, certificates) over the batches they
    /// qualified in — newest first.
    /// </summary>
    public static async Task<IReadOnlyList<Consultation>> OfPersonAsync(IQuerySession session, string personKey, IReadOnlyCollection<Guid> batchIds,
        IReadOnlyCollection<Guid> qualifiedIn, CancellationToken ct)
    {
        var batches = batchIds.ToArray();
        var qualified = qualifiedIn.ToArray();
        var reads = await session.Query<PersonalDataReadRecord>()
            .Where(r => r.PersonKey == personKey
                        || (r.PersonKey == null && r.ScopeKind == ReadScope.RosterKind && r.BatchId.IsOneOf(batches))
                        || (r.PersonKey == null && r.ScopeKind != ReadScope.RosterKind && r.BatchId.IsOneOf(qualified)))
            .OrderByDescending(r => r.At).Take(Listed).ToListAsync(ct);
        return reads.Select(r => new Consultation(r.At.Date(),
            StatedPurpose.Names[r.Purpose], r.OperationName)).ToList();
    }
}
