using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>What one chunk of issuance needs beyond the issuance itself: the candidates' new ids, tokens and status bits.</summary>
public sealed record ChunkInputs(IReadOnlyList<Guid> CertificateIds, IReadOnlyList<string> Tokens, IReadOnlyList<int> StatusIndexes);

/// <summary>A chunk decided: the events and the registry rows that go in with them. Where serials ran out part-way, the
/// certificates numbered before stay issued and <see cref="Halted"/> stops the issuance there.</summary>
public sealed record IssuedChunk(CertificatesIssued? Issued, IReadOnlyList<CertificateSerialsTaken> Serials, IReadOnlyList<CertificateRow> Rows,
    IssuanceCompleted? Completed, IssuanceHalted? Halted)
{
    /// <summary>
    /// The chunk with each certificate's first-print credential and QR payload, signed by <paramref name="sign"/> from the row as
    /// decided: the event carries them and the registry's projection keeps them (signatures are random, so signing stays outside
    /// the pure decider). Two ES256 signatures a certificate are most of a chunk's work: signed on every core, in order.
    /// </summary>
    public IssuedChunk Signed(Func<CertificateRow, CertificateRow> sign)
    {
        var rows = Rows.AsParallel().AsOrdered().Select(sign).ToList();
        var signed = rows.ToDictionary(r => r.Id);
        return this with
        {
            Rows = rows,
            Issued = Issued is null ? null : Issued with
            {
                Certificates = Issued.Certificates
                    .Select(c => c with { Credential = signed[c.CertificateId].Credential, QrPayload = signed[c.CertificateId].QrPayload }).ToList(),
            },
        };
    }
}

/// <summary>CRT-01/CRT-02: numbers the next chunk of a batch's qualified candidates; resumes a halted issuance.</summary>
public static class IssuanceDecider
{
    /// <param name="sequences">The serial sequence of each level in the chunk for this year, read under the sequences' locks.</param>
    /// <param name="source">Counted serials, or the allocated ranges ([AH]), as the batch's jurisdiction says.</param>
    public static IssuedChunk Issue(BatchIssuance issuance, AcceptedBatch batch, IReadOnlyList<QualifiedCandidate> chunk,
        IReadOnlyDictionary<int, CertificateSerialSequence> sequences, SerialSource source, ChunkInputs inputs, Instant now, Actor by)
    {
        if (issuance.Status != IssuanceStatus.Running)
            throw new BusinessRuleException(new RuleViolation("CRT-02", "issuance.not-running", "证书核发未在进行中。"));
        var today = now.InZone(SharedKernel.ChinaTime.Zone).Date;
        var filing = FilingNumber.Parse(batch.FilingNumber);
        var pools = chunk.Select(c => c.Level).Distinct()
            .ToDictionary(level => level, level => SerialPool.Of(sequences.GetValueOrDefault(level), source, today.Year, level));
        var issued = new List<IssuedCertificate>(chunk.Count);
        var rows = new List<CertificateRow>(chunk.Count);
        IssuanceHalted? halted = null;
        for (var i = 0; i < chunk.Count; i++)
        {
            var c = chunk[i];
            var pool = pools[c.Level];
            if (pool.Take() is not { } serial)
            {
                // certificates are numbered in issue order: the first one without a serial stops the issuance right there
                var why = pool.Exhausted();
                halted = new IssuanceHalted(batch.Id, issuance.Done + issued.Count, why.RuleId, why.Message, now, by);
                break;
            }
            var number = CertificateNumber.Create(filing, today.Year, SkillLevel.FromNumber(c.Level), serial).Value;
            issued.Add(new IssuedCertificate(inputs.CertificateIds[i], c.CandidateId, number, inputs.StatusIndexes[i], inputs.Tokens[i]));
            rows.Add(new CertificateRow(inputs.CertificateIds[i], number, batch.OrganizationId, batch.OrganizationName, batch.FilingId,
                batch.FilingNumber, batch.Jurisdiction, batch.AreaCode, batch.Id, batch.Title, c.CandidateId, c.Name, c.DocumentType,
                c.DocumentNumber,
                c.Employer, c.Occupation, c.OccupationCode, string.IsNullOrWhiteSpace(c.WorkType) ? null : c.WorkType, c.Level, today, now,
                inputs.Tokens[i], inputs.StatusIndexes[i], CertificateStatus.Valid, null, null, 1, PhotoId: c.PhotoId));
        }
        var serials = pools.OrderBy(p => p.Key).SelectMany(p => p.Value.Taken.Select(t =>
            new CertificateSerialsTaken(CertificateSerials.SequenceId(batch.OrganizationId, today.Year, p.Key), batch.Id, t.From, t.To,
                now, by))).ToList();
        var done = issuance.Done + issued.Count;
        var completed = halted is null && done >= issuance.Total ? new IssuanceCompleted(batch.Id, issuance.Total, now, by) : null;
        return new IssuedChunk(issued.Count > 0 ? new CertificatesIssued(batch.Id, done, issued, today, now, by) : null,
            serials, rows, completed, halted);
    }

    /// <summary>
    /// CRT-02: carry on a halted issuance — but only once the level it numbers next has a serial again (CRT-01: e.g. the authority
    /// allocated a new range); otherwise it would halt again at once.
    /// </summary>
    /// <param name="next">The candidate the issuance stopped at (null: none left).</param>
    /// <param name="sequence">That candidate's serial sequence for this year (null: never opened).</param>
    public static IssuanceResumed Resume(BatchIssuance issuance, QualifiedCandidate? next, CertificateSerialSequence? sequence, SerialSource source,
        Instant now, Actor by)
    {
        if (issuance.Status != IssuanceStatus.Halted)
            throw new BusinessRuleException(new RuleViolation("CRT-02", "issuance.not-halted", "该批次的证书核发没有中止，无需恢复。"));
        if (next is not null)
        {
            var pool = SerialPool.Of(sequence, source, now.InZone(SharedKernel.ChinaTime.Zone).Year, next.Level);
            if (!pool.HasRoom) throw new BusinessRuleException(pool.Exhausted());
        }
        return new IssuanceResumed(issuance.BatchId, now, by);
    }
}
