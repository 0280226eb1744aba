using System.Text.Json;
using JasperFx.Events;
using Marten.Events;
using Npgsql;

namespace LaunderTrail.Flows;

/// <summary>
/// Writes the <see cref="CaseFactsRecorded"/> notices, inside the transaction that records the facts, so that the
/// projection can never miss a recording that committed, nor see one that did not. Each case has a notice stream of
/// its own, keyed by the case number after <see cref="StreamPrefix"/>: imports of different cases never wait on one
/// row, and no case number can name one (the check refuses case numbers with the prefix).
/// </summary>
public static class RecordingNotices
{
    public const string StreamPrefix = "recorded:";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool IsNoticeKey(string key) => key.StartsWith(StreamPrefix, StringComparison.Ordinal);

    /// <summary>Appends one notice per case, naming the version its stream has now reached.</summary>
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema,
        EventGraph events, IEnumerable<(string Case, long Version)> recorded, DateTimeOffset recordedAt, CancellationToken ct)
    {
        var mapping = events.EventMappingFor(typeof(CaseFactsRecorded));
        var streamType = events.AggregateAliasFor(typeof(CaseRecordings));
        foreach (var (@case, version) in recorded.OrderBy(r => r.Case, StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand(
                $"""
                 with stream as (
                   insert into {schema}.mt_streams as s (id, type, version, timestamp, created, is_archived)
                   values ($1, $2, 1, $3, $3, false)
                   on conflict (id) do update set version = s.version + 1, timestamp = excluded.timestamp
                   returning version)
                 insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
                 select nextval('{schema}.mt_events_sequence'), $4, $1, stream.version, $5::jsonb, $6, $3, $7, $8, false from stream
                 """,
                connection, transaction);
            command.Parameters.AddWithValue(StreamPrefix + @case);
            command.Parameters.AddWithValue(streamType);
            command.Parameters.AddWithValue(recordedAt);
            command.Parameters.AddWithValue(Guid.CreateVersion7(recordedAt));
            command.Parameters.AddWithValue(JsonSerializer.Serialize(new CaseFactsRecorded(@case, version), Json));
            command.Parameters.AddWithValue(mapping.EventTypeName);
            command.Parameters.AddWithValue(JasperFx.StorageConstants.DefaultTenantId);
            command.Parameters.AddWithValue(mapping.DotNetTypeName);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Writes a notice for every case whose facts go beyond its last notice: cases recorded before notices were written,
    /// and any notice a projection could not have seen. A rebuild starts with this, so that it traces every case.
    /// </summary>
    public static async Task CatchUpAsync(NpgsqlDataSource db, string schema, EventGraph events, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var behind = new List<(string Case, long Version)>();
        await using (var command = new NpgsqlCommand(
                         $"""
                          select c.id, c.version from {schema}.mt_streams c
                          where c.type = 'case_file' and c.version > 0 and c.version > coalesce(
                            (select (e.data->>'version')::bigint from {schema}.mt_events e
                             join {schema}.mt_streams n on n.id = e.stream_id and n.version = e.version
                             where n.id = $1 || c.id), 0)
                          order by c.id collate "C"
                          """, connection, transaction))
        {
            command.Parameters.AddWithValue(StreamPrefix);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) behind.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        await AppendAsync(connection, transaction, schema, events, behind, now, ct);
        await transaction.CommitAsync(ct);
    }
}
