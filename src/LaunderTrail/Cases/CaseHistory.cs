using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LaunderTrail.Concurrency;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;

namespace LaunderTrail.Cases;

/// <summary>Reads a case's recorded facts in recording order, straight from the event table, as a stream.</summary>
public sealed class CaseHistory(CaseStore store)
{
    /// <param name="knownAt">Only facts recorded at or before this moment: the case as it was known then.</param>
    public async IAsyncEnumerable<RecordedFact> ReadAsync(string @case, DateTimeOffset? knownAt = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = store.Db.CreateCommand(
            $"""
             select version, headers->>'recordedAt', coalesce(user_name, ''), coalesce(correlation_id, ''),
                    coalesce(headers->>'origin', ''), headers->>'digest', headers->>'chain', data
             from {store.Schema}.mt_events where stream_id = $1 order by version
             """);
        command.Parameters.AddWithValue(@case);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var recordedAt = HashChain.ParseRecordedAt(reader.GetString(1));
            if (knownAt is not null && recordedAt > knownAt) continue;
            yield return new RecordedFact(reader.GetInt64(0), recordedAt, reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), ReadFact(reader.GetFieldValue<byte[]>(7)));
        }
    }

    /// <summary>
    /// The case's facts in recording order as tracing reads them, and the version of the last one read: read and
    /// deserialised on every core, only the fields tracing uses (<see cref="EvidenceJson.ForTracing"/>), and kept in
    /// tracing's compact form (<see cref="TracingFacts"/>) as soon as they arrive in order, so that the records die young.
    /// </summary>
    /// <param name="knownAt">Only facts recorded at or before this moment: the case as it was known then.</param>
    internal async Task<(TracingFacts Facts, long LastVersion)> FactsAsync(string @case, DateTimeOffset? knownAt,
        CancellationToken ct)
    {
        var facts = new TracingFacts();
        long lastVersion = 0;
        await foreach (var ((version, _), fact) in OrderedParallel.MapAsync(RawFactsAsync(@case, knownAt, ct), row => ReadTracingFact(row.Data), ct))
        {
            facts.Add(fact);
            lastVersion = version;
        }

        return (facts, lastVersion);
    }

    private async IAsyncEnumerable<(long Version, byte[] Data)> RawFactsAsync(string @case, DateTimeOffset? knownAt,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var recordedAt = knownAt is null ? "null" : "headers->>'recordedAt'";
        await using var command = store.Db.CreateCommand(
            $"select version, data, {recordedAt} from {store.Schema}.mt_events where stream_id = $1 order by version");
        command.Parameters.AddWithValue(@case);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (knownAt is not null && HashChain.ParseRecordedAt(reader.GetString(2)) > knownAt) continue;
            yield return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }
    }

    /// <summary>The case numbers in the store, sorted.</summary>
    public async Task<IReadOnlyList<string>> CasesAsync(CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand($"select id from {store.Schema}.mt_streams where type = 'case_file' order by id collate \"C\"");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cases = new List<string>();
        while (await reader.ReadAsync(ct)) cases.Add(reader.GetString(0));
        return cases;
    }

    public static CaseEvent ReadFact(string json) => ReadFact(Encoding.UTF8.GetBytes(json));

    /// <summary>A recorded fact from its stored JSON: the type named in it, then the fact as that type.</summary>
    public static CaseEvent ReadFact(ReadOnlySpan<byte> utf8Json) => ReadFact(utf8Json, EvidenceJson.Options);

    /// <summary>A recorded fact as tracing reads it (<see cref="EvidenceJson.ForTracing"/>).</summary>
    internal static CaseEvent ReadTracingFact(ReadOnlySpan<byte> utf8Json) => ReadFact(utf8Json, EvidenceJson.ForTracing);

    private static CaseEvent ReadFact(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options) =>
        (CaseEvent)JsonSerializer.Deserialize(utf8Json, TypeOf(utf8Json), options)!;

    /// <summary>The record a stored fact's type names, found without allocating the name: it is read for every fact.</summary>
    private static Type TypeOf(ReadOnlySpan<byte> utf8Json)
    {
        Span<char> name = stackalloc char[64];
        var reader = new Utf8JsonReader(utf8Json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                var known = !reader.HasValueSequence && reader.ValueSpan.Length <= name.Length
                    ? EvidenceTypes.TryFind(name[..reader.CopyString(name)], out var type)
                    : EvidenceTypes.TryFind(reader.GetString()!, out type);
                return known ? type : throw new InvalidDataException($"The event store holds a fact of unknown type '{reader.GetString()}'.");
            }

            reader.Skip();
        }

        throw new InvalidDataException("The event store holds a fact without a type.");
    }
}
