using Marten;
using Marten.Services;

namespace LaunderTrail.Access;

/// <summary>
/// Each case's access log: a Marten event stream of its own (<see cref="AccessLogFile.StreamKey"/>), chained
/// (<see cref="AccessChain"/>) and covered by the append-only guard on the event table like the evidence. The list
/// access log (<see cref="AccessLogFile.ListsStreamKey"/>) records, the same way, the figures of several cases shown
/// at once.
/// </summary>
public sealed class AccessLog(IDocumentStore documents)
{
    private const string ChainHeader = "chain";

    private string Schema => documents.Options.Events.DatabaseSchemaName;

    public Task RecordAsync(CaseAccessed access, CancellationToken ct = default) =>
        AppendAsync(AccessLogFile.StreamKey(access.Case), access, (head, seq) => AccessChain.Next(head, seq, access), ct);

    /// <summary>Records per-case figures shown outside a case read, in the list access log.</summary>
    public Task RecordAsync(CaseFiguresShown access, CancellationToken ct = default) =>
        AppendAsync(AccessLogFile.ListsStreamKey, access, (head, seq) => AccessChain.Next(head, seq, access), ct);

    private async Task AppendAsync(string key, object access, Func<byte[], long, byte[]> chainAfter, CancellationToken ct)
    {
        await using var connection = documents.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // Serialises the appends to one access log so that no two extend its chain from the same head.
        await using (var lockCommand = connection.CreateCommand())
        {
            lockCommand.CommandText = "select pg_advisory_xact_lock(hashtextextended($1, 0))";
            lockCommand.Parameters.AddWithValue("laundertrail:" + key);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        var (version, head) = await HeadAsync(connection, key, ct);
        var chain = chainAfter(head, version + 1);
        await using (var session = documents.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            var action = version == 0
                ? session.Events.StartStream<AccessLogFile>(key, access)
                : session.Events.Append(key, access);
            action.Events[0].SetHeader(ChainHeader, Court.HashChain.Hex(chain));
            await session.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The case's access log, oldest first.</summary>
    public async Task<IReadOnlyList<AccessRecord>> ReadAsync(string @case, CancellationToken ct = default)
    {
        await using var session = documents.QuerySession();
        var events = await session.Events.FetchStreamAsync(AccessLogFile.StreamKey(@case), token: ct);
        return events
            .Select(e => new AccessRecord(e.Version, e.GetHeader(ChainHeader)?.ToString() ?? "", (CaseAccessed)e.Data))
            .ToList();
    }

    /// <summary>The list access log (<see cref="CaseFiguresShown"/>), oldest first.</summary>
    public async Task<IReadOnlyList<ListAccessRecord>> ReadListsAsync(CancellationToken ct = default)
    {
        await using var session = documents.QuerySession();
        var events = await session.Events.FetchStreamAsync(AccessLogFile.ListsStreamKey, token: ct);
        return events
            .Select(e => new ListAccessRecord(e.Version, e.GetHeader(ChainHeader)?.ToString() ?? "", (CaseFiguresShown)e.Data))
            .ToList();
    }

    private async Task<(long Version, byte[] Chain)> HeadAsync(Npgsql.NpgsqlConnection connection, string key, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"select version, headers->>'{ChainHeader}' from {Schema}.mt_events where stream_id = $1 order by version desc limit 1";
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), Convert.FromHexString(reader.GetString(1)))
            : (0, Court.HashChain.Genesis);
    }
}
