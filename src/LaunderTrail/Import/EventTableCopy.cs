using JasperFx.Events;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace LaunderTrail.Import;

/// <summary>
/// Writes an import's new facts into Marten's event tables with PostgreSQL's binary COPY, inside the import's
/// transaction. Marten's own bulk append serialises every event again; here the data column receives the
/// canonical bytes the checking pass already made and the headers are written once, so the write costs little
/// more than the COPY itself. The rows are the ones Marten writes (its event type names, stream rows, sequence),
/// so Marten reads them as its own.
/// </summary>
internal static class EventTableCopy
{
    /// <summary>Sequence numbers are taken a block at a time; a COPY cannot be interrupted by a query on its connection.</summary>
    private const int SequenceBlock = 50_000;

    private const string Columns =
        "seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, correlation_id, headers, user_name";

    public static async Task WriteAsync(NpgsqlConnection connection, string schema, EventGraph events, WriteBatch batch,
        CancellationToken ct)
    {
        var streams = batch.Streams();
        await WriteStreamsAsync(connection, schema, events, streams, batch.RecordedAt, ct);

        var mappings = EvidenceTypes.All.ToDictionary(EvidenceTypes.NameOf, events.EventMappingFor, StringComparer.Ordinal);
        var sequences = new Queue<long>(SequenceBlock);
        var unreserved = streams.Sum(s => s.Adding);
        NpgsqlBinaryImporter? copy = null;
        try
        {
            foreach (var (fact, version, meta) in batch.NewFacts())
            {
                if (sequences.Count == 0)
                {
                    if (copy is not null)
                    {
                        await copy.CompleteAsync(ct);
                        await copy.DisposeAsync();
                        copy = null;
                    }

                    var block = (int)Math.Min(unreserved, SequenceBlock);
                    await ReserveSequencesAsync(connection, schema, sequences, block, ct);
                    unreserved -= block;
                }

                copy ??= await connection.BeginBinaryImportAsync($"copy {schema}.mt_events ({Columns}) from stdin (format binary)", ct);
                var mapping = mappings[fact.Type];
                copy.StartRow();
                copy.Write(sequences.Dequeue(), NpgsqlDbType.Bigint);
                copy.Write(Guid.CreateVersion7(batch.RecordedAt), NpgsqlDbType.Uuid);
                copy.Write(fact.Case, NpgsqlDbType.Varchar);
                copy.Write(version, NpgsqlDbType.Bigint);
                copy.Write(fact.Canonical, NpgsqlDbType.Jsonb);
                copy.Write(mapping.EventTypeName, NpgsqlDbType.Varchar);
                copy.Write(batch.RecordedAt, NpgsqlDbType.TimestampTz);
                copy.Write(JasperFx.StorageConstants.DefaultTenantId, NpgsqlDbType.Varchar);
                copy.Write(mapping.DotNetTypeName, NpgsqlDbType.Varchar);
                copy.Write(false, NpgsqlDbType.Boolean);
                copy.Write(batch.BatchId, NpgsqlDbType.Varchar);
                copy.Write(meta.HeadersJson(), NpgsqlDbType.Jsonb);
                copy.Write(batch.RecordedBy, NpgsqlDbType.Varchar);
            }

            if (copy is not null) await copy.CompleteAsync(ct);
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }
    }

    /// <summary>
    /// Creates the streams of new cases and moves existing ones to their new version, before the events that
    /// reference them. The case locks the import holds keep other writers off these streams meanwhile.
    /// </summary>
    private static async Task WriteStreamsAsync(NpgsqlConnection connection, string schema, EventGraph events,
        IReadOnlyList<(string Case, long Head, long Adding)> streams, DateTimeOffset recordedAt, CancellationToken ct)
    {
        var streamType = events.AggregateAliasFor(typeof(CaseFile));
        foreach (var (@case, head, adding) in streams)
        {
            await using var command = new NpgsqlCommand(head == 0
                ? $"insert into {schema}.mt_streams (id, type, version, timestamp, created, is_archived) values ($1, $2, $3, $4, $4, false)"
                : $"update {schema}.mt_streams set version = $3, timestamp = $4 where id = $1 and type = $2 and version = $5",
                connection);
            command.Parameters.AddWithValue(@case);
            command.Parameters.AddWithValue(streamType);
            command.Parameters.AddWithValue(head + adding);
            command.Parameters.AddWithValue(recordedAt);
            if (head > 0) command.Parameters.AddWithValue(head);
            if (await command.ExecuteNonQueryAsync(ct) != 1)
                throw new InvalidOperationException(
                    $"The stream '{@case}' is not a case file at version {head}, the last version its facts show.");
        }
    }

    private static async Task ReserveSequencesAsync(NpgsqlConnection connection, string schema, Queue<long> sequences,
        int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select nextval('{schema}.mt_events_sequence') from generate_series(1, {count})", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) sequences.Enqueue(reader.GetInt64(0));
    }
}
