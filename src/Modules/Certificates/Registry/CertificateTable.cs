using Marten;
using NodaTime;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Assessment.Certificates.Registry;

public enum CertificateStatus { Valid, Revoked }

/// <summary>Why a paper certificate was printed: at issuance, as a re-issue (补发) or after an approved correction (更正).</summary>
public enum PrintKind { Original, Reissue, Correction }

/// <summary>
/// A certificate's row: what it prints (CRT-03), where it came from, and whether it still stands; <paramref name="Credential"/> is
/// the current print's verifiable credential (vc+jwt) and <paramref name="QrPayload"/> its QR code's signed offline payload, both signed
/// once when the print was made (null only for rows from before that).
/// </summary>
public sealed record CertificateRow(
    Guid Id, string Number, Guid OrganizationId, string OrganizationName, Guid FilingId, string FilingNumber, string Jurisdiction, string AreaCode,
    Guid BatchId, string BatchTitle, Guid CandidateId, string HolderName, int DocumentType, string DocumentNumber, string Employer, string Occupation,
    string? OccupationCode, string? WorkType, int Level, LocalDate IssuedOn, Instant IssuedAt, string Token, int StatusIndex,
    CertificateStatus Status, LocalDate? RevokedOn, string? RevokedReason, int Version,
    int PrintNumber = 1, PrintKind PrintKind = PrintKind.Original, LocalDate? PrintedOn = null, Guid? OpenCorrectionId = null, Guid? PhotoId = null,
    string? Credential = null, string? QrPayload = null);

/// <summary>
/// The certificate registry: a table kept by <see cref="CertificateRegistryProjection"/>, an inline Marten projection of the events
/// that issue and change certificates, on the session's connection and in its transaction.
/// </summary>
public static class CertificateTable
{
    public const string Name = "certificates.certificate";
    public const string StatusIndexSequence = "certificates.certificate_status_index";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName("certificates", "certificate", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("number", "varchar(22)").NotNull();
        table.AddColumn<Guid>("organization_id").NotNull();
        table.AddColumn("organization_name", "text").NotNull();
        table.AddColumn<Guid>("filing_id").NotNull();
        table.AddColumn("filing_number", "varchar(13)").NotNull();
        table.AddColumn("jurisdiction", "text").NotNull();
        table.AddColumn("area_code", "varchar(12)").NotNull();
        table.AddColumn<Guid>("batch_id").NotNull();
        table.AddColumn("batch_title", "text").NotNull();
        table.AddColumn<Guid>("candidate_id").NotNull();
        table.AddColumn("holder_name", "text").NotNull();
        table.AddColumn<int>("document_type").NotNull();
        table.AddColumn("document_number", "text").NotNull();
        table.AddColumn("employer", "text").NotNull();
        table.AddColumn("occupation", "text").NotNull();
        table.AddColumn("occupation_code", "text");
        table.AddColumn("work_type", "text");
        table.AddColumn<int>("level").NotNull();
        table.AddColumn("issued_on", "date").NotNull();
        table.AddColumn("issued_at", "timestamptz").NotNull();
        table.AddColumn("token", "text").NotNull();
        table.AddColumn<int>("status_index").NotNull();
        table.AddColumn("status", "text").NotNull();
        table.AddColumn("revoked_on", "date");
        table.AddColumn("revoked_reason", "text");
        table.AddColumn<int>("version").NotNull();
        // the current print (补发/更正 print again under the same number) and the one open correction request, if any
        table.AddColumn<int>("print_number").NotNull().DefaultValue(1);
        table.AddColumn("print_kind", "text").NotNull().DefaultValueByString(nameof(PrintKind.Original));
        table.AddColumn("printed_on", "date");
        table.AddColumn<Guid>("open_correction_id");
        // the holder's 2-inch photo (CRT-03), a reference the Batches module resolves (ICandidatePhotos); null prints the placeholder
        table.AddColumn<Guid>("photo_id");
        // the current print's vc+jwt, as the event that made the print carries it (CRT-04: answered as signed, never re-signed)
        table.AddColumn("credential", "text");
        // the current print's QR payload (compact JWS of its facts), signed with the credential: every PDF and link shows the same one
        table.AddColumn("qr_payload", "text");
        table.Indexes.Add(new IndexDefinition("ux_certificate_number") { IsUnique = true }.AgainstColumns("number"));
        table.Indexes.Add(new IndexDefinition("ux_certificate_token") { IsUnique = true }.AgainstColumns("token"));
        table.Indexes.Add(new IndexDefinition("ux_certificate_candidate") { IsUnique = true }.AgainstColumns("batch_id", "candidate_id"));
        table.Indexes.Add(new IndexDefinition("ix_certificate_organization").AgainstColumns("organization_id", "issued_on"));
        table.Indexes.Add(new IndexDefinition("ix_certificate_area").AgainstColumns("area_code"));
        table.Indexes.Add(new IndexDefinition("ix_certificate_holder").AgainstColumns("document_number"));
        return table;
    }

    public const string Columns =
        "id, number, organization_id, organization_name, filing_id, filing_number, jurisdiction, area_code, batch_id, batch_title, candidate_id, " +
        "holder_name, document_type, document_number, employer, occupation, occupation_code, work_type, level, issued_on, issued_at, token, " +
        "status_index, status, revoked_on, revoked_reason, version, print_number, print_kind, printed_on, open_correction_id, photo_id, " +
        "credential, qr_payload";

    /// <summary>A nullable text column of a binary COPY.</summary>
    internal static Task WriteNullable(NpgsqlBinaryImporter import, string? value, CancellationToken ct) =>
        value is null ? import.WriteNullAsync(ct) : import.WriteAsync(value, NpgsqlDbType.Text, ct);

    /// <summary>The next <paramref name="count"/> status-list indexes (gaps are harmless there, unlike in numbers).</summary>
    public static async Task<int[]> NextStatusIndexesAsync(IDocumentSession session, int count, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)session.Connection!;
        await using var command = new NpgsqlCommand($"select nextval('{StatusIndexSequence}')::int from generate_series(1, $1)", connection);
        command.Parameters.AddWithValue(count);
        var indexes = new int[count];
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++) indexes[i] = reader.GetInt32(0);
        return indexes;
    }
}
