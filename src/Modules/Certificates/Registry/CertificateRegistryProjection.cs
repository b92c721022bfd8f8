using Assessment.Certificates.Issuance;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using NodaTime;

namespace Assessment.Certificates.Registry;

/// <summary>
/// The certificate registry (<see cref="CertificateTable"/>) with its prints (<see cref="CertificatePrintTable"/>) and correction
/// requests (<see cref="CertificateCorrectionTable"/>), kept inline from the certificate events: the SQL is queued in the unit of
/// work of the session that appends the events, so rows and events commit together or not at all. Issuance writes a chunk's
/// thousands of rows in one set-based insert — the event's numbers, tokens and signed prints joined to the batch's qualified
/// candidates — never row by row.
/// </summary>
public sealed class CertificateRegistryProjection : EventProjection
{
    public CertificateRegistryProjection()
    {
        IncludeType<CertificatesIssued>();
        IncludeType<CertificateRevoked>();
        IncludeType<CertificateReissued>();
        IncludeType<CertificateCorrectionRequested>();
        IncludeType<CertificateCorrectionApproved>();
        IncludeType<CertificateCorrectionRejected>();
        IncludeType<CertificateCorrectionWithdrawn>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        // the certificate's stream stays one behind its row, whose version 1 is the issuance
        var version = (int)e.Version + 1;
        switch (e.Data)
        {
            case CertificatesIssued issued:
                var batch = await operations.LoadAsync<AcceptedBatch>(issued.BatchId, cancellation)
                            ?? throw new InvalidOperationException($"Accepted batch {issued.BatchId} is missing for its certificates.");
                Issue(operations, issued, batch);
                break;
            case CertificateRevoked revoked:
                operations.QueueSqlCommand(
                    $"update {CertificateTable.Name} set status = ?, revoked_on = ?::date, revoked_reason = ?, version = ? where id = ?",
                    nameof(CertificateStatus.Revoked), Day(revoked.RevokedOn), revoked.Reason, version, revoked.CertificateId);
                break;
            case CertificateReissued reissued:
                CertificatePrintTable.QueueNewPrint(operations, reissued.CertificateId, PrintKind.Reissue, reissued.PrintNumber, reissued.PrintedAt,
                    reissued.Token!, reissued.Reason, reissued.By);
                operations.QueueSqlCommand(
                    $"update {CertificateTable.Name} set print_number = ?, print_kind = ?, printed_on = ?::date, token = ?, credential = ?, " +
                    "qr_payload = ?, version = ? where id = ?",
                    reissued.PrintNumber, nameof(PrintKind.Reissue), Day(reissued.PrintedOn), reissued.Token!, reissued.Credential!,
                    reissued.QrPayload!, version, reissued.CertificateId);
                break;
            case CertificateCorrectionRequested requested:
                var (old, @new) = (requested.Previous, requested.Proposed);
                operations.QueueSqlCommand(
                    $"insert into {CertificateCorrectionTable.Name} (id, certificate_id, state, old_holder_name, old_document_type, " +
                    "old_document_number, old_employer, new_holder_name, new_document_type, new_document_number, new_employer, reason, " +
                    "requested_at, requested_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?)",
                    requested.CorrectionId, requested.CertificateId, nameof(CertificateCorrectionStatus.Open), old.Name, old.DocumentType,
                    old.DocumentNumber, old.Employer, @new.Name, @new.DocumentType, @new.DocumentNumber, @new.Employer, requested.Reason,
                    CertificatePrintTable.Timestamp(requested.RequestedAt), requested.By.Name);
                operations.QueueSqlCommand($"update {CertificateTable.Name} set open_correction_id = ?, version = ? where id = ?",
                    requested.CorrectionId, version, requested.CertificateId);
                break;
            case CertificateCorrectionApproved approved:
                var h = approved.Corrected;
                CertificatePrintTable.QueueNewPrint(operations, approved.CertificateId, PrintKind.Correction, approved.PrintNumber,
                    approved.ApprovedAt, approved.Token!, approved.Reason, approved.By);
                operations.QueueSqlCommand(
                    $"update {CertificateTable.Name} set holder_name = ?, document_type = ?, document_number = ?, employer = ?, print_number = ?, " +
                    "print_kind = ?, printed_on = ?::date, token = ?, credential = ?, qr_payload = ?, open_correction_id = null, version = ? " +
                    "where id = ?",
                    h.Name, h.DocumentType, h.DocumentNumber, h.Employer, approved.PrintNumber, nameof(PrintKind.Correction), Day(approved.PrintedOn),
                    approved.Token!, approved.Credential!, approved.QrPayload!, version, approved.CertificateId);
                Decide(operations, approved.CorrectionId, CertificateCorrectionStatus.Approved, approved.ApprovedAt, approved.By.Name,
                    approved.Reason, approved.PrintNumber);
                break;
            case CertificateCorrectionRejected rejected:
                operations.QueueSqlCommand($"update {CertificateTable.Name} set open_correction_id = null, version = ? where id = ?",
                    version, rejected.CertificateId);
                Decide(operations, rejected.CorrectionId, CertificateCorrectionStatus.Rejected, rejected.RejectedAt, rejected.By.Name,
                    rejected.Reason, null);
                break;
            case CertificateCorrectionWithdrawn withdrawn:
                operations.QueueSqlCommand($"update {CertificateTable.Name} set open_correction_id = null, version = ? where id = ?",
                    version, withdrawn.CertificateId);
                operations.QueueSqlCommand(
                    $"update {CertificateCorrectionTable.Name} set state = ?, decided_at = ?::timestamptz, decided_by = ? where id = ?",
                    nameof(CertificateCorrectionStatus.Withdrawn), CertificatePrintTable.Timestamp(withdrawn.WithdrawnAt), withdrawn.By.Name,
                    withdrawn.CorrectionId);
                break;
        }
    }

    /// <summary>
    /// A chunk's registry rows: numbers, status bits, tokens and signed prints from the event, the holder data from the batch's
    /// qualified candidates (as the decider numbered them), the batch's own facts from the accepted batch.
    /// </summary>
    private static void Issue(IDocumentOperations operations, CertificatesIssued issued, AcceptedBatch batch)
    {
        var c = issued.Certificates;
        operations.QueueSqlCommand(
            $"insert into {CertificateTable.Name} ({CertificateTable.Columns}) " +
            "select u.id, u.number, ?, ?, ?, ?, ?, ?, ?, ?, q.candidate_id, q.name, q.document_type, q.document_number, q.employer, " +
            "q.occupation, q.occupation_code, case when q.work_type ~ '^[[:space:]]*$' then null else q.work_type end, q.level, ?::date, " +
            $"?::timestamptz, u.token, u.status_index, '{nameof(CertificateStatus.Valid)}', null, null, 1, 1, '{nameof(PrintKind.Original)}', " +
            "null, null, q.photo_id, u.credential, u.qr_payload " +
            "from unnest(?::uuid[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[]) " +
            "as u(id, candidate_id, number, status_index, token, credential, qr_payload) " +
            $"join {QualifiedCandidateTable.Name} q on q.batch_id = ? and q.candidate_id = u.candidate_id",
            batch.OrganizationId, batch.OrganizationName, batch.FilingId, batch.FilingNumber, batch.Jurisdiction, batch.AreaCode, batch.Id,
            batch.Title, Day(issued.IssuedOn), CertificatePrintTable.Timestamp(issued.IssuedAt),
            c.Select(x => x.CertificateId).ToArray(), c.Select(x => x.CandidateId).ToArray(), c.Select(x => x.Number).ToArray(),
            c.Select(x => x.StatusIndex).ToArray(), c.Select(x => x.Token).ToArray(), c.Select(x => x.Credential).ToArray(),
            c.Select(x => x.QrPayload).ToArray(), batch.Id);
    }

    private static void Decide(IDocumentOperations operations, Guid correctionId, CertificateCorrectionStatus state, Instant at, string by,
        string reason, int? print)
    {
        const string set = "state = ?, decided_at = ?::timestamptz, decided_by = ?, decision_reason = ?";
        if (print is { } approvedPrint)
            operations.QueueSqlCommand($"update {CertificateCorrectionTable.Name} set {set}, approved_print = ? where id = ?",
                state.ToString(), CertificatePrintTable.Timestamp(at), by, reason, approvedPrint, correctionId);
        else
            operations.QueueSqlCommand($"update {CertificateCorrectionTable.Name} set {set} where id = ?",
                state.ToString(), CertificatePrintTable.Timestamp(at), by, reason, correctionId);
    }

    private static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", null);
}
