using System.Net;
using System.Net.Sockets;
using LaunderTrail.Storage;
using Npgsql;
using Xunit;

namespace LaunderTrail.Tests.Storage;

/// <summary>Starts real PostgreSQL clusters in temp folders; under root this exercises the su path.</summary>
public sealed class PrivateClusterLifecycleTests : IAsyncLifetime
{
    private readonly TemporaryDataRoot dataRoot = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => dataRoot.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_call_starts_a_loopback_only_server_with_the_laundertrail_database()
    {
        var connectionString = (await dataRoot.NewCluster().EnsureRunningAsync(Ct)).Application;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        Assert.Equal(1, await ScalarAsync<int>(connection, "select 1"));
        Assert.Equal("laundertrail", await ScalarAsync<string>(connection, "select current_database()"));
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(connection, "show listen_addresses"));
        var sizing = PrivateClusterSettings.For(PrivateClusterSettings.MachineMemory()).ToDictionary(s => s.Name, s => s.Value);
        Assert.Equal(sizing["shared_buffers"], await ScalarAsync<string>(connection, "select setting::bigint * 8 / 1024 || 'MB' from pg_settings where name = 'shared_buffers'"));
        Assert.Equal(sizing["max_wal_size"], await ScalarAsync<string>(connection, "select setting || 'MB' from pg_settings where name = 'max_wal_size'"));
        Assert.Equal("on", await ScalarAsync<string>(connection, "show fsync"));
        Assert.Equal("on", await ScalarAsync<string>(connection, "show synchronous_commit"));
        Assert.Equal(new NpgsqlConnectionStringBuilder(connectionString).Port.ToString(), File.ReadAllText(Path.Combine(dataRoot.Path, "pg.port")));
        Assert.Contains(dataRoot.LogLines, line => line.StartsWith("Starting private PostgreSQL in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Under_root_the_server_runs_as_postgres_and_private_parents_become_traversable()
    {
        if (Environment.UserName != "root")
            Assert.Skip("Only a root test run exercises the su path.");

        await dataRoot.NewCluster().EnsureRunningAsync(Ct);

        Assert.True(new DirectoryInfo(dataRoot.TempFolder).UnixFileMode.HasFlag(UnixFileMode.OtherExecute));
        Assert.Contains(dataRoot.LogLines, line => line.StartsWith($"Made {dataRoot.TempFolder} traversable", StringComparison.Ordinal));
        Assert.Contains(dataRoot.LogLines, line => line.Contains("as the 'postgres' user", StringComparison.Ordinal));
        var postmasterPid = File.ReadLines(Path.Combine(dataRoot.Path, "pg", "postmaster.pid")).First();
        var postgresUid = (await PrivateClusterCommandRunner.RunProcessAsync("id", ["-u", "postgres"], Ct)).Output;
        Assert.Contains($"Uid:\t{postgresUid}\t", File.ReadAllText($"/proc/{postmasterPid}/status"));
    }

    [Fact]
    public async Task A_second_call_reuses_the_running_server()
    {
        var first = await dataRoot.NewCluster().EnsureRunningAsync(Ct);
        var second = await dataRoot.NewCluster().EnsureRunningAsync(Ct);

        Assert.Equal(first, second);
        var port = new NpgsqlConnectionStringBuilder(first.Application).Port;
        Assert.Contains($"Reusing private PostgreSQL on 127.0.0.1:{port}", dataRoot.LogLines);
        Assert.Single(dataRoot.LogLines, line => line.StartsWith("Starting private PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_after_stop_keeps_the_data_and_the_port()
    {
        var cluster = dataRoot.NewCluster();
        var beforeStop = (await cluster.EnsureRunningAsync(Ct)).Owner;
        await ExecuteAsync(beforeStop, "create table trail (id int); insert into trail values (42)");

        await cluster.StopAsync(Ct);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(beforeStop, "select 1"));
        var afterRestart = (await cluster.EnsureRunningAsync(Ct)).Owner;

        Assert.Equal(beforeStop, afterRestart);
        await using var connection = new NpgsqlConnection(afterRestart);
        await connection.OpenAsync(Ct);
        Assert.Equal(42, await ScalarAsync<int>(connection, "select id from trail"));
        Assert.Equal(2, dataRoot.LogLines.Count(line => line.StartsWith("Starting private PostgreSQL", StringComparison.Ordinal)));
        Assert.Single(dataRoot.LogLines, line => line.StartsWith("Initializing private PostgreSQL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_remembered_port_taken_by_something_else_moves_the_server_to_a_free_one()
    {
        var cluster = dataRoot.NewCluster();
        var original = (await cluster.EnsureRunningAsync(Ct)).Owner;
        await ExecuteAsync(original, "create table trail (id int)");
        await cluster.StopAsync(Ct);
        var originalPort = new NpgsqlConnectionStringBuilder(original).Port;

        var squatter = new TcpListener(IPAddress.Loopback, originalPort);
        squatter.Start();
        try
        {
            var moved = (await cluster.EnsureRunningAsync(Ct)).Owner;

            Assert.NotEqual(originalPort, new NpgsqlConnectionStringBuilder(moved).Port);
            await ExecuteAsync(moved, "select count(*) from trail");
            Assert.Contains(dataRoot.LogLines, line => line.StartsWith($"Port 127.0.0.1:{originalPort} of the private PostgreSQL is taken", StringComparison.Ordinal));
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public async Task Concurrent_first_calls_initialize_the_cluster_once()
    {
        var calls = await Task.WhenAll(
            dataRoot.NewCluster().EnsureRunningAsync(Ct),
            dataRoot.NewCluster().EnsureRunningAsync(Ct));

        Assert.Equal(calls[0], calls[1]);
        Assert.Single(dataRoot.LogLines, line => line.StartsWith("Initializing private PostgreSQL", StringComparison.Ordinal));
        Assert.Single(dataRoot.LogLines, line => line.StartsWith("Reusing private PostgreSQL", StringComparison.Ordinal));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
