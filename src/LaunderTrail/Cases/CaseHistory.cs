using System.Runtime.CompilerServices;
using System.Text.Json;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;

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
                    coalesce(headers->>'origin', ''), headers->>'digest', headers->>'chain', data::text
             from {store.Schema}.mt_events where stream_id = $1 order by version
             """);
        command.Parameters.AddWithValue(@case);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var recordedAt = HashChain.ParseRecordedAt(reader.GetString(1));
            if (knownAt is not null && recordedAt > knownAt) continue;
            yield return new RecordedFact(reader.GetInt64(0), recordedAt, reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), ReadFact(reader.GetString(7)));
        }
    }

    public async Task<IReadOnlyList<CaseEvent>> FactsAsync(string @case, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var facts = new List<CaseEvent>();
        await foreach (var recorded in ReadAsync(@case, knownAt, ct)) facts.Add(recorded.Fact);
        return facts;
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

    public static CaseEvent ReadFact(string json)
    {
        using var document = JsonDocument.Parse(json);
        var typeName = document.RootElement.GetProperty("type").GetString()!;
        if (!EvidenceTypes.TryFind(typeName, out var type))
            throw new InvalidDataException($"The event store holds a fact of unknown type '{typeName}'.");
        return (CaseEvent)document.RootElement.Deserialize(type, EvidenceJson.Options)!;
    }
}
