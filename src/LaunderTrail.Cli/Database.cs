using LaunderTrail.Storage;

namespace LaunderTrail.Cli;

/// <summary>
/// Chooses the database: --db, then LAUNDERTRAIL_DB, then the private cluster started on demand. With a connection
/// string of its own, LAUNDERTRAIL_OWNER_DB names a second login that owns the schema and migrates it, so the first
/// can be one without the right to change recorded events (docs/architecture.md).
/// </summary>
public static class Database
{
    public static async Task<CaseStore> OpenAsync(DatabaseSettings settings, CancellationToken ct) =>
        await CaseStore.OpenAsync(await LoginsAsync(settings, ct), settings.Schema, ct);

    /// <summary>The logins to work and migrate with, the private cluster started when no connection string is given.</summary>
    public static async Task<DatabaseLogins> LoginsAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var connectionString = settings.Db ?? Environment.GetEnvironmentVariable("LAUNDERTRAIL_DB");
        return string.IsNullOrEmpty(connectionString)
            ? await new PrivateCluster(PrivateCluster.DefaultDataRoot(), Diagnostics.Note).EnsureRunningAsync(ct)
            : new DatabaseLogins(connectionString, OwnerConnectionString() ?? connectionString);
    }

    private static string? OwnerConnectionString() =>
        Environment.GetEnvironmentVariable("LAUNDERTRAIL_OWNER_DB") is { Length: > 0 } owner ? owner : null;
}
