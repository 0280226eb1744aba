using System.Data;
using LaunderTrail.Court;
using LaunderTrail.Tracing;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace LaunderTrail.Flows;

/// <summary>
/// Each case's flow report under each rule, one row per case and rule, stored beside the <see cref="CaseFlows"/>
/// document in the same transaction, in two forms: <c>written</c>, the report as the interchange format writes it,
/// so a JSON report is answered by reading its bytes; and <c>exact</c>, the report's rows with unrounded figures
/// (and the trail a terminal view draws), serialised. Text, not jsonb: jsonb would reorder the written report's
/// keys, and parsing and compressing tens of megabytes of jsonb per case (a case of a million facts) made
/// storing the read model the slowest step of a rebuild.
/// </summary>
internal static class StoredReports
{
    private const string TableName = "lt_flow_reports";

    public static void Configure(StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("case_id").AsPrimaryKey();
        table.AddColumn<string>("rule").AsPrimaryKey();
        table.AddColumn<long>("last_seq").NotNull();
        // Nullable, as every column added after the table's first version must be: the schema migration cannot add a
        // NOT NULL column to a table that has rows. A row without a generator is never read.
        table.AddColumn<string>("generator");
        table.AddColumn("written", "text").NotNull();
        table.AddColumn("exact", "text").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>
    /// Compresses the reports with lz4 where the server has it: about twice as fast as PostgreSQL's default for
    /// reports of tens of megabytes. Safe to run on every start, and from concurrent processes.
    /// </summary>
    public static async Task UseFastCompressionAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $$"""
              do $$
              begin
                perform pg_advisory_xact_lock(hashtextextended('laundertrail:report-compression:{{schema}}', 0));
                if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals))
                   and exists (select 1 from pg_attribute where attrelid = '{{schema}}.{{TableName}}'::regclass
                               and attname in ('written', 'exact') and attcompression is distinct from 'l') then
                  alter table {{schema}}.{{TableName}} alter column written set compression lz4, alter column exact set compression lz4;
                end if;
              end $$
              """);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <remarks>A row written from more facts is kept: of two refreshes running at once, the later-built one wins.</remarks>
    public static void Store(IDocumentSession session, string schema, string @case, TracingRule rule, long lastSeq,
        string written, string exact) =>
        session.QueueSqlCommand(
            $"insert into {schema}.{TableName} as stored (case_id, rule, last_seq, generator, written, exact) values (?, ?, ?, ?, ?, ?) " +
            "on conflict (case_id, rule) do update set last_seq = excluded.last_seq, generator = excluded.generator, " +
            "written = excluded.written, exact = excluded.exact " +
            "where stored.last_seq <= excluded.last_seq or stored.generator is distinct from excluded.generator",
            @case, TracingRules.Name(rule), lastSeq, GeneratorVersion.Current, written, exact);

    public static void DeleteAll(IDocumentSession session, string schema) =>
        session.QueueSqlCommand($"delete from {schema}.{TableName}");

    /// <returns>The written report (UTF-8) of the case under the rule, if this build wrote it from the facts up to <paramref name="lastSeq"/>.</returns>
    public static Task<byte[]?> ReadWrittenAsync(NpgsqlDataSource db, string schema, string @case, TracingRule rule,
        long lastSeq, CancellationToken ct) =>
        ReadAsync(db, schema, "written", @case, rule, lastSeq, ct);

    /// <returns>The serialised exact report of the case under the rule, if this build wrote it as of <paramref name="lastSeq"/>.</returns>
    public static Task<byte[]?> ReadExactAsync(NpgsqlDataSource db, string schema, string @case, TracingRule rule,
        long lastSeq, CancellationToken ct) =>
        ReadAsync(db, schema, "exact", @case, rule, lastSeq, ct);

    private static async Task<byte[]?> ReadAsync(NpgsqlDataSource db, string schema, string column, string @case,
        TracingRule rule, long lastSeq, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select {column} from {schema}.{TableName} where case_id = $1 and rule = $2 and last_seq = $3 and generator = $4");
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(TracingRules.Name(rule));
        command.Parameters.AddWithValue(lastSeq);
        command.Parameters.AddWithValue(GeneratorVersion.Current);
        // Sequential access streams the value into the array instead of buffering the whole row first: a report
        // can be tens of megabytes.
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) ? await reader.GetFieldValueAsync<byte[]>(0, ct) : null;
    }
}
