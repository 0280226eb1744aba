using LaunderTrail.Court;
using Npgsql;

namespace LaunderTrail.Import;

/// <summary>
/// What the event store already holds of the cases an import touches: ids with digests, each case's currency, and
/// each chain's head.
/// </summary>
internal sealed class RecordedFacts
{
    private readonly Dictionary<FactKey, UInt128> _digests = new();
    private readonly Dictionary<string, (long Version, byte[] Chain)> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _currencies = new(StringComparer.Ordinal);

    /// <summary>Adds what is recorded of <paramref name="cases"/>; the caller holds their locks, so it stays true until it commits.</summary>
    public async Task AddAsync(NpgsqlDataSource db, string schema, IReadOnlyCollection<string> cases, CancellationToken ct)
    {
        await using (var command = db.CreateCommand(
            $"select stream_id, data->>'id', headers->>'digest', data->>'currency' from {schema}.mt_events where stream_id = any($1)"))
        {
            command.Parameters.AddWithValue(cases.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var key = FactKey.Of(reader.GetString(0), reader.GetString(1));
                _digests[key] = FactKey.Prefix(Convert.FromHexString(reader.GetString(2)));
                if (!reader.IsDBNull(3)) _currencies.TryAdd(reader.GetString(0), reader.GetString(3));
            }
        }

        await using (var command = db.CreateCommand(HeadsQuery(schema)))
        {
            command.Parameters.AddWithValue(cases.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                _heads[reader.GetString(0)] = (reader.GetInt64(1), Convert.FromHexString(reader.GetString(2)));
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

    public bool TryGetDigest(FactKey key, out UInt128 digest) => _digests.TryGetValue(key, out digest);

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
}
