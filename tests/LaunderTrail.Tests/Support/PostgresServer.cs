using LaunderTrail.Storage;

[assembly: AssemblyFixture(typeof(LaunderTrail.Tests.Support.PostgresServer))]

namespace LaunderTrail.Tests.Support;

/// <summary>
/// The real PostgreSQL the tests run against: LAUNDERTRAIL_DB when set (CI starts a throw-away server and
/// sets it), else LaunderTrail's own private cluster under $LAUNDERTRAIL_DATA or ~/.laundertrail, as the login that
/// owns its schemas (the tests create and drop schemas of their own).
/// Each test class works in a schema of its own (<see cref="StoreFixture"/>).
/// </summary>
public sealed class PostgresServer
{
    private readonly Lazy<string> _connectionString = new(() =>
        Environment.GetEnvironmentVariable("LAUNDERTRAIL_DB") is { Length: > 0 } configured
            ? configured
            : new PrivateCluster(PrivateCluster.DefaultDataRoot()).EnsureRunningAsync().GetAwaiter().GetResult().Owner);

    public string ConnectionString => _connectionString.Value;
}
