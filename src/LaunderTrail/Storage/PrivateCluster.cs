using System.Globalization;
using System.Text;
using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// The "embedded default" database: a PostgreSQL cluster of LaunderTrail's own under the data root, listening only
/// on 127.0.0.1, started on first use and reused by every later run. Every login needs a password that only the user
/// running LaunderTrail can read, and LaunderTrail works as a login that cannot change recorded events
/// (<see cref="PrivateClusterAccess"/>).
/// </summary>
public sealed class PrivateCluster
{
    private const string DatabaseName = "laundertrail";
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const string Loopback = "127.0.0.1";
    private const int ServerLogTailLines = 30;
    // A Unix socket path must fit sun_path: 108 bytes including the terminating NUL.
    private const int MaxSocketPathBytes = 107;
    // Long enough for a concurrent initdb plus pg_ctl's own 60 s start timeout.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(3);

    private readonly string dataRoot;
    private readonly Action<string> log;
    private readonly IReadOnlyList<string> binarySearchDirectories;

    public PrivateCluster(string dataRoot, Action<string>? log = null)
        : this(dataRoot, log, PrivateClusterBinaries.DefaultSearchDirectories())
    {
    }

    internal PrivateCluster(string dataRoot, Action<string>? log, IReadOnlyList<string> binarySearchDirectories)
    {
        this.dataRoot = Path.GetFullPath(dataRoot);
        this.log = log ?? (_ => { });
        this.binarySearchDirectories = binarySearchDirectories;
    }

    /// <summary>$LAUNDERTRAIL_DATA when set, otherwise ~/.laundertrail.</summary>
    public static string DefaultDataRoot()
    {
        var configured = Environment.GetEnvironmentVariable("LAUNDERTRAIL_DATA");
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".laundertrail")
            : configured;
    }

    private string ClusterDirectory => Path.Combine(dataRoot, "pg");
    private string ServerLog => Path.Combine(ClusterDirectory, "server.log");
    private string PostmasterPidFile => Path.Combine(ClusterDirectory, "postmaster.pid");
    private string LockFile => Path.Combine(dataRoot, "pg.lock");
    private string PortFile => Path.Combine(dataRoot, "pg.port");
    private string PasswordFile => Path.Combine(dataRoot, "pgpass");
    private string HbaFile => Path.Combine(ClusterDirectory, "pg_hba.conf");
    private bool IsInitialized => File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"));

    /// <summary>
    /// Starts the cluster unless it runs already, locks down one that an earlier version left open, and returns the
    /// logins to its "laundertrail" database.
    /// </summary>
    public async Task<DatabaseLogins> EnsureRunningAsync(CancellationToken ct = default)
    {
        var binaries = PrivateClusterBinaries.Locate(binarySearchDirectories);
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(dataRoot);
        else
            Directory.CreateDirectory(dataRoot, OwnerOnlyDirectory);
        using var clusterLock = await PrivateClusterLock.AcquireAsync(LockFile, LockTimeout, ct);

        var runner = new PrivateClusterCommandRunner(await PrivateClusterServiceUser.ChooseAsync(ct));
        // Only a root LaunderTrail gets a service user, and root exists only on Unix.
        if (runner.ServiceUser is { } serviceUser && !OperatingSystem.IsWindows())
            PrivateClusterServiceUser.MakeReachable(serviceUser, dataRoot, log);

        var passwords = PrivateClusterPasswords.LoadOrCreate(PasswordFile, PrivateClusterAccess.Roles);
        if (!IsInitialized)
            await InitializeAsync(binaries, runner, passwords, ct);

        int port;
        if (await IsRunningAsync(binaries, runner, ct))
        {
            port = RunningPort();
            // A server an earlier version started keeps running, but the folder of its socket is closed now.
            await PrepareSocketDirectoryAsync(runner, ct);
            log($"Reusing private PostgreSQL on {Loopback}:{port}");
        }
        else
        {
            port = await StartAsync(binaries, runner, ct);
        }

        await PrivateClusterAccess.SecureAsync(
            ConnectionString(port, PrivateClusterAccess.Superuser, "postgres", pooling: false), DatabaseName, passwords, HbaFile, log, ct);
        return new DatabaseLogins(
            ConnectionString(port, PrivateClusterAccess.ApplicationRole, DatabaseName, pooling: true),
            ConnectionString(port, PrivateClusterAccess.OwnerRole, DatabaseName, pooling: true));
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (!IsInitialized)
            return;

        var binaries = PrivateClusterBinaries.Locate(binarySearchDirectories);
        using var clusterLock = await PrivateClusterLock.AcquireAsync(LockFile, LockTimeout, ct);
        var runner = new PrivateClusterCommandRunner(await PrivateClusterServiceUser.ChooseAsync(ct));
        if (!await IsRunningAsync(binaries, runner, ct))
            return;

        var port = RunningPort();
        log($"Stopping private PostgreSQL on {Loopback}:{port}");
        var stop = await runner.RunAsync(binaries.PgCtl, ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], ct);
        if (stop.ExitCode != 0)
            throw Failure("pg_ctl could not stop", stop);

        // Pooled connections point at the stopped server; without this a restart would hand out dead ones.
        foreach (var role in new[] { PrivateClusterAccess.ApplicationRole, PrivateClusterAccess.OwnerRole })
        {
            using var pooled = new NpgsqlConnection(ConnectionString(port, role, DatabaseName, pooling: true));
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    private async Task InitializeAsync(PrivateClusterBinaries binaries, PrivateClusterCommandRunner runner,
        PrivateClusterPasswords passwords, CancellationToken ct)
    {
        log($"Initializing private PostgreSQL in {ClusterDirectory}{AsServiceUser(runner)}");
        Directory.CreateDirectory(ClusterDirectory);
        // initdb reads the superuser's password from a file; it exists, readable by the server's user alone, only
        // while initdb runs.
        var superuserPasswordFile = Path.Combine(dataRoot, "initdb.pw");
        PrivateClusterPasswords.WriteSecretFile(superuserPasswordFile, passwords.For(PrivateClusterAccess.Superuser));
        try
        {
            if (runner.ServiceUser is { } serviceUser)
            {
                await PrivateClusterServiceUser.GiveOwnershipAsync(serviceUser, ClusterDirectory, ct);
                await PrivateClusterServiceUser.GiveOwnershipAsync(serviceUser, superuserPasswordFile, ct);
            }

            var initdb = await runner.RunAsync(binaries.InitDb,
            [
                "-D", ClusterDirectory, "-U", PrivateClusterAccess.Superuser, "--pwfile", superuserPasswordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--no-locale",
            ], ct);
            if (initdb.ExitCode != 0)
                throw Failure("initdb failed", initdb);
        }
        finally
        {
            File.Delete(superuserPasswordFile);
        }

        PrivateClusterAccess.WriteHostBasedAuthentication(HbaFile);
    }

    private async Task<bool> IsRunningAsync(PrivateClusterBinaries binaries, PrivateClusterCommandRunner runner, CancellationToken ct)
    {
        var status = await runner.RunAsync(binaries.PgCtl, ["-D", ClusterDirectory, "status"], ct);
        return status.ExitCode switch
        {
            0 => true,
            // pg_ctl status exits with 3 when no server runs in the data directory.
            3 => false,
            _ => throw Failure("pg_ctl could not tell whether the server runs", status),
        };
    }

    private async Task<int> StartAsync(PrivateClusterBinaries binaries, PrivateClusterCommandRunner runner, CancellationToken ct)
    {
        var port = new PrivateClusterPort(PortFile, log).ChooseForStart();
        var socketDirectory = await PrepareSocketDirectoryAsync(runner, ct);
        log($"Starting private PostgreSQL in {ClusterDirectory} on {Loopback}:{port}{AsServiceUser(runner)}");

        // pg_ctl hands these options to /bin/sh, hence the quoting of the one path among them. The sizing is given on every
        // start, so a cluster an earlier version made gets it too, the next time LaunderTrail starts it.
        var sizing = string.Concat(PrivateClusterSettings.For(PrivateClusterSettings.MachineMemory()).Select(s => $" -c {s.Name}={s.Value}"));
        var serverOptions = $"-p {port} -c listen_addresses={Loopback} -c max_connections=100 "
            + $"-c unix_socket_directories={PrivateClusterCommandRunner.ShellQuote(socketDirectory)} -c unix_socket_permissions=0700"
            + sizing;
        var start = await runner.RunAsync(
            binaries.PgCtl, ["-D", ClusterDirectory, "-l", ServerLog, "-o", serverOptions, "-w", "start"], ct);
        if (start.ExitCode != 0)
            throw Failure("pg_ctl could not start the server", start);

        return port;
    }

    private async Task<string> PrepareSocketDirectoryAsync(PrivateClusterCommandRunner runner, CancellationToken ct)
    {
        var socketDirectory = Path.Combine(dataRoot, "run");
        var longestSocketPath = Path.Combine(socketDirectory, ".s.PGSQL.65535");
        if (Encoding.UTF8.GetByteCount(longestSocketPath) > MaxSocketPathBytes)
            return "/tmp";

        // Only the server's user may enter the folder of its socket; earlier versions left it open to everyone.
        Directory.CreateDirectory(socketDirectory);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(socketDirectory, OwnerOnlyDirectory);
        if (runner.ServiceUser is { } serviceUser)
            await PrivateClusterServiceUser.GiveOwnershipAsync(serviceUser, socketDirectory, ct);
        return socketDirectory;
    }

    // The fourth line of postmaster.pid is the port the running server listens on.
    private int RunningPort() =>
        int.Parse(File.ReadLines(PostmasterPidFile).ElementAt(3), CultureInfo.InvariantCulture);

    private string ConnectionString(int port, string role, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Loopback,
            Port = port,
            Username = role,
            Database = database,
            Passfile = PasswordFile,
            Pooling = pooling,
        }.ConnectionString;

    private static string AsServiceUser(PrivateClusterCommandRunner runner) =>
        runner.ServiceUser is { } serviceUser ? $" as the '{serviceUser}' user (PostgreSQL refuses to run as root)" : "";

    private PrivateClusterException Failure(string what, PrivateClusterCommandRunner.Result result)
    {
        var serverLog = File.Exists(ServerLog)
            ? string.Join('\n', File.ReadLines(ServerLog).TakeLast(ServerLogTailLines))
            : "(none yet)";
        return new PrivateClusterException(
            $"{what} (exit code {result.ExitCode}) for the private PostgreSQL in {ClusterDirectory}:\n{result.Output}\n"
            + $"Last lines of {ServerLog}:\n{serverLog}");
    }
}
