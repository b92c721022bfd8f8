using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Assessment.SharedKernel.Problems;
using Assessment.SharedKernel.Values;
using NodaTime;

namespace Assessment.Certificates.Issuance;

/// <summary>What one chunk of issuance needs beyond the issuance itself: the candidates' new ids, tokens and status bits.</summary>
public sealed record ChunkInputs(IReadOnlyList<Guid> CertificateIds, IReadOnlyList<string> Tokens, IReadOnlyList<int> StatusIndexes);

/// <summary>A chunk decided: the events and the registry rows that go in with them.</summary>
public sealed record IssuedChunk(CertificatesIssued Issued, IReadOnlyList<CertificateSerialsTaken> Serials, IReadOnlyList<CertificateRow> Rows,
    IssuanceCompleted? Completed);

/// <summary>CRT-01/CRT-02: numbers the next chunk of a batch's qualified candidates.</summary>
public static class IssuanceDecider
{
    /// <param name="lastSerials">The last serial taken so far for each level in the chunk, read under the sequences' locks.</param>
    public static IssuedChunk Issue(BatchIssuance issuance, AcceptedBatch batch, IReadOnlyList<QualifiedCandidate> chunk,
        IReadOnlyDictionary<int, (Guid SequenceId, int Last)> lastSerials, ChunkInputs inputs, Instant now, Actor by)
    {
        if (issuance.Status != IssuanceStatus.Running)
            throw new BusinessRuleException(new RuleViolation("CRT-02", "issuance.not-running", "证书核发未在进行中。"));
        var today = now.InZone(SharedKernel.ChinaTime.Zone).Date;
        var filing = FilingNumber.Parse(batch.FilingNumber);
        var next = lastSerials.ToDictionary(l => l.Key, l => l.Value.Last);
        var issued = new List<IssuedCertificate>(chunk.Count);
        var rows = new List<CertificateRow>(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            var c = chunk[i];
            var serial = ++next[c.Level];
            if (serial > 999_999)
                throw new BusinessRuleException(new RuleViolation("CRT-01", "certificate.serials-exhausted",
                    $"本机构{today.Year}年{SkillLevel.FromNumber(c.Level).FullName}证书流水号已用完（999999）。"));
            var number = CertificateNumber.Create(filing, today.Year, SkillLevel.FromNumber(c.Level), serial).Value;
            issued.Add(new IssuedCertificate(inputs.CertificateIds[i], c.CandidateId, number, inputs.StatusIndexes[i]));
            rows.Add(new CertificateRow(inputs.CertificateIds[i], number, batch.OrganizationId, batch.OrganizationName, batch.FilingId,
                batch.FilingNumber, batch.Jurisdiction, batch.AreaCode, batch.Id, batch.Title, c.CandidateId, c.Name, c.DocumentType, c.DocumentNumber,
                c.Employer, c.Occupation, c.OccupationCode, string.IsNullOrWhiteSpace(c.WorkType) ? null : c.WorkType, c.Level, today, now,
                inputs.Tokens[i], inputs.StatusIndexes[i], CertificateStatus.Valid, null, null, 1, PhotoId: c.PhotoId));
        }
        var serials = lastSerials.Where(l => next[l.Key] > l.Value.Last)
            .Select(l => new CertificateSerialsTaken(l.Value.SequenceId, batch.Id, l.Value.Last + 1, next[l.Key], now, by)).ToList();
        var done = issuance.Done + chunk.Count;
        var completed = done >= issuance.Total ? new IssuanceCompleted(batch.Id, issuance.Total, now, by) : null;
        return new IssuedChunk(new CertificatesIssued(batch.Id, done, issued, today, now, by), serials, rows, completed);
    }
}
