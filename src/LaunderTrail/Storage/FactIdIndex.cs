using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// A unique index on the event table by case and fact id. It lets an import ask whether a fact is recorded, and a
/// conflict name the recorded fact, without reading the case (for a case of millions of facts, adding a statement
/// loaded every recorded id first); and, being unique, it has PostgreSQL refuse a fact written twice into one case,
/// so an import need not remember every fact of its source to find the repeats in it (<see cref="Import.EvidenceImporter"/>).
/// Marten does not declare indexes on its event table; it is told to leave this one alone (<see cref="EvidenceStore"/>),
/// and it is built here, on the first start of a build that has it (5 s at a million recorded facts, 27 s at ten,
/// writes to the table waiting meanwhile). Events without an id (recording notices, access logs) are not constrained.
/// </summary>
public static class FactIdIndex
{
    public const string Name = "laundertrail_events_fact_id";

    /// <summary>
    /// Makes the index unique, building it or replacing the plain index of earlier builds; safe to run on every start
    /// and from concurrent processes. The unique index is built beside the old one (writes to the table wait, reads do
    /// not) and takes its place in the same transaction, so reads wait only for the swap. A table that already holds one
    /// fact id twice in a case (written by hand: every import refuses it) keeps a plain index, marked so that later
    /// starts do not try again, and imports then find repeats themselves (<see cref="IsUniqueAsync"/>).
    /// </summary>
    public static async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await RunAsync(connection, $"select pg_advisory_xact_lock(hashtextextended('laundertrail:fact-id-index:{schema}', 0))", ct);
        if (await IsUniqueAsync(connection, schema, ct) == true || await IsKeptPlainAsync(connection, schema, ct))
            return;

        await RunAsync(connection, "savepoint unique_fact_ids", ct);
        try
        {
            await RunAsync(connection,
                $"create unique index {Name}_unique on {schema}.mt_events (stream_id, (data->>'id')); " +
                $"drop index if exists {schema}.{Name}; alter index {schema}.{Name}_unique rename to {Name}", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await RunAsync(connection, "rollback to savepoint unique_fact_ids", ct);
            await RunAsync(connection,
                $"create index if not exists {Name} on {schema}.mt_events (stream_id, (data->>'id')); " +
                $"comment on index {schema}.{Name} is '{KeptPlain}'", ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The comment of an index left plain because the table holds a fact id twice in a case.</summary>
    private const string KeptPlain = "laundertrail: kept plain, a fact id stands twice in a case";

    private static async Task<bool> IsKeptPlainAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select obj_description(to_regclass($1), 'pg_class')", connection);
        command.Parameters.AddWithValue($"{schema}.{Name}");
        return await command.ExecuteScalarAsync(ct) is KeptPlain;
    }

    /// <summary>Whether the index is unique; null when there is none.</summary>
    public static async Task<bool?> IsUniqueAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            select i.indisunique from pg_index i
            join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relname = $2
            """, connection);
        command.Parameters.AddWithValue(schema);
        command.Parameters.AddWithValue(Name);
        return await command.ExecuteScalarAsync(ct) as bool?;
    }

    /// <summary>Whether a write failed because it would have put one fact id twice into a case.</summary>
    public static bool IsRepeatedFact(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: Name };

    private static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        // Building the index on a table of ten million facts took 27 s here, near the default 30 s a command may take:
        // a start that timed out would fail the same way on every later start.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
