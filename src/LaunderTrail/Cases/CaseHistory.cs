using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LaunderTrail.Concurrency;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Npgsql;

namespace LaunderTrail.Cases;

/// <summary>
/// Reads a case's recorded facts in recording order, straight from the event table, as a stream. Every read checks
/// what it reads before it hands anything on: each stored event against its digest and its link in the hash chain
/// (<see cref="StoredFactSeal"/>, on every core), their places against 1, 2, … up to the case's version. A read that
/// meets an event that is not the one recorded, or a gap, throws <see cref="TamperedCaseException"/> naming it, so
/// nothing is traced or shown from an altered case.
/// </summary>
public sealed class CaseHistory(CaseStore store)
{
    /// <param name="knownAt">Only facts recorded at or before this moment: the case as it was known then.</param>
    /// <exception cref="TamperedCaseException">A stored event is not the one recorded, or one is missing.</exception>
    public async IAsyncEnumerable<RecordedFact> ReadAsync(string @case, DateTimeOffset? knownAt = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (row, fact) in OrderedParallel.MapAsync(StoredFactsAsync(@case, knownAt, withDetails: true, ct),
                           row => Checked(row, digest: true, static data => RecordedFactJson.Read(data)), ct))
        {
            if (Believed(@case, row, fact) is not { } read) continue;
            yield return new RecordedFact(row.Version, HashChain.ParseRecordedAt(row.RecordedAt!), row.RecordedBy, row.Batch,
                row.Origin, row.Digest!, row.Chain!, read);
        }
    }

    /// <summary>Checks every stored event of the case as every read does, without reading the facts into records.</summary>
    /// <param name="position">A position whose chain hash is wanted (a head pinned earlier), or null.</param>
    /// <exception cref="TamperedCaseException">A stored event is not the one recorded, or one is missing.</exception>
    public async Task<CaseCheck> CheckAsync(string @case, long? position, CancellationToken ct)
    {
        ChainHead? head = null, atPosition = null;
        await foreach (var (row, fact) in OrderedParallel.MapAsync(StoredFactsAsync(@case, knownAt: null, withDetails: false, ct),
                           row => Checked(row, digest: true, static _ => ""), ct))
        {
            Believed(@case, row, fact);
            head = new ChainHead(row.Version, row.Chain!);
            if (row.Version == position) atPosition = head;
        }

        return new CaseCheck(head, atPosition);
    }

    /// <summary>
    /// The case's facts in recording order as tracing reads them, and the chain head of the last one read: read,
    /// checked and deserialised on every core, only the fields tracing uses (<see cref="EvidenceJson.ForTracing"/>), and
    /// kept in tracing's compact form (<see cref="TracingFacts"/>) as soon as they arrive in order, so that the records
    /// die young.
    /// </summary>
    /// <param name="knownAt">Only facts recorded at or before this moment: the case as it was known then.</param>
    /// <exception cref="TamperedCaseException">A stored event is not the one recorded, or one is missing.</exception>
    internal async Task<(TracingFacts Facts, ChainHead? Head)> FactsAsync(string @case, DateTimeOffset? knownAt,
        CancellationToken ct)
    {
        var facts = new TracingFacts();
        ChainHead? head = null;
        await foreach (var (row, fact) in OrderedParallel.MapAsync(StoredFactsAsync(@case, knownAt, withDetails: false, ct),
                           row => Checked(row, digest: false, static data => RecordedFactJson.ReadForTracing(data)), ct))
        {
            if (Believed(@case, row, fact) is not { } read) continue;
            facts.Add(read);
            head = new ChainHead(row.Version, row.Chain!);
        }

        return (facts, head);
    }

    /// <summary>What became of a row on the core that checked it: the fact read, or what is wrong with the row.</summary>
    private readonly record struct CheckedRow<T>(T? Fact, string? Problem) where T : class;

    private static CheckedRow<T> Checked<T>(StoredFact row, bool digest, Func<byte[], T> read) where T : class
    {
        if (StoredFactSeal.Problem(row, digest) is { } problem) return new CheckedRow<T>(null, problem);
        if (!row.Wanted) return new CheckedRow<T>(null, null);
        try
        {
            return new CheckedRow<T>(read(row.Data), null);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or InvalidCastException)
        {
            return new CheckedRow<T>(null, $"its stored fact cannot be read: {e.Message}");
        }
    }

    /// <returns>The fact read from the row, or null for a row not wanted (recorded after the moment asked about).</returns>
    /// <exception cref="TamperedCaseException">The row failed its check.</exception>
    private static T? Believed<T>(string @case, StoredFact row, CheckedRow<T> @checked) where T : class =>
        @checked.Problem is { } problem
            ? throw new TamperedCaseException(@case, new VerificationFailure(
                row.Data.Length == 0 ? $"event seq {row.Version}" : $"event seq {row.Version} (id {StoredFactForm.IdOf(row.Data)})",
                problem))
            : @checked.Fact;

    /// <summary>
    /// Every stored event of the case with what is needed to check it, in version order, read in one snapshot with the
    /// case's version. A version out of place is marked on its row, and events missing after the last one stored give
    /// a row of their own, so that the first problem in recording order is the one reported.
    /// </summary>
    /// <param name="knownAt">Rows recorded after this moment are checked but not wanted.</param>
    /// <param name="withDetails">Also who recorded each fact, in which batch, from which line.</param>
    private async IAsyncEnumerable<StoredFact> StoredFactsAsync(string @case, DateTimeOffset? knownAt, bool withDetails,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await store.Db.OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        long? streamVersion;
        await using (var stream = new NpgsqlCommand(
                         $"select version from {store.Schema}.mt_streams where id = $1 and type = 'case_file'", connection, snapshot))
        {
            stream.Parameters.AddWithValue(@case);
            streamVersion = await stream.ExecuteScalarAsync(ct) as long?;
        }

        await InVersionOrderAsync(connection, snapshot, ct);
        await using var command = new NpgsqlCommand(EventsQuery(store.Schema, withDetails), connection, snapshot);
        command.Parameters.AddWithValue(@case);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var expected = 1L;
        string? previousChain = null;
        while (await reader.ReadAsync(ct))
        {
            var version = reader.GetInt64(0);
            var recordedAt = reader.IsDBNull(4) ? null : reader.GetString(4);
            var problem = version != expected ? $"expected seq {expected}: an event is missing or out of place"
                : streamVersion is null ? "the case's stream record, which holds its number of events, is missing"
                : version > streamVersion ? $"the case's stream record says it holds {streamVersion} events: its version was changed"
                : null;
            var wanted = knownAt is null || (recordedAt is not null && HashChain.TryParseRecordedAt(recordedAt) is { } at && at <= knownAt);
            var chain = reader.IsDBNull(3) ? null : reader.GetString(3);
            yield return new StoredFact(version, reader.GetFieldValue<byte[]>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                chain, recordedAt, previousChain, wanted, reader.GetString(5), reader.GetString(6), reader.GetString(7), problem);
            if (problem is not null) yield break;
            previousChain = chain;
            expected++;
        }

        if (streamVersion >= expected)
            yield return new StoredFact(expected, [], null, null, null, previousChain, false, "", "", "",
                $"the case holds {streamVersion} events, but only {expected - 1} are stored: the events from seq {expected} on were removed");
    }

    /// <summary>Every stored event of the case (parameter <c>$1</c>), in version order.</summary>
    internal static string EventsQuery(string schema, bool withDetails)
    {
        var details = withDetails
            ? "coalesce(user_name, ''), coalesce(correlation_id, ''), coalesce(headers->>'origin', '')"
            : "'', '', ''";
        return $"""
                select version, data, headers->>'digest', headers->>'chain', headers->>'recordedAt', {details}
                from {schema}.mt_events where stream_id = $1 order by version
                """;
    }

    /// <summary>
    /// Has PostgreSQL, for the rest of the transaction, give a case's events in version order straight off the
    /// (stream, version) index, as they are read. Left to its statistics, which lag a large import by minutes (the
    /// table is analysed when autovacuum reaches it), it took a case of ten million facts for one of 45,000 and sorted
    /// all of it before giving the first row: longer than a command may wait, and the trace failed.
    /// </summary>
    internal static async Task InVersionOrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("set local enable_sort = off", connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
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

    /// <summary>A recorded fact from its stored JSON (<see cref="RecordedFactJson.Read(string)"/>).</summary>
    public static CaseEvent ReadFact(string json) => RecordedFactJson.Read(json);

    /// <summary>A recorded fact from its stored JSON (<see cref="RecordedFactJson.Read(ReadOnlySpan{byte})"/>).</summary>
    public static CaseEvent ReadFact(ReadOnlySpan<byte> utf8Json) => RecordedFactJson.Read(utf8Json);
}
