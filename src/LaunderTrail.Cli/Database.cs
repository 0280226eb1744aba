using LaunderTrail.Storage;

namespace LaunderTrail.Cli;

/// <summary>Chooses the database: --db, then LAUNDERTRAIL_DB.</summary>
public static class Database
{
    public static async Task<CaseStore> OpenAsync(DatabaseSettings settings, CancellationToken ct)
    {
        var connectionString = settings.Db ?? Environment.GetEnvironmentVariable("LAUNDERTRAIL_DB");
        if (string.IsNullOrEmpty(connectionString))
            throw new InvalidOperationException("No database: give --db or set LAUNDERTRAIL_DB.");
        return await CaseStore.OpenAsync(connectionString, settings.Schema, ct);
    }
}
