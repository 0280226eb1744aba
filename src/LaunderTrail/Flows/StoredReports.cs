using System.Data;
using System.IO.Compression;
using System.Text.Json;
using LaunderTrail.Court;
using LaunderTrail.Tracing;
using Marten;
using Microsoft.IO;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace LaunderTrail.Flows;

/// <summary>
/// Each case's flow report and flow graph under each rule, one row per case and rule, stored beside the
/// <see cref="CaseFlows"/> document in the same transaction, in three forms: <c>written</c>, the report as the
/// interchange format writes it, so a JSON report is answered by reading its bytes; <c>exact</c>, the report's rows
/// with unrounded figures (and the trail a terminal view draws), serialised; and <c>graph</c>, the flow graph as the
/// interchange format writes it. Each row names the LaunderTrail build that wrote it, and only
/// rows of the running build are read, so an upgrade that changes tracing or the report's layout never serves what
/// an older build wrote. Each row also names the chain head it was traced from (the last fact's position and chain
/// hash): a row is served only while the case's head is that one, so a report traced from facts that were later
/// altered and restored, or rewritten, is traced again rather than served.
/// </summary>
/// <remarks>
/// All forms are gzip-compressed UTF-8 in bytea columns. jsonb would reorder the written report's keys, and
/// parsing tens of megabytes of jsonb per case (a case of a million facts) made storing the read model the slowest
/// step of a rebuild; as plain text, reading a 56 MiB report back cost PostgreSQL a third of a second in reassembling
/// TOAST chunks alone. Compressed ten to one, it is a few megabytes to store, read and send.
/// </remarks>
internal static class StoredReports
{
    public const string TableName = "lt_stored_reports";

    // The forms are packed into pooled blocks: a growing MemoryStream left the large-object heap some 90 MB of
    // discarded arrays per refresh of a million facts. Only a few refreshes' worth of blocks are kept for reuse.
    private static readonly RecyclableMemoryStreamManager Blocks = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 64L << 20,
        MaximumLargePoolFreeBytes = 0,
    });

    public static void Configure(StoreOptions options, string schema)
    {
        // Columns added after this first version must be nullable: the schema migration cannot add a NOT NULL
        // column to a table that has rows.
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("case_id").AsPrimaryKey();
        table.AddColumn<string>("rule").AsPrimaryKey();
        table.AddColumn<long>("last_seq").NotNull();
        table.AddColumn<string>("generator").NotNull();
        table.AddColumn("written", "bytea").NotNull();
        table.AddColumn("exact", "bytea").NotNull();
        table.AddColumn<string>("head");
        table.AddColumn("graph", "bytea");
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>
    /// Has PostgreSQL store the forms as they are, out of line: they are compressed already, and its own attempt to
    /// compress the tens of megabytes of a large case again took a third of the time it spent storing them. And keeps
    /// the table out of the write-ahead log: its rows are a cache of what the events say, which a read rebuilds when
    /// its row is missing (<see cref="FlowQueries"/>), so after a crash, when PostgreSQL empties an unlogged table,
    /// nothing is lost that the events cannot give back, while logging tens of megabytes per refresh of a large case
    /// cost a rebuild about half a second. The schema migration knows nothing of a column's storage or a table's
    /// logging, so this runs once the table exists; it alters the table only the first time.
    /// </summary>
    public static async Task TuneStorageAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"""
             do $storage$ begin
               if exists (select 1 from pg_attribute where attrelid = '{schema}.{TableName}'::regclass
                          and attname in ('written', 'exact', 'graph') and attstorage <> 'e') then
                 alter table {schema}.{TableName} alter column written set storage external,
                                                  alter column exact set storage external,
                                                  alter column graph set storage external;
               end if;
               if exists (select 1 from pg_class where oid = '{schema}.{TableName}'::regclass and relpersistence <> 'u') then
                 alter table {schema}.{TableName} set unlogged;
               end if;
             end $storage$
             """);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A trace in its three stored forms, compressed; made on the tracing thread, stored later.</summary>
    public static PackedReport Pack(FlowTrace trace) =>
        new(trace.Report,
            Compressed(utf8 => FlowReportJson.Write(trace.Report, utf8)),
            Compressed(utf8 => WriteExact(trace.Report, utf8)),
            Compressed(utf8 => FlowGraphJson.Write(trace.Graph, utf8)));

    /// <remarks>
    /// Through a writer, not the stream overload: only the writer's takes the serialiser's generated fast path, which
    /// wrote the exact report of a million facts in two thirds of the time (the same bytes).
    /// </remarks>
    private static void WriteExact(FlowReport report, Stream utf8)
    {
        using var writer = new Utf8JsonWriter(new StreamBufferWriter(utf8));
        JsonSerializer.Serialize(writer, report, ExactReportJson.Default.FlowReport);
    }

    /// <summary>
    /// Makes the transaction the only one storing the case's reports until it ends. A refresh stores each report as
    /// soon as it is finished, in whichever order the rules finish, so two refreshes of one case could otherwise each
    /// hold the row the other waits for.
    /// </summary>
    public static async Task LockCaseAsync(NpgsqlTransaction transaction, string @case, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select pg_advisory_xact_lock(hashtextextended($1, 0))", transaction.Connection, transaction);
        command.Parameters.AddWithValue("laundertrail:flows:" + @case);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stores the report in the transaction, at once, so the caller can go on tracing while PostgreSQL writes it.</summary>
    /// <remarks>A row written from more facts is kept: of two refreshes running at once, the later-built one wins.</remarks>
    public static async Task StoreAsync(NpgsqlTransaction transaction, string schema, string @case, ChainHead head,
        PackedReport packed, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"insert into {schema}.{TableName} as stored (case_id, rule, last_seq, head, generator, written, exact, graph) " +
            "values ($1, $2, $3, $7, $4, $5, $6, $8) " +
            "on conflict (case_id, rule) do update set last_seq = excluded.last_seq, head = excluded.head, " +
            "generator = excluded.generator, written = excluded.written, exact = excluded.exact, graph = excluded.graph " +
            "where stored.last_seq <= excluded.last_seq or stored.generator <> excluded.generator",
            transaction.Connection, transaction);
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(TracingRules.Name(packed.Report.Rule));
        command.Parameters.AddWithValue(head.Position);
        command.Parameters.AddWithValue(GeneratorVersion.Current);
        command.Parameters.AddWithValue(packed.Written);
        command.Parameters.AddWithValue(packed.Exact);
        command.Parameters.AddWithValue(head.Hash);
        command.Parameters.AddWithValue(packed.Graph);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static void DeleteAll(IDocumentSession session, string schema) =>
        session.QueueSqlCommand($"delete from {schema}.{TableName}");

    /// <summary>
    /// The case's latest stored rows of this build under <paramref name="rules"/>, whatever facts they were traced from,
    /// with the case's last recorded fact, in one statement, so that both are of one moment. Each row says whether the
    /// fact it was traced up to still carries the chain hash it was traced from.
    /// </summary>
    /// <param name="column">"written", "exact" or "graph".</param>
    /// <returns>Null when the case has no recorded facts; the rows found otherwise, in no particular order.</returns>
    public static async Task<LatestForms?> ReadLatestAsync(NpgsqlDataSource db, string schema, string @case,
        IReadOnlyList<TracingRule> rules, string column, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"""
             select s.version, r.rule, r.last_seq, coalesce(r.head = e.headers->>'chain', false), r.{column}
             from {schema}.mt_streams s
             left join {schema}.{TableName} r on r.case_id = s.id and r.rule = any($2) and r.generator = $3
             left join {schema}.mt_events e on e.stream_id = s.id and e.version = r.last_seq
             where s.id = $1 and s.type = 'case_file' and s.version > 0
             """);
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(rules.Select(TracingRules.Name).ToArray());
        command.Parameters.AddWithValue(GeneratorVersion.Current);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct)) return null;
        var recorded = reader.GetInt64(0);
        var rows = new List<LatestForm>(rules.Count);
        do
        {
            if (await reader.IsDBNullAsync(1, ct)) break;
            if (!TracingRules.TryParse(reader.GetString(1), out var rule)) continue;
            var lastSeq = reader.GetInt64(2);
            var intact = reader.GetBoolean(3);
            rows.Add(new LatestForm(rule, lastSeq, intact, await reader.GetFieldValueAsync<byte[]>(4, ct)));
        } while (await reader.ReadAsync(ct));
        return new LatestForms(recorded, rows);
    }

    /// <summary>A stored form, decompressed as it is read.</summary>
    /// <remarks>
    /// Only the compressed bytes are held in memory; the form is decompressed as the caller reads it, so a report of
    /// tens of megabytes is never one array on the large-object heap.
    /// </remarks>
    public static Stream Unpack(byte[] packed) => new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);

    /// <summary>A stored exact report, read back.</summary>
    public static async Task<FlowReport> UnpackExactAsync(byte[] packed, CancellationToken ct)
    {
        await using var exact = Unpack(packed);
        return (await JsonSerializer.DeserializeAsync(exact, ExactReportJson.Default.FlowReport, ct))!;
    }

    private static byte[] Compressed(Action<Stream> write)
    {
        using var packed = Blocks.GetStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            write(gzip);
        return packed.ToArray();
    }
}
