using Assessment.SharedKernel.Contracts;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Assessment.Certificates.Issuance;

/// <summary>
/// The qualified candidates of accepted batches, one row each in issue order (<c>position</c>): a batch of tens of thousands
/// goes in by one binary COPY when it is accepted, and each chunk of its issuance reads only its own slice — never a
/// multi-megabyte document per chunk.
/// </summary>
public static class QualifiedCandidateTable
{
    public const string Name = "certificates.qualified_candidate";

    private const string Columns =
        "batch_id, position, candidate_id, name, document_type, document_number, employer, occupation, occupation_code, work_type, " +
        "level, city_name, photo_id";

    public static Table Definition()
    {
        var table = new Table(new PostgresqlObjectName("certificates", "qualified_candidate", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("batch_id").AsPrimaryKey();
        table.AddColumn<int>("position").AsPrimaryKey();
        table.AddColumn<Guid>("candidate_id").NotNull();
        table.AddColumn("name", "text").NotNull();
        table.AddColumn<int>("document_type").NotNull();
        table.AddColumn("document_number", "text").NotNull();
        table.AddColumn("employer", "text").NotNull();
        table.AddColumn("occupation", "text").NotNull();
        table.AddColumn("occupation_code", "text");
        table.AddColumn("work_type", "text");
        table.AddColumn<int>("level").NotNull();
        table.AddColumn("city_name", "text").NotNull();
        // the candidate's 2-inch photo as the Batches module stores it (ICandidatePhotos), never the bytes
        table.AddColumn<Guid>("photo_id");
        return table;
    }

    /// <summary>The order certificates are numbered in: by level, then as the batch listed the candidates (CRT-01 "in order"), the
    /// order of 附件5's rows (<see cref="SharedKernel.Spreadsheets.CertificateInformationTable.InIssueOrder{T}"/>).</summary>
    public static IReadOnlyList<QualifiedCandidate> InIssueOrder(IEnumerable<QualifiedCandidate> listed) =>
        SharedKernel.Spreadsheets.CertificateInformationTable.InIssueOrder(listed, c => c.Level);

    /// <summary>Writes a batch's candidates in issue order by binary COPY, inside the session's open transaction.</summary>
    public static async Task CopyAsync(IDocumentSession session, Guid batchId, IReadOnlyList<QualifiedCandidate> inIssueOrder, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)session.Connection!;
        await using var import = await connection.BeginBinaryImportAsync($"COPY {Name} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < inIssueOrder.Count; i++)
        {
            var c = inIssueOrder[i];
            await import.StartRowAsync(ct);
            await import.WriteAsync(batchId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(i, NpgsqlDbType.Integer, ct);
            await import.WriteAsync(c.CandidateId, NpgsqlDbType.Uuid, ct);
            await import.WriteAsync(c.Name, NpgsqlDbType.Text, ct);
            await import.WriteAsync(c.DocumentType, NpgsqlDbType.Integer, ct);
            await import.WriteAsync(c.DocumentNumber, NpgsqlDbType.Text, ct);
            await import.WriteAsync(c.Employer, NpgsqlDbType.Text, ct);
            await import.WriteAsync(c.Occupation, NpgsqlDbType.Text, ct);
            await Registry.CertificateTable.WriteNullable(import, c.OccupationCode, ct);
            await Registry.CertificateTable.WriteNullable(import, c.WorkType, ct);
            await import.WriteAsync(c.Level, NpgsqlDbType.Integer, ct);
            await import.WriteAsync(c.CityName, NpgsqlDbType.Text, ct);
            if (c.PhotoId is { } photo) await import.WriteAsync(photo, NpgsqlDbType.Uuid, ct);
            else await import.WriteNullAsync(ct);
        }
        await import.CompleteAsync(ct);
    }

    /// <summary>Candidates <paramref name="skip"/> … <paramref name="skip"/> + <paramref name="take"/> − 1 in issue order.</summary>
    public static async Task<IReadOnlyList<QualifiedCandidate>> SliceAsync(NpgsqlConnection connection, Guid batchId, int skip, int take,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select candidate_id, name, document_type, document_number, employer, occupation, occupation_code, work_type, level, " +
            $"city_name, photo_id from {Name} " +
            "where batch_id = $1 and position >= $2 and position < $3 order by position", connection);
        command.Parameters.AddWithValue(batchId);
        command.Parameters.AddWithValue(skip);
        command.Parameters.AddWithValue(skip + take);
        var slice = new List<QualifiedCandidate>(take);
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            slice.Add(new QualifiedCandidate(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8), r.GetString(9),
                r.IsDBNull(10) ? null : r.GetGuid(10)));
        return slice;
    }
}
