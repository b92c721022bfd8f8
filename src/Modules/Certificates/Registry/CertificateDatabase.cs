using Assessment.SharedKernel.Contracts;
using Microsoft.Extensions.Configuration;
using NodaTime;
using Npgsql;

namespace Assessment.Certificates.Registry;

/// <summary>Reads the certificate registry with plain SQL (the table is written by binary COPY, not as Marten documents).</summary>
public sealed class CertificateDatabase(IConfiguration configuration) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source = Build(configuration.GetConnectionString("Assessment")
        ?? throw new InvalidOperationException("ConnectionStrings:Assessment is not configured."));

    /// <summary>Public verification runs the same few lookups all day: they are prepared once per connection, not planned per request.</summary>
    private static NpgsqlDataSource Build(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        return builder.Build();
    }

    public NpgsqlDataSource Source => _source;

    private const string Select = $"select {CertificateTable.Columns} from {CertificateTable.Name}";

    public Task<CertificateRow?> FindAsync(Guid id, CancellationToken ct = default) => SingleAsync($"{Select} where id = $1", ct, id);

    public Task<CertificateRow?> FindByNumberAsync(string number, CancellationToken ct = default) => SingleAsync($"{Select} where number = $1", ct, number);

    public Task<CertificateRow?> FindByTokenAsync(string token, CancellationToken ct = default) => SingleAsync($"{Select} where token = $1", ct, token);

    /// <summary>Certificates by number, for a verifier's batch of up to 1,000 numbers.</summary>
    public async Task<IReadOnlyList<CertificateRow>> FindByNumbersAsync(IReadOnlyList<string> numbers, CancellationToken ct = default) =>
        // one array parameter: a bare string[] would bind to params object[] as one parameter per number
        await ListAsync($"{Select} where number = any($1)", ct, (object)numbers.ToArray());

    /// <summary>A holder's certificates, found by identity document number (the holder's own case lookup).</summary>
    public async Task<IReadOnlyList<CertificateRow>> OfHolderAsync(string documentNumber, CancellationToken ct = default) =>
        await ListAsync($"{Select} where document_number = $1 order by issued_at", ct, documentNumber);

    /// <summary>The revoked status indexes in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<int>> RevokedIndexesAsync(int from, int to, CancellationToken ct = default)
    {
        await using var command = _source.CreateCommand($"select status_index from {CertificateTable.Name} where status = 'Revoked' and status_index >= $1 and status_index < $2");
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        var indexes = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) indexes.Add(reader.GetInt32(0));
        return indexes;
    }

    /// <summary>One page of a filtered list; <paramref name="where"/> uses $1… for <paramref name="parameters"/>.</summary>
    public async Task<(IReadOnlyList<CertificateRow> Rows, long Total)> PageAsync(string where, object[] parameters, int page, int size, CancellationToken ct = default)
    {
        await using var count = _source.CreateCommand($"select count(*) from {CertificateTable.Name} where {where}");
        foreach (var p in parameters) count.Parameters.AddWithValue(p);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;
        var rows = await ListAsync($"{Select} where {where} order by issued_at desc, number limit {size} offset {(page - 1) * size}", ct, parameters);
        return (rows, total);
    }

    /// <summary>How many certificates a batch has (an export's row count in the read log).</summary>
    public async Task<int> CountOfBatchAsync(Guid batchId, CancellationToken ct = default)
    {
        await using var command = _source.CreateCommand($"select count(*) from {CertificateTable.Name} where batch_id = $1");
        command.Parameters.AddWithValue(batchId);
        return (int)(long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Every certificate of a batch in number order, read lazily (bulk downloads stream them).</summary>
    public async IAsyncEnumerable<CertificateRow> OfBatchAsync(Guid batchId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = _source.CreateCommand($"{Select} where batch_id = $1 order by level, number");
        command.Parameters.AddWithValue(batchId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return Read(reader);
    }

    /// <summary>
    /// 附件5's rows for a batch in number order, read lazily (a spreadsheet of tens of thousands of rows is written while they
    /// are read), with the city each candidate sat for from the accepted batch; published as <see cref="PublishedCertificateTable"/>.
    /// </summary>
    public IEnumerable<IssuedCertificateLine> CertificateTableRows(Guid batchId)
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand(
            "select c.candidate_id, c.holder_name, c.document_type, c.document_number, c.employer, c.occupation, c.work_type, c.level, c.number, " +
            $"c.issued_on, c.organization_name, q.city_name from {CertificateTable.Name} c " +
            $"left join {Issuance.QualifiedCandidateTable.Name} q on q.batch_id = c.batch_id and q.candidate_id = c.candidate_id " +
            "where c.batch_id = $1 order by c.number", connection);
        command.Parameters.AddWithValue(batchId);
        using var r = command.ExecuteReader();
        while (r.Read())
            yield return new IssuedCertificateLine(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetInt32(7), r.GetString(8), Date(r.GetFieldValue<DateOnly>(9)), r.GetString(10),
                r.IsDBNull(11) ? "" : r.GetString(11));
    }

    private async Task<CertificateRow?> SingleAsync(string sql, CancellationToken ct, params object[] parameters) =>
        (await ListAsync(sql, ct, parameters)).FirstOrDefault();

    private async Task<List<CertificateRow>> ListAsync(string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = _source.CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        var rows = new List<CertificateRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    /// <summary>Reads a row selected with <see cref="CertificateTable.Columns"/> first (joins add their columns after it).</summary>
    internal static CertificateRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetGuid(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetGuid(8),
        r.GetString(9), r.GetGuid(10), r.GetString(11), r.GetInt32(12), r.GetString(13), r.GetString(14), r.GetString(15),
        r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17), r.GetInt32(18), Date(r.GetFieldValue<DateOnly>(19)),
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(20), DateTimeKind.Utc)), r.GetString(21), r.GetInt32(22),
        Enum.Parse<CertificateStatus>(r.GetString(23)), r.IsDBNull(24) ? null : Date(r.GetFieldValue<DateOnly>(24)), r.IsDBNull(25) ? null : r.GetString(25),
        r.GetInt32(26), r.GetInt32(27), Enum.Parse<PrintKind>(r.GetString(28)), r.IsDBNull(29) ? null : Date(r.GetFieldValue<DateOnly>(29)),
        r.IsDBNull(30) ? null : r.GetGuid(30), r.IsDBNull(31) ? null : r.GetGuid(31), r.IsDBNull(32) ? null : r.GetString(32));

    internal static LocalDate Date(DateOnly d) => new(d.Year, d.Month, d.Day);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}

/// <summary>
/// The Certificates module's answer to <see cref="IIssuedCertificates"/>: 附件5's rows of a batch as the registry holds them, the very
/// rows of <c>GET /api/certificate-issuances/{batchId}/certificate-table</c>, so the batch's own 附件5 is the same table.
/// </summary>
public sealed class PublishedCertificateTable(CertificateDatabase database) : IIssuedCertificates
{
    public IEnumerable<IssuedCertificateLine> OfBatch(Guid batchId) => database.CertificateTableRows(batchId);
}
