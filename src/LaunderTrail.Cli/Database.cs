using LaunderTrail.Storage;

namespace LaunderTrail.Cli;

/// <summary>Chooses the database: --db, then LAUNDERTRAIL_DB, then the private cluster started on demand.</summary>
public static class Database
{
    public static async Task<CaseStore> OpenAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var connectionString = settings.Db ?? Environment.GetEnvironmentVariable("LAUNDERTRAIL_DB");
        if (string.IsNullOrEmpty(connectionString))
            connectionString = await new PrivateCluster(PrivateCluster.DefaultDataRoot(), Diagnostics.Note).EnsureRunningAsync(ct);
        return await CaseStore.OpenAsync(connectionString, settings.Schema, ct);
    }
}
