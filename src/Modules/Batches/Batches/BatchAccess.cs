using Assessment.SharedKernel.Privacy;
using Assessment.SharedKernel.Values;

namespace Assessment.Batches.Batches;

/// <summary>
/// A batch's personal data under the one rule (<see cref="PersonalDataRule"/>); who may see and act on it: <see cref="BatchGuards"/>.
/// </summary>
public static class BatchAccess
{
    /// <summary>Whose data a batch holds: the organization's, received by the authority the plan was filed with (a draft: its own area).</summary>
    public static PersonalDataHolder Holder(this Batch batch) => new(batch.OrganizationId, batch.ReceivingAuthority ?? batch.AreaCode);

    public static ConsultedPerson Person(this Candidate c) => new(c.DocumentType, c.DocumentNumber, Masking.Name(c.Name));

    /// <summary>One candidate of the batch as a read-log scope.</summary>
    public static ReadScope Scope(this Batch batch, Candidate c) => new("candidate", c.Id, batch.Id, $"{batch.Title}·考生", c.Person(), 1);

    /// <summary>An export over the batch's qualified candidates (附件5), for the read log.</summary>
    public static ReadScope Export(this Batch batch, int rows) => new("batch", batch.Id, batch.Id, batch.Title, null, rows);

    /// <summary>An export over the batch's whole roster (the results template), for the read log.</summary>
    public static ReadScope Roster(this Batch batch) =>
        new(ReadScope.RosterKind, batch.Id, batch.Id, $"{batch.Title}·考生名单", null, batch.CandidateCount);
}
