using Npgsql;

namespace LaunderTrail.Storage;

/// <summary>
/// Makes the event table append-only in the database itself: a row trigger refuses UPDATE and DELETE, and a
/// statement trigger refuses TRUNCATE (row triggers never see it). Appends, COPY and reads are untouched. The
/// table's owner or a superuser can still drop the triggers; the hash chain is what catches such an edit.
/// </summary>
public static class AppendOnlyGuard
{
    public const string RowTrigger = "laundertrail_events_append_only";
    public const string TruncateTrigger = "laundertrail_events_no_truncate";

    /// <summary>Creates or replaces the guard; safe to run on every start and from concurrent processes.</summary>
    public static async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(Sql(schema), connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    // The advisory lock serialises concurrent starts: two sessions replacing one function at once fail with
    // "tuple concurrently updated".
    private static string Sql(string schema) =>
        $$"""
          select pg_advisory_xact_lock(hashtextextended('laundertrail:append-only-guard:{{schema}}', 0));

          create or replace function {{schema}}.laundertrail_refuse_event_change() returns trigger
          language plpgsql as $guard$
          begin
            raise exception 'recorded events are append-only: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
              using errcode = 'insufficient_privilege',
                    hint = 'Record a correction instead (an EventRetracted fact); history is never edited.';
          end
          $guard$;

          create or replace trigger {{RowTrigger}}
            before update or delete on {{schema}}.mt_events
            for each row execute function {{schema}}.laundertrail_refuse_event_change();

          create or replace trigger {{TruncateTrigger}}
            before truncate on {{schema}}.mt_events
            for each statement execute function {{schema}}.laundertrail_refuse_event_change();
          """;
}
