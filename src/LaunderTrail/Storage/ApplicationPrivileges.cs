using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// What the application login may do in a schema the owner login migrated: read everything, append events and keep
/// the streams' versions, and write the read models, keys and caches, but never UPDATE, DELETE or TRUNCATE a recorded
/// event, nor DELETE a stream (whose events would go with it). It creates nothing: DDL stays with the owner.
/// </summary>
internal static class ApplicationPrivileges
{
    /// <summary>
    /// Grants the privileges afresh; safe to run on every start, after the migration has created every table. The
    /// advisory lock serialises concurrent starts, whose grants would otherwise fail with "tuple concurrently updated".
    /// </summary>
    public static async Task GrantAsync(NpgsqlDataSource ownerDb, string schema, string applicationRole, CancellationToken ct)
    {
        var role = Quoted(applicationRole);
        await using var connection = await ownerDb.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
             select pg_advisory_xact_lock(hashtextextended('laundertrail:application-privileges:{schema}', 0));
             grant usage on schema {schema} to {role};
             revoke all on all tables in schema {schema} from {role};
             grant select, insert, update, delete on all tables in schema {schema} to {role};
             revoke update, delete on {schema}.mt_events from {role};
             revoke delete on {schema}.mt_streams from {role};
             grant usage, select on all sequences in schema {schema} to {role};
             grant execute on all functions in schema {schema} to {role};
             """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
