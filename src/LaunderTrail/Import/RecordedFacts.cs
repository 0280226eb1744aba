using LaunderTrail.Court;
using Npgsql;

namespace LaunderTrail.Import;

/// <summary>
/// What the event store already holds of the cases an import touches: each chain's head, each case's currency, and
/// the ids and digests of the recorded facts the import brings again. A case of up to <see cref="LoadedWholeUpTo"/>
/// facts is loaded whole when the import meets it (one query, a few megabytes); a larger one is asked, block by
/// block, about the ids in the block alone (<see cref="LookUpAsync"/>, through the index on fact ids,
/// <see cref="Storage.FactIdIndex"/>), so that adding a statement to a case of millions of facts neither loads them
/// nor grows with them.
/// </summary>
/// <param name="loadedWholeUpTo">The largest case loaded whole; tests lower it to ask about every case block by block.</param>
internal sealed class RecordedFacts(NpgsqlDataSource db, string schema, long loadedWholeUpTo = RecordedFacts.LoadedWholeUpTo)
    : IAsyncDisposable
{
    /// <summary>The largest case whose ids and digests are loaded whole: a few megabytes of them.</summary>
    internal const long LoadedWholeUpTo = 100_000;

    private readonly Dictionary<FactKey, UInt128> _digests = new();
    private readonly Dictionary<string, (long Version, byte[] Chain)> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _currencies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _askedPerBlock = new(StringComparer.Ordinal);
    private readonly Dictionary<FactKey, UInt128> _blockDigests = new();
    private NpgsqlConnection? _lookups;

    /// <summary>Adds what is recorded of <paramref name="case"/>; the caller holds its lock, so it stays true until it commits.</summary>
    public async Task MeetAsync(string @case, CancellationToken ct)
    {
        await using (var command = db.CreateCommand(HeadsQuery(schema)))
        {
            command.Parameters.AddWithValue(new[] { @case });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                _heads[reader.GetString(0)] = (reader.GetInt64(1), Convert.FromHexString(reader.GetString(2)));
        }

        var recorded = HeadOf(@case).Version;
        if (recorded == 0) return;
        await using (var command = db.CreateCommand(
                         $"select data->>'currency' from {schema}.mt_events where stream_id = $1 and data->>'currency' is not null limit 1"))
        {
            command.Parameters.AddWithValue(@case);
            if (await command.ExecuteScalarAsync(ct) is string currency) _currencies[@case] = currency;
        }

        if (recorded > loadedWholeUpTo)
        {
            _askedPerBlock.Add(@case);
            return;
        }

        await using (var command = db.CreateCommand($"select data->>'id', headers->>'digest' from {schema}.mt_events where stream_id = $1"))
        {
            command.Parameters.AddWithValue(@case);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                _digests[FactKey.Of(@case, reader.GetString(0))] = FactKey.Prefix(Convert.FromHexString(reader.GetString(1)));
        }
    }

    /// <summary>
    /// The last event of each case in <c>$1</c>: one step back from the end of the (stream, version) index per case,
    /// never a sort of the cases' events (which, for a case of millions of facts, took longer than a command may wait).
    /// </summary>
    internal static string HeadsQuery(string schema) =>
        $"""
         select c.id, e.version, e.headers->>'chain' from unnest($1::text[]) as c(id)
         join lateral (select version, headers from {schema}.mt_events where stream_id = c.id order by version desc limit 1) e on true
         """;

    /// <summary>
    /// Asks which facts of <paramref name="block"/> are recorded, for the cases too large to load whole: afterwards
    /// <see cref="TryGetDigest"/> answers for this block's facts, until the next block is looked up.
    /// </summary>
    public async Task LookUpAsync(IReadOnlyList<CheckedFact> block, CancellationToken ct)
    {
        _blockDigests.Clear();
        if (_askedPerBlock.Count == 0) return;
        foreach (var perCase in block.Where(f => _askedPerBlock.Contains(f.Case)).GroupBy(f => f.Case, StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand(
                $"select data->>'id', headers->>'digest' from {schema}.mt_events where stream_id = $1 and data->>'id' = any($2)",
                await LookupConnectionAsync(ct));
            command.Parameters.AddWithValue(perCase.Key);
            command.Parameters.AddWithValue(perCase.Select(f => f.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                _blockDigests[FactKey.Of(perCase.Key, reader.GetString(0))] = FactKey.Prefix(Convert.FromHexString(reader.GetString(1)));
        }
    }

    /// <summary>
    /// The connection that asks about ids, set to reach them through the index whatever the table's statistics say:
    /// right after a large import they lag by minutes, and a scan of the whole table per block was chosen.
    /// </summary>
    private async Task<NpgsqlConnection> LookupConnectionAsync(CancellationToken ct)
    {
        if (_lookups is not null) return _lookups;
        _lookups = await db.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("set enable_seqscan = off", _lookups);
        await command.ExecuteNonQueryAsync(ct);
        return _lookups;
    }

    public bool TryGetDigest(FactKey key, out UInt128 digest) =>
        _digests.TryGetValue(key, out digest) || _blockDigests.TryGetValue(key, out digest);

    /// <summary>The currency of the case's recorded money facts (one case has one currency); null when it has none.</summary>
    public string? CurrencyOf(string @case) => _currencies.GetValueOrDefault(@case);

    public (long Version, byte[] Chain) HeadOf(string @case) =>
        _heads.TryGetValue(@case, out var head) ? head : (0, HashChain.Genesis);

    /// <summary>Where a recorded fact came from, to name it in a conflict: its origin line and its evidence source.</summary>
    public static async Task<string> DescribeAsync(NpgsqlDataSource db, string schema, string @case, string id, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select headers->>'origin', data->>'source', correlation_id from {schema}.mt_events " +
            "where stream_id = $1 and data->>'id' = $2 limit 1");
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return "a recorded fact";
        var origin = reader.IsDBNull(0) ? "an earlier import" : reader.GetString(0);
        var source = reader.IsDBNull(1) ? "" : $", source '{reader.GetString(1)}'";
        var batch = reader.IsDBNull(2) ? "" : $", batch {reader.GetString(2)}";
        return $"the fact recorded from {origin}{source}{batch}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_lookups is not null) await _lookups.DisposeAsync();
    }
}
