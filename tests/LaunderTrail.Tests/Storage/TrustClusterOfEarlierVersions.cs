using LaunderTrail.Storage;
using Npgsql;

namespace LaunderTrail.Tests.Storage;

/// <summary>
/// A private cluster as LaunderTrail made them before it locked them down: initdb with trust authentication, one
/// superuser, a socket folder open to everyone, and the database and everything in it created by the superuser.
/// </summary>
internal static class TrustClusterOfEarlierVersions
{
    /// <returns>The superuser's connection string to the "laundertrail" database; no password needed.</returns>
    public static async Task<string> StartAsync(string dataRoot, CancellationToken ct)
    {
        var binaries = PrivateClusterBinaries.Locate(PrivateClusterBinaries.DefaultSearchDirectories());
        var clusterDirectory = Path.Combine(dataRoot, "pg");
        var socketDirectory = Path.Combine(dataRoot, "run");
        Directory.CreateDirectory(clusterDirectory);
        Directory.CreateDirectory(socketDirectory);
        var runner = new PrivateClusterCommandRunner(await PrivateClusterServiceUser.ChooseAsync(ct));
        if (runner.ServiceUser is { } serviceUser && !OperatingSystem.IsWindows())
        {
            PrivateClusterServiceUser.MakeReachable(serviceUser, dataRoot, _ => { });
            await PrivateClusterServiceUser.GiveOwnershipAsync(serviceUser, clusterDirectory, ct);
            await PrivateClusterServiceUser.GiveOwnershipAsync(serviceUser, socketDirectory, ct);
        }

        await RunAsync(runner, binaries.InitDb, ["-D", clusterDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], ct);
        var port = new PrivateClusterPort(Path.Combine(dataRoot, "pg.port"), _ => { }).ChooseForStart();
        await RunAsync(runner, binaries.PgCtl,
        [
            "-D", clusterDirectory, "-l", Path.Combine(clusterDirectory, "server.log"), "-w", "start",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={PrivateClusterCommandRunner.ShellQuote(socketDirectory)}",
        ], ct);

        var server = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand("create database laundertrail", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        server.Database = "laundertrail";
        return server.ConnectionString;
    }

    private static async Task RunAsync(PrivateClusterCommandRunner runner, string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var result = await runner.RunAsync(program, arguments, ct);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed: {result.Output}");
    }
}
