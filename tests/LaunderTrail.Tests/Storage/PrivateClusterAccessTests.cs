using System.Net;
using System.Net.Http.Headers;
using Alba;
using LaunderTrail.Access;
using LaunderTrail.Api;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Import;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace LaunderTrail.Tests.Storage;

/// <summary>
/// The private cluster trusts no local user: every login needs a password that only LaunderTrail's user can read, and
/// LaunderTrail works as a login that cannot change recorded events. Real clusters in temp folders; under root the
/// server runs as the postgres user, and another user of the machine (nobody) is shown the door.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateClusterAccessTests : IAsyncLifetime
{
    private static readonly string[] Logins = ["postgres", "laundertrail_owner", "laundertrail_app"];

    private readonly TemporaryDataRoot dataRoot = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => dataRoot.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PasswordFile => Path.Combine(dataRoot.Path, "pgpass");

    [Fact]
    public async Task No_login_connects_without_its_password_over_tcp_or_the_local_socket()
    {
        var logins = await dataRoot.NewCluster().EnsureRunningAsync(Ct);
        var port = new NpgsqlConnectionStringBuilder(logins.Application).Port;

        foreach (var login in Logins)
        {
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => ConnectAsync("127.0.0.1", port, login, "not-the-password"));
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refusal.SqlState);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => ConnectAsync(Path.Combine(dataRoot.Path, "run"), port, login, "not-the-password"));
        }

        await ConnectAsync("127.0.0.1", port, "laundertrail_app", PasswordOf("laundertrail_app"));
    }

    [Fact]
    public async Task The_password_file_is_the_launchers_alone()
    {
        await dataRoot.NewCluster().EnsureRunningAsync(Ct);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PasswordFile));
        Assert.Equal((await RunAsync("id", "-u")).Output, (await RunAsync("stat", "-c", "%u", PasswordFile)).Output);
        Assert.All(Logins, login => Assert.Matches("^[A-Za-z0-9_-]{43}$", PasswordOf(login)));
        Assert.Equal(3, Logins.Select(PasswordOf).Distinct().Count());
        if (Environment.UserName == "root")
        {
            // The server's own user needs none of it, and another user of the machine gets nothing.
            Assert.NotEqual(0, (await RunAsync("su", "-s", "/bin/sh", "-c", $"cat {PasswordFile}", "postgres")).ExitCode);
            Assert.NotEqual(0, (await RunAsync("su", "-s", "/bin/sh", "-c", $"cat {PasswordFile}", "nobody")).ExitCode);
        }
    }

    [Fact]
    public async Task The_server_trusts_no_connection_and_keeps_its_socket_folder_to_itself()
    {
        var logins = await dataRoot.NewCluster().EnsureRunningAsync(Ct);

        var rules = File.ReadLines(Path.Combine(dataRoot.Path, "pg", "pg_hba.conf"))
            .Where(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith('#')).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.EndsWith(" scram-sha-256", rule));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(dataRoot.Path, "run")));
        await using var connection = new NpgsqlConnection(logins.Owner);
        await connection.OpenAsync(Ct);
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(connection, "show listen_addresses"));
        Assert.Equal("0700", await ScalarAsync<string>(connection, "show unix_socket_permissions"));
    }

    [Theory]
    [InlineData("update laundertrail.mt_events set data = '{}'")]
    [InlineData("delete from laundertrail.mt_events")]
    [InlineData("truncate laundertrail.mt_events")]
    [InlineData("delete from laundertrail.mt_streams")]
    public async Task The_application_login_imports_and_reads_but_may_not_change_recorded_events(string sql)
    {
        var logins = await dataRoot.NewCluster().EnsureRunningAsync(Ct);
        await using var store = await CaseStore.OpenAsync(logins, ct: Ct);
        Assert.True((await new EvidenceImporter(store, FixedClock.At("2026-11-25T10:00:00Z"))
            .ImportAsync(new JsonLinesText("case.jsonl", Lines.Join(Lines.OneOfEachType)), "investigator-1", ct: Ct)).Accepted);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(store.Db, sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.StartsWith("permission denied for table ", refusal.MessageText);
        var dropGuard = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(store.Db, $"drop trigger {AppendOnlyGuard.RowTrigger} on laundertrail.mt_events"));
        Assert.Equal("must be owner of relation mt_events", dropGuard.MessageText);
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(store), Lines.Case, Ct));
        Assert.Equal(Lines.OneOfEachType.Length, await new CaseHistory(store).ReadAsync(Lines.Case, ct: Ct).CountAsync(Ct));
        Assert.NotNull(await new ApiKeys(store.Documents, TimeProvider.System).AddAsync("desk-1", ApiRole.Investigator, Ct));
        Assert.Equal(Lines.OneOfEachType.Length, (await new FlowProjector(store).RebuildAsync(ct: Ct)).Facts);
        Assert.Equal("laundertrail_app", await ScalarAsync<string>(store.Db, "select current_user"));
    }

    [Fact]
    public async Task The_api_runs_as_the_application_login_on_envelope_tables_the_owner_built()
    {
        var logins = await dataRoot.NewCluster().EnsureRunningAsync(Ct);
        await using var store = await CaseStore.OpenAsync(logins, ct: Ct);
        var key = (await new ApiKeys(store.Documents, TimeProvider.System).AddAsync("desk-1", ApiRole.Investigator, Ct))!;

        await ApiHost.MigrateMessageStorageAsync(store.Logins, store.Schema, Ct);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        ApiHost.Configure(builder, store.Logins, store.Schema);
        await using var host = await AlbaHost.For(builder, app => ApiHost.Map(app));
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var posted = await client.PostAsync($"/cases/{Lines.Case}/events",
            new StringContent(Lines.Join(Lines.OneOfEachType), MediaTypeHeaderValue.Parse("application/x-ndjson")), Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("laundertrail_owner", await ScalarAsync<string>(store.Db,
            "select tableowner::text from pg_tables where schemaname = 'laundertrail' and tablename = 'wolverine_nodes'"));
        Assert.Single(await new AccessLog(store.Documents).ReadAsync(Lines.Case, Ct));
    }

    [Fact]
    public async Task A_trust_cluster_of_an_earlier_version_is_locked_down_on_first_use_with_every_fact_kept()
    {
        var superuser = await TrustClusterOfEarlierVersions.StartAsync(dataRoot.Path, Ct);
        int recordedBefore;
        await using (var old = await CaseStore.OpenAsync(superuser, ct: Ct))
        {
            Assert.True((await new EvidenceImporter(old, FixedClock.At("2026-11-25T10:00:00Z"))
                .ImportAsync(new JsonLinesText("case.jsonl", Lines.Join(Lines.OneOfEachType)), "investigator-1", ct: Ct)).Accepted);
            await new AccessLog(old.Documents).RecordAsync(new CaseAccessed(Lines.Case, "desk-1", "auditor", "GET /cases/{case}/flows",
                new Dictionary<string, string> { ["case"] = Lines.Case }, DateTimeOffset.Parse("2026-11-26T10:00:00Z")), Ct);
            recordedBefore = await new CaseHistory(old).ReadAsync(Lines.Case, ct: Ct).CountAsync(Ct);
        }

        var logins = await dataRoot.NewCluster().EnsureRunningAsync(Ct);
        await using var store = await CaseStore.OpenAsync(logins, ct: Ct);

        Assert.Equal(Lines.OneOfEachType.Length, recordedBefore);
        Assert.Equal(recordedBefore, await new CaseHistory(store).ReadAsync(Lines.Case, ct: Ct).CountAsync(Ct));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(store), Lines.Case, Ct));
        Assert.Single(await new AccessLog(store.Documents).ReadAsync(Lines.Case, Ct));
        Assert.Contains(dataRoot.LogLines, line => line.StartsWith("Locked the private PostgreSQL", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadLines(Path.Combine(dataRoot.Path, "pg", "pg_hba.conf")), line => line.Contains("trust") && !line.StartsWith('#'));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(dataRoot.Path, "run")));
        // The superuser that trust let in before now needs its password like everyone else.
        await Assert.ThrowsAsync<PostgresException>(() => ConnectAsync("127.0.0.1", new NpgsqlConnectionStringBuilder(superuser).Port, "postgres", "not-the-password"));
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(store.Db, "update laundertrail.mt_events set data = '{}'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal("laundertrail_owner", await ScalarAsync<string>(store.Db,
            "select tableowner::text from pg_tables where schemaname = 'laundertrail' and tablename = 'mt_events'"));
        Assert.Equal("laundertrail_owner", await ScalarAsync<string>(store.Db,
            "select nspowner::regrole::text from pg_namespace where nspname = 'laundertrail'"));
    }

    private string PasswordOf(string login) =>
        File.ReadLines(PasswordFile).Select(line => line.Split(':')).Single(fields => fields[3] == login)[4];

    private static async Task ConnectAsync(string host, int port, string login, string password)
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = host, Port = port, Username = login, Password = password, Database = "laundertrail", Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static Task<PrivateClusterCommandRunner.Result> RunAsync(string program, params string[] arguments) =>
        PrivateClusterCommandRunner.RunProcessAsync(program, arguments, Ct);
}
