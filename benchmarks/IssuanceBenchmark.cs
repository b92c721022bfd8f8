using System.Diagnostics;
using Assessment.Certificates.Issuance;
using Assessment.Certificates.Registry;
using Assessment.SharedKernel.Contracts;
using Assessment.SharedKernel.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Wolverine;

namespace Assessment.Benchmarks;

public sealed record IssuanceFigures(int Certificates, TimeSpan Product, TimeSpan Raw, long PeakRssBytes, int Chunks)
{
    public double ProductPerSecond => Certificates / Product.TotalSeconds;
    public double RawPerSecond => Certificates / Raw.TotalSeconds;
    public double Ratio => ProductPerSecond / RawPerSecond;
}

/// <summary>
/// One accepted batch of <c>count</c> qualified candidates through the real path (the BatchResultsAccepted contract on
/// the durable local queue, chunked issuance with serial locks, events and binary COPY), then the same rows written by
/// one raw binary COPY into a scratch copy of the registry table (same columns and indexes).
/// </summary>
public static class IssuanceBenchmark
{
    public static async Task<IssuanceFigures> RunAsync(BenchmarkHost host, string connection, int count)
    {
        var services = host.Services;
        var message = AcceptedBatch(count);
        var issuanceId = BatchIssuance.StreamFor(message.BatchId);
        using var rss = new PeakRss();

        var clock = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(message);
        var store = services.GetRequiredService<IDocumentStore>();
        BatchIssuance? issuance;
        var (lastDone, lastMove) = (-1, clock.Elapsed);
        while (true)
        {
            await Task.Delay(50);
            await using var query = store.QuerySession();
            issuance = await query.LoadAsync<BatchIssuance>(issuanceId);
            if (issuance is { Status: not IssuanceStatus.Running }) break;
            if ((issuance?.Done ?? -1) != lastDone) (lastDone, lastMove) = (issuance?.Done ?? -1, clock.Elapsed);
            else if (clock.Elapsed - lastMove > TimeSpan.FromMinutes(1))
                throw new TimeoutException($"Issuance stalled at {lastDone} of {count} for a minute (see the API log).");
        }
        var product = clock.Elapsed;
        var peak = rss.Stop();
        if (issuance.Status != IssuanceStatus.Completed) throw new InvalidOperationException($"Issuance halted: {issuance.HaltedRule} {issuance.HaltedReason}");
        await CheckNumbersAsync(connection, message.BatchId, count);
        var chunkSize = services.GetRequiredService<CertificatesOptions>().IssuanceChunkSize;

        var raw = await RawCopyAsync(connection, message.BatchId);
        return new IssuanceFigures(count, product, raw, peak, (count + chunkSize - 1) / chunkSize);
    }

    private static BatchResultsAccepted AcceptedBatch(int count)
    {
        var random = new Random(20261124);
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"];
        var qualified = Enumerable.Range(1, count).Select(i => new QualifiedCandidate(Guid.CreateVersion7(), surnames[random.Next(surnames.Length)] +
                given[random.Next(given.Length)] + given[random.Next(given.Length)], 201, $"34010219{80 + i % 20}0101{i % 10000:0000}", "合肥市某家政服务有限公司",
            "育婴员", "4-10-01-02", null, i % 10 < 7 ? 4 : 5, "合肥市")).ToList();
        var organization = Guid.CreateVersion7();
        random = new Random();  // a fresh filing number per run: numbers are unique across the registry, and runs may share a database
        return new BatchResultsAccepted(Guid.CreateVersion7(), organization, "基准测试职业技能培训学校", Guid.CreateVersion7(), $"S{random.NextInt64(100_000_000_000, 999_999_999_999)}", "guangxi", "南宁市人力资源和社会保障局",
            "450100", "基准测试批次", new LocalDate(2026, 11, 20), qualified, SystemClock.Instance.GetCurrentInstant(), Actor.System);
    }

    /// <summary>The run is only worth its figure if every certificate got a number, in order, without holes (CRT-01).</summary>
    private static async Task CheckNumbersAsync(string connection, Guid batchId, int count)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand(
            "select level, count(*), count(distinct number), min(right(number, 6)::int), max(right(number, 6)::int) from certificates.certificate where batch_id = $1 group by level");
        command.Parameters.AddWithValue(batchId);
        await using var reader = await command.ExecuteReaderAsync();
        var total = 0L;
        while (await reader.ReadAsync())
        {
            var (rows, distinct, min, max) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt32(4));
            if (rows != distinct || min != 1 || max != rows)
                throw new InvalidOperationException($"Level {reader.GetInt32(0)}: {rows} rows, {distinct} numbers, serials {min}…{max}: not gap-free.");
            total += rows;
        }
        if (total != count) throw new InvalidOperationException($"{total} certificates for {count} qualified candidates.");
    }

    private static async Task<TimeSpan> RawCopyAsync(string connection, Guid batchId)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using (var create = source.CreateCommand(
                         "drop table if exists certificates.bench_raw_copy; create table certificates.bench_raw_copy (like certificates.certificate including all)"))
            await create.ExecuteNonQueryAsync();
        var rows = new List<object?[]>();
        string[] types;
        await using (var read = source.CreateCommand($"select {CertificateTable.Columns} from certificates.certificate where batch_id = $1 order by number"))
        {
            read.Parameters.AddWithValue(batchId);
            await using var reader = await read.ExecuteReaderAsync();
            // the registry's own column types, so the baseline writes exactly what the product writes
            types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
            while (await reader.ReadAsync())
            {
                var values = new object?[reader.FieldCount];
                reader.GetValues(values!);
                for (var i = 0; i < values.Length; i++) if (values[i] is DBNull) values[i] = null;
                rows.Add(values);
            }
        }

        var clock = Stopwatch.StartNew();
        await using (var connectionForCopy = await source.OpenConnectionAsync())
        await using (var transaction = await connectionForCopy.BeginTransactionAsync())
        {
            await using (var import = await connectionForCopy.BeginBinaryImportAsync($"COPY certificates.bench_raw_copy ({CertificateTable.Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    await import.StartRowAsync();
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is null) await import.WriteNullAsync();
                        else await import.WriteAsync(row[i], types[i]);
                    }
                }
                await import.CompleteAsync();
            }
            await transaction.CommitAsync();
        }
        var elapsed = clock.Elapsed;
        await using (var drop = source.CreateCommand("drop table certificates.bench_raw_copy")) await drop.ExecuteNonQueryAsync();
        return elapsed;
    }
}
