using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Assessment.Api;
using Npgsql;

namespace Assessment.IntegrationTests.Infrastructure;

/// <summary>
/// The asynchronous daemon across processes (HotCold): two API processes on one database of their own, one holds the daemon's
/// advisory lock and keeps the activity count; killed with SIGKILL, the other takes the lock over within seconds and counts
/// on from where the first stopped — every event of the log counted exactly once.
/// </summary>
public class DaemonFailoverTests(AppFixture app, Xunit.Abstractions.ITestOutputHelper output) : IntegrationTest(app)
{
    private const string AdminName = "failover.admin";
    private const string AdminPassword = "Failover@Admin2026";

    [Fact]
    public async Task AUD_01_a_second_process_takes_over_the_projections_within_seconds_of_the_first_being_killed_and_counts_no_event_twice()
    {
        var database = $"failover_{Guid.NewGuid():N}"[..24];
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ASSESSMENT_TEST_CONNECTION"));
        await Execute(server.ConnectionString, $"create database {database}");
        try
        {
            var (a, b) = (await Node(server, database, "node-a"), (ApiProcess?)null);
            await using (a)
            {
                b = await Node(server, database, "node-b");
                await using (b)
                {
                    var log = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database, Pooling = false }.ConnectionString;
                    await SignIns(a, 5);
                    await WaitUntilCounted(log, TimeSpan.FromSeconds(60));
                    var (leader, daemonLock) = await LockHolder(log);
                    leader.ShouldBeOneOf("node-a", "node-b");
                    var (killed, survivor) = leader == "node-a" ? (a, b) : (b, a);

                    await killed.KillAsync();
                    var clock = Stopwatch.StartNew();
                    await SignIns(survivor, 5);
                    await WaitUntilCounted(log, TimeSpan.FromSeconds(30), survivor.Log);
                    clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
                    output.WriteLine($"{leader} killed; the other node counted the next events {clock.Elapsed.TotalSeconds:F1} s later");
                    (await LockHolder(log)).ShouldBe((leader == "node-a" ? "node-b" : "node-a", daemonLock));

                    await Task.Delay(TimeSpan.FromSeconds(2)); // a late duplicate would show here
                    var (events, counted, signIns, countedSignIns) = await Counts(log);
                    counted.ShouldBe(events, "every event of the log counted exactly once");
                    countedSignIns.ShouldBe(signIns);
                    signIns.ShouldBe(10);
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(server.ConnectionString, $"drop database if exists {database} with (force)");
        }
    }

    private static Task<ApiProcess> Node(NpgsqlConnectionStringBuilder server, string database, string name) => ApiProcess.StartAsync(
        new Dictionary<string, string>
        {
            ["ConnectionStrings:Assessment"] = new NpgsqlConnectionStringBuilder(server.ConnectionString)
                { Database = database, ApplicationName = name }.ConnectionString,
            ["Bootstrap:AdminUserName"] = AdminName,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Daemon:LeadershipPollingMs"] = "500",
            ["RateLimits:SignInsPerClientPerMinute"] = "6000",
        }, readyWithin: TimeSpan.FromMinutes(4));

    private static async Task SignIns(ApiProcess node, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await node.Client.PostAsJsonAsync("/api/auth/sign-in", new { userName = AdminName, password = AdminPassword });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task WaitUntilCounted(string log, TimeSpan patience, string? nodeLog = null)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var (events, counted, _, _) = await Counts(log);
            if (events > 0 && counted == events) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{counted} of {events} events counted after {patience}.\n{nodeLog}");
            await Task.Delay(200);
        }
    }

    private static async Task<(long Events, long Counted, long SignIns, long CountedSignIns)> Counts(string log)
    {
        await using var connection = new NpgsqlConnection(log);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select (select count(*) from events.mt_events),
                   coalesce((select sum((data->>'events')::bigint) from audit.mt_doc_actoractivity), 0),
                   (select count(*) from events.mt_events where type = 'account_signed_in'),
                   coalesce((select sum((data->'kinds'->>'account_signed_in')::bigint) from audit.mt_doc_actoractivity), 0)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>
    /// The node (its connections' application name) holding an advisory lock on its own connection, and the lock: the daemon's
    /// (Marten derives the key from <see cref="PlatformHost.DaemonLockId"/>; Wolverine's locks run on connections it names itself).
    /// </summary>
    private static async Task<(string? Node, long Lock)> LockHolder(string log)
    {
        await using var connection = new NpgsqlConnection(log);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select a.application_name, l.objid::bigint from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.application_name in ('node-a', 'node-b') and a.datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return (null, 0);
        var holder = (reader.GetString(0), reader.GetInt64(1));
        (await reader.ReadAsync()).ShouldBeFalse("one node holds the daemon's lock");
        return holder;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
