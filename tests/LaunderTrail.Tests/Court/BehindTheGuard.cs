using System.Security.Cryptography;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;

namespace LaunderTrail.Tests.Court;

/// <summary>
/// What a database superuser can do to recorded events with the append-only guard switched off: edit rows, and
/// recompute digests and chain hashes so that the edit is consistent with itself.
/// </summary>
internal sealed class BehindTheGuard(CaseStore store)
{
    /// <summary>Runs SQL on the event tables (<c>{schema}</c> stands for the store's schema) with the guard switched off.</summary>
    public async Task EditAsync(string sql, CancellationToken ct)
    {
        var schema = store.Schema;
        await using var command = store.Db.CreateCommand(
            $"alter table {schema}.mt_events disable trigger {AppendOnlyGuard.RowTrigger}; {sql.Replace("{schema}", schema)}; " +
            $"alter table {schema}.mt_events enable trigger {AppendOnlyGuard.RowTrigger};");
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The case's event rows as stored (version, data and headers as text), to put back later.</summary>
    public async Task<IReadOnlyList<(long Version, string Data, string Headers)>> SaveAsync(string @case, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(
            $"select version, data::text, headers::text from {store.Schema}.mt_events where stream_id = $1 order by version");
        command.Parameters.AddWithValue(@case);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(long, string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    /// <summary>Puts saved rows back as they were.</summary>
    public async Task RestoreAsync(string @case, IReadOnlyList<(long Version, string Data, string Headers)> rows, CancellationToken ct)
    {
        foreach (var (version, data, headers) in rows)
            await EditAsync(
                $"update {{schema}}.mt_events set data = '{data.Replace("'", "''")}'::jsonb, headers = '{headers.Replace("'", "''")}'::jsonb " +
                $"where stream_id = '{@case}' and version = {version}", ct);
    }

    /// <summary>
    /// Recomputes every digest and chain hash of the case from its stored facts, as the import would have written them
    /// for these facts: what an attacker who knows the chain's rules does after editing a fact.
    /// </summary>
    public async Task RechainAsync(string @case, CancellationToken ct)
    {
        var previous = HashChain.Genesis;
        var updates = new List<string>();
        await using (var command = store.Db.CreateCommand(
                         $"select version, data::text, headers->>'recordedAt' from {store.Schema}.mt_events where stream_id = $1 order by version"))
        {
            command.Parameters.AddWithValue(@case);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var version = reader.GetInt64(0);
                var canonical = CanonicalFact.Bytes(CaseHistory.ReadFact(reader.GetString(1)));
                previous = HashChain.Next(previous, HashChain.RecordBytes(version, HashChain.ParseRecordedAt(reader.GetString(2)), canonical));
                updates.Add(
                    $"update {{schema}}.mt_events set headers = headers || jsonb_build_object('digest', '{HashChain.Hex(SHA256.HashData(canonical))}', " +
                    $"'chain', '{HashChain.Hex(previous)}') where stream_id = '{@case}' and version = {version}");
            }
        }

        await EditAsync(string.Join("; ", updates), ct);
    }

    public async Task SqlAsync(string sql, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(sql.Replace("{schema}", store.Schema));
        await command.ExecuteNonQueryAsync(ct);
    }
}
