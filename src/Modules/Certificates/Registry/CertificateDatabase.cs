using Assessment.SharedKernel.Contracts;
using Marten;
using NodaTime;
using Npgsql;

namespace Assessment.Certificates.Registry;

/// <summary>
/// Reads the certificate registry with plain, parameterised SQL through a Marten session: inside a command's transaction (after
/// <c>BeginTransactionAsync</c>) on that very connection, otherwise on a connection of the session's database. Public verification
/// runs the same few lookups all day: those are prepared (Npgsql keeps them per physical connection), not planned per request.
/// </summary>
public sealed class CertificateDatabase(IQuerySession session)
{
    public IQuerySession Session => session;

    private const string Select = $"select {CertificateTable.Columns} from {CertificateTable.Name}";

    public Task<CertificateRow?> FindAsync(Guid id, CancellationToken ct = default) => SingleAsync($"{Select} where id = $1", ct, id);

    public Task<CertificateRow?> FindByNumberAsync(string number, CancellationToken ct = default) =>
        SingleAsync($"{Select} where number = $1", ct, number);

    public Task<CertificateRow?> FindByTokenAsync(string token, CancellationToken ct = default) =>
        SingleAsync($"{Select} where token = $1", ct, token);

    /// <summary>Certificates by number, for a verifier's batch of up to 1,000 numbers.</summary>
    public async Task<IReadOnlyList<CertificateRow>> FindByNumbersAsync(IReadOnlyList<string> numbers, CancellationToken ct = default) =>
        // one array parameter: a bare string[] would bind to params object[] as one parameter per number
        await ListAsync($"{Select} where number = any($1)", ct, true, (object)numbers.ToArray());

    /// <summary>A holder's certificates, found by identity document number (the holder's own case lookup).</summary>
    public async Task<IReadOnlyList<CertificateRow>> OfHolderAsync(string documentNumber, CancellationToken ct = default) =>
        await ListAsync($"{Select} where document_number = $1 order by issued_at", ct, true, documentNumber);

    /// <summary>The revoked status indexes in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<int>> RevokedIndexesAsync(int from, int to, CancellationToken ct = default)
    {
        var sql = $"select status_index from {CertificateTable.Name} where status = 'Revoked' and status_index >= $1 and status_index < $2";
        return await ReadAsync(sql, [from, to], true, async (reader, ct) =>
        {
            var indexes = new List<int>();
            while (await reader.ReadAsync(ct)) indexes.Add(reader.GetInt32(0));
            return indexes;
        }, ct);
    }

    /// <summary>One page of a filtered list; <paramref name="where"/> uses $1… for <paramref name="parameters"/>.</summary>
    public async Task<(IReadOnlyList<CertificateRow> Rows, long Total)> PageAsync(string where, object[] parameters, int page, int size,
        CancellationToken ct = default)
    {
        var total = await ScalarAsync<long>($"select count(*) from {CertificateTable.Name} where {where}", parameters, ct);
        var rows = await ListAsync($"{Select} where {where} order by issued_at desc, number limit {size} offset {(page - 1) * size}", ct, false,
            parameters);
        return (rows, total);
    }

    /// <summary>How many certificates a batch has (an export's row count in the read log).</summary>
    public async Task<int> CountOfBatchAsync(Guid batchId, CancellationToken ct = default) =>
        (int)await ScalarAsync<long>($"select count(*) from {CertificateTable.Name} where batch_id = $1", [batchId], ct);

    /// <summary>Every certificate of a batch in number order, read lazily (bulk downloads stream them).</summary>
    public async IAsyncEnumerable<CertificateRow> OfBatchAsync(Guid batchId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = Command($"{Select} where batch_id = $1 order by level, number", [batchId]);
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct)) yield return Read((NpgsqlDataReader)reader);
    }

    /// <summary>
    /// 附件5's rows for a batch in number order, read lazily (a spreadsheet of tens of thousands of rows is written while they
    /// are read), with the city each candidate sat for from the accepted batch; published as <see cref="PublishedCertificateTable"/>.
    /// </summary>
    public IEnumerable<IssuedCertificateLine> CertificateTableRows(Guid batchId)
    {
        using var command = new NpgsqlCommand(
            "select c.candidate_id, c.holder_name, c.document_type, c.document_number, c.employer, c.occupation, c.work_type, c.level, c.number, " +
            $"c.issued_on, c.organization_name, q.city_name from {CertificateTable.Name} c " +
            $"left join {Issuance.QualifiedCandidateTable.Name} q on q.batch_id = c.batch_id and q.candidate_id = c.candidate_id " +
            "where c.batch_id = $1 order by c.number");
        command.Parameters.AddWithValue(batchId);
        // the published contract is read synchronously while a sheet is written; the rows themselves are read lazily
        using var r = session.ExecuteReaderAsync(command).GetAwaiter().GetResult();
        while (r.Read())
            yield return new IssuedCertificateLine(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetInt32(7), r.GetString(8), Date(r.GetFieldValue<DateOnly>(9)), r.GetString(10),
                r.IsDBNull(11) ? "" : r.GetString(11));
    }

    private async Task<CertificateRow?> SingleAsync(string sql, CancellationToken ct, params object[] parameters) =>
        (await ListAsync(sql, ct, true, parameters)).FirstOrDefault();

    private Task<List<CertificateRow>> ListAsync(string sql, CancellationToken ct, bool prepared, params object[] parameters) =>
        ReadAsync(sql, parameters, prepared, async (reader, ct) =>
        {
            var rows = new List<CertificateRow>();
            while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
            return rows;
        }, ct);

    private Task<T> ScalarAsync<T>(string sql, object[] parameters, CancellationToken ct) =>
        ReadAsync(sql, parameters, false, async (reader, ct) => await reader.ReadAsync(ct) ? reader.GetFieldValue<T>(0) : default!, ct);

    internal static NpgsqlCommand Command(string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql);
        foreach (var p in parameters) command.Parameters.AddWithValue(p);
        return command;
    }

    /// <summary>
    /// Runs one query through the session. <paramref name="prepared"/>: a fixed lookup (never SQL built per request, which would
    /// pile up prepared statements) is prepared on the connection it runs on — a no-op where that connection has it already.
    /// </summary>
    internal async Task<T> ReadAsync<T>(string sql, object[] parameters, bool prepared, Func<NpgsqlDataReader, CancellationToken, Task<T>> read,
        CancellationToken ct)
    {
        await using var command = Command(sql, parameters);
        if (session.Connection is { State: System.Data.ConnectionState.Open } open)
        {
            // a command's LoadAsync after BeginTransactionAsync: the session's own connection and transaction
            command.Connection = open;
            if (prepared) await command.PrepareAsync(ct);
            await using var inTransaction = await command.ExecuteReaderAsync(ct);
            return await read(inTransaction, ct);
        }
        if (!prepared)
        {
            await using var reader = await session.ExecuteReaderAsync(command, ct);
            return await read((NpgsqlDataReader)reader, ct);
        }
        // a read-only request: a connection of the session's Marten database, for the lookup's life
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        command.Connection = connection;
        await command.PrepareAsync(ct);
        await using var lookup = await command.ExecuteReaderAsync(ct);
        return await read(lookup, ct);
    }

    /// <summary>Reads a row selected with <see cref="CertificateTable.Columns"/> first (joins add their columns after it).</summary>
    internal static CertificateRow Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetGuid(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetGuid(8),
        r.GetString(9), r.GetGuid(10), r.GetString(11), r.GetInt32(12), r.GetString(13), r.GetString(14), r.GetString(15),
        r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17), r.GetInt32(18), Date(r.GetFieldValue<DateOnly>(19)),
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(20), DateTimeKind.Utc)), r.GetString(21), r.GetInt32(22),
        Enum.Parse<CertificateStatus>(r.GetString(23)), r.IsDBNull(24) ? null : Date(r.GetFieldValue<DateOnly>(24)),
        r.IsDBNull(25) ? null : r.GetString(25),
        r.GetInt32(26), r.GetInt32(27), Enum.Parse<PrintKind>(r.GetString(28)), r.IsDBNull(29) ? null : Date(r.GetFieldValue<DateOnly>(29)),
        r.IsDBNull(30) ? null : r.GetGuid(30), r.IsDBNull(31) ? null : r.GetGuid(31), r.IsDBNull(32) ? null : r.GetString(32),
        r.IsDBNull(33) ? null : r.GetString(33));

    internal static LocalDate Date(DateOnly d) => new(d.Year, d.Month, d.Day);
}

public static class CertificateRegistry
{
    /// <summary>The certificate registry as <paramref name="session"/> reads it (in its transaction, where it has begun one).</summary>
    public static CertificateDatabase Registry(this IQuerySession session) => new(session);

    /// <summary>
    /// The registry as a command reads it: the session's transaction begins first, so what the decision is made on is read on the
    /// connection and in the transaction its events (and, through the projection, the rows) commit in.
    /// </summary>
    public static async Task<CertificateDatabase> RegistryForChangeAsync(this IDocumentSession session, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        return session.Registry();
    }
}

/// <summary>
/// The Certificates module's answer to <see cref="IIssuedCertificates"/>: 附件5's rows of a batch as the registry holds them, the very
/// rows of <c>GET /api/certificate-issuances/{batchId}/certificate-table</c>, so the batch's own 附件5 is the same table.
/// </summary>
public sealed class PublishedCertificateTable(IDocumentStore store) : IIssuedCertificates
{
    public IEnumerable<IssuedCertificateLine> OfBatch(Guid batchId)
    {
        using var session = store.QuerySession();
        foreach (var line in session.Registry().CertificateTableRows(batchId)) yield return line;
    }
}
