using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// An index on the event table by case and fact id, so that an import asks whether a fact is recorded, and a conflict
/// names the recorded fact, without reading the case: for a case of millions of facts, adding a statement loaded
/// every recorded id first. Marten does not declare indexes on its event table; it is told to leave this one alone
/// (<see cref="EvidenceStore"/>), and it is built here, on the first start of a build that has it (5 s at a million
/// recorded facts, 27 s at ten, writes to the table waiting meanwhile).
/// </summary>
public static class FactIdIndex
{
    public const string Name = "laundertrail_events_fact_id";

    /// <summary>Creates the index unless it exists; safe to run on every start and from concurrent processes.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            $"""
             select pg_advisory_xact_lock(hashtextextended('laundertrail:fact-id-index:{schema}', 0));
             create index if not exists {Name} on {schema}.mt_events (stream_id, (data->>'id'));
             """, connection, transaction);
        // Building it on a table of ten million facts took 27 s here, near the default 30 s a command may take: a
        // start that timed out would fail the same way on every later start.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
