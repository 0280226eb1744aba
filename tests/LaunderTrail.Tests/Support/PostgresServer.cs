[assembly: AssemblyFixture(typeof(LaunderTrail.Tests.Support.PostgresServer))]

namespace LaunderTrail.Tests.Support;

/// <summary>
/// The real PostgreSQL the tests run against: LAUNDERTRAIL_DB (CI starts a private server and exports it).
/// Each test class works in a schema of its own (<see cref="StoreFixture"/>).
/// </summary>
public sealed class PostgresServer
{
    public string ConnectionString =>
        Environment.GetEnvironmentVariable("LAUNDERTRAIL_DB") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                "Set LAUNDERTRAIL_DB to a PostgreSQL connection string, or run the tests through `bash .ci/run`, " +
                "which starts a private PostgreSQL and sets it.");
}
