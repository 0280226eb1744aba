using JasperFx.Events;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using Marten.Events;
using Npgsql;

namespace LaunderTrail.Import;

/// <summary>
/// Writes an import's new facts into Marten's event tables with PostgreSQL's binary COPY, inside the import's
/// transaction, as the checking pass hands them over. Marten's own bulk append serialises every
/// event again; here the data column receives the canonical bytes the checking pass already made and the headers
/// are written once, so the write costs little more than the COPY itself. The rows are the ones Marten writes (its
/// event type names, stream rows, sequence), so Marten reads them as its own.
/// </summary>
internal sealed class EventTableCopy(NpgsqlDataSource db, NpgsqlConnection connection, string schema, EventGraph events,
    DateTimeOffset recordedAt, string batchId, string recordedBy) : IAsyncDisposable
{
    /// <summary>
    /// Sequence numbers are taken a block at a time, on a connection of their own: a COPY cannot be interrupted by a
    /// query on its connection, and ending it to ask would make the client wait until the server had taken in every
    /// row sent so far. Sequence numbers are not transactional, so they are the same taken from any session. How many
    /// facts will be new is not known while the source is still being checked, so the last block's unused numbers
    /// are left as a gap in the sequence, as a rolled-back transaction leaves one.
    /// </summary>
    private const int SequenceBlock = 10_000;

    /// <summary>
    /// Rows per COPY statement. PostgreSQL checks each row's foreign key to its stream when the statement ends: with
    /// one COPY for the whole import, every check would wait for its end, the server working alone while the checking
    /// pass, long done, waits for it. Ended every so many rows, each part's checks run while the check goes on.
    /// </summary>
    internal const int RowsPerCopy = 20_000;

    private const string Columns =
        "seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, correlation_id, headers, user_name";

    private const short ColumnCount = 13;

    // Per fact type: its event type name, then, after the time, tenant and dotnet type name, the same for every row.
    private readonly Dictionary<string, (byte[] Type, byte[] TimeToDotNetType)> _typeFields = EvidenceTypes.All.ToDictionary(
        EvidenceTypes.NameOf, t => TypeFields(events.EventMappingFor(t), recordedAt), StringComparer.Ordinal);

    private readonly byte[] _archivedAndBatch = BinaryCopyRow.Encode(false, batchId);
    private readonly byte[] _user = BinaryCopyRow.Encode(recordedBy);
    private readonly Dictionary<string, byte[]> _streams = new(StringComparer.Ordinal);
    private readonly BinaryCopyRow _row = new();

    private readonly Queue<long> _sequences = new(SequenceBlock);
    private readonly EventIds _ids = new(recordedAt);
    private NpgsqlRawCopyStream? _copy;
    private int _rowsInCopy;
    private NpgsqlConnection? _sequenceSession;

    /// <summary>
    /// Writes one new fact as a row of the event table, its headers complete. Synchronous: the writer has a thread
    /// of its own, and a write blocks only when Npgsql's buffer is full and goes out to the server.
    /// </summary>
    public void Write(CheckedFact fact, long version)
    {
        if (_sequences.Count == 0) ReserveSequences();

        if (_rowsInCopy == RowsPerCopy) Pause();
        _copy ??= BeginCopy();
        _rowsInCopy++;
        var (type, timeToDotNetType) = _typeFields[fact.Type];
        _row.Start(ColumnCount);
        _row.Int64(_sequences.Dequeue());
        _ids.WriteNext(_row.Uuid());
        _row.Encoded(StreamField(fact.Case));
        _row.Int64(version);
        _row.Jsonb(fact.Canonical);
        _row.Encoded(type);
        _row.Encoded(timeToDotNetType);
        _row.Encoded(_archivedAndBatch);
        _row.Jsonb(fact.Headers);
        _row.Encoded(_user);
        _copy.Write(_row.Written);
    }

    private static (byte[] Type, byte[] TimeToDotNetType) TypeFields(IEventType mapping, DateTimeOffset recordedAt) =>
        (BinaryCopyRow.Encode(mapping.EventTypeName),
            BinaryCopyRow.Encode(recordedAt, JasperFx.StorageConstants.DefaultTenantId, mapping.DotNetTypeName));

    private byte[] StreamField(string @case)
    {
        if (!_streams.TryGetValue(@case, out var field)) _streams[@case] = field = BinaryCopyRow.Encode(@case);
        return field;
    }

    /// <summary>
    /// Creates the stream of a case met for the first time at version 0, before its events reference it;
    /// <see cref="MoveStreamsAsync"/> sets its version when all is written.
    /// </summary>
    public void StartStream(string @case)
    {
        Pause();
        using var command = new NpgsqlCommand(
            $"insert into {schema}.mt_streams (id, type, version, timestamp, created, is_archived) values ($1, $2, 0, $3, $3, false)",
            connection);
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(events.AggregateAliasFor(typeof(CaseFile)));
        command.Parameters.AddWithValue(recordedAt);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Ends the COPY and moves every written stream from the version its facts showed to its new one. The case locks
    /// the import holds keep other writers off these streams meanwhile.
    /// </summary>
    public async Task MoveStreamsAsync(IEnumerable<(string Case, long Head, long Adding)> streams, CancellationToken ct)
    {
        await PauseAsync(ct);
        var streamType = events.AggregateAliasFor(typeof(CaseFile));
        foreach (var (@case, head, adding) in streams)
        {
            await using var command = new NpgsqlCommand(
                $"update {schema}.mt_streams set version = $3, timestamp = $4 where id = $1 and type = $2 and version = $5", connection);
            command.Parameters.AddWithValue(@case);
            command.Parameters.AddWithValue(streamType);
            command.Parameters.AddWithValue(head + adding);
            command.Parameters.AddWithValue(recordedAt);
            command.Parameters.AddWithValue(head);
            if (await command.ExecuteNonQueryAsync(ct) != 1)
                throw new InvalidOperationException(
                    $"The stream '{@case}' is not a case file at version {head}, the last version its facts show.");
        }
    }

    /// <summary>Completes the COPY under way, so the connection can run a query.</summary>
    private async Task PauseAsync(CancellationToken ct)
    {
        if (_copy is null) return;
        // Disposing a raw COPY stream ends the COPY, and reports the server's refusal of any row sent.
        await using var copy = _copy;
        _copy = null;
        await copy.WriteAsync(BinaryCopyRow.Trailer.ToArray(), ct);
    }

    /// <summary>Completes the COPY under way, if any, so the connection can run a query; the next row begins another.</summary>
    public void Pause()
    {
        if (_copy is null) return;
        using var copy = _copy;
        _copy = null;
        copy.Write(BinaryCopyRow.Trailer);
    }

    /// <remarks>
    /// With no timeout: the COPY runs for the whole import, and when it ends PostgreSQL may take longer than a command's
    /// 30 seconds to take in the last rows (a five-million-fact import failed so at its commit, under a checkpoint).
    /// An import is stopped by cancelling it, never by a clock.
    /// </remarks>
    private NpgsqlRawCopyStream BeginCopy()
    {
        var copy = connection.BeginRawBinaryCopy($"copy {schema}.mt_events ({Columns}) from stdin (format binary)");
        // Zero is no timeout, for writing the rows and for reading the server's answer when the COPY ends.
        copy.WriteTimeout = 0;
        copy.ReadTimeout = 0;
        copy.Write(BinaryCopyRow.Header);
        _rowsInCopy = 0;
        return copy;
    }

    private void ReserveSequences()
    {
        _sequenceSession ??= db.OpenConnection();
        using var command = new NpgsqlCommand(
            $"select nextval('{schema}.mt_events_sequence') from generate_series(1, {SequenceBlock})", _sequenceSession);
        using var reader = command.ExecuteReader();
        while (reader.Read()) _sequences.Enqueue(reader.GetInt64(0));
    }

    /// <summary>A COPY left unfinished (the import was refused or failed) is cancelled; the transaction rolls back.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            // Disposed as it is, a raw COPY stream would end the COPY and keep what was sent: it is cancelled first.
            if (_copy is not null)
            {
                await _copy.CancelAsync();
                await _copy.DisposeAsync();
            }
        }
        catch (PostgresException)
        {
            // Cancelling a COPY the server has already refused (a fact id written twice) reports that refusal again,
            // which the import has dealt with or is failing with; the rows roll back with the transaction either way.
        }
        finally
        {
            if (_sequenceSession is not null) await _sequenceSession.DisposeAsync();
        }
    }
}
