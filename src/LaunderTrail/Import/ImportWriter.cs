using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Storage;
using Marten.Events;
using Npgsql;

namespace LaunderTrail.Import;

/// <summary>
/// The writing side of an import, running while the source is still being checked: it takes each checked fact as
/// the checking pass hands it over, in source order, and copies the new ones into the event table with their place
/// in their case's hash chain, all in one transaction that commits only when the whole source has been checked and
/// found good (<see cref="CommitAsync"/>); disposing it without committing rolls everything back.
/// The first time it meets a case it takes the case's lock and loads what is recorded of it (ids, digests, the
/// chain's head), so a fact already recorded is never written again and the chain goes on from the recorded head.
/// </summary>
internal sealed class ImportWriter(
    CaseStore store,
    IEvidenceSource source,
    ImportScan scan,
    DateTimeOffset recordedAt,
    string batchId,
    string recordedBy,
    IProgress<ImportProgress>? progress,
    CaseLock? locked) : IAsyncDisposable
{
    private const int ProgressEvery = 2_000;

    private readonly Dictionary<string, (long Version, byte[] Chain)> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _adding = new(StringComparer.Ordinal);
    private CaseLock? _locks = locked;
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private EventTableCopy? _copy;
    private ExceptionDispatchInfo? _failure;
    private long _lastLine;

    /// <summary>What is recorded of the cases met so far; complete for the source once it has been consumed.</summary>
    public RecordedFacts Recorded { get; } = new();

    /// <summary>
    /// A case's lock could not be taken in key order because another writer holds it: nothing more was written,
    /// and the import must start again holding all its cases' locks, taken in order.
    /// </summary>
    public bool OutOfOrder { get; private set; }

    /// <summary>Facts written so far.</summary>
    public long Written { get; private set; }

    /// <summary>
    /// Writes the facts handed over until the checking pass completes the channel. It always reads to the end, so the
    /// check never waits on a writer that has stopped (after an error in the source, a failure, a lock out of order).
    /// </summary>
    public async Task ConsumeAsync(ChannelReader<CheckedFact> facts, CancellationToken ct)
    {
        await foreach (var fact in facts.ReadAllAsync(ct))
        {
            if (_failure is not null || OutOfOrder || scan.Failed) continue;
            try
            {
                await WriteAsync(fact, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        }

        _failure?.Throw();
    }

    private async Task WriteAsync(CheckedFact fact, CancellationToken ct)
    {
        if (!_heads.TryGetValue(fact.Case, out var head))
        {
            if (!await MeetAsync(fact.Case, ct)) return;
            head = _heads[fact.Case];
        }

        // Recorded with the same content: skipped; with other content: a conflict the import reports once checked.
        if (Recorded.TryGetDigest(fact.Key, out _)) return;

        var version = head.Version + 1;
        var chain = HashChain.Next(head.Chain, HashChain.RecordBytes(version, recordedAt, fact.Canonical));
        _heads[fact.Case] = (version, chain);
        _adding[fact.Case] = _adding.GetValueOrDefault(fact.Case) + 1;
        var meta = new FactMetadata(HashChain.Hex(fact.Digest), HashChain.Hex(chain), source.OriginOf(fact.Line), recordedAt);
        await (await CopyAsync(ct)).WriteAsync(fact, version, meta, ct);
        Written++;
        _lastLine = fact.Line;
        if (fact.Line % ProgressEvery == 0)
            progress?.Report(new ImportProgress(ImportPhase.Writing, fact.BytesRead, source.Length, fact.Line));
    }

    /// <summary>Takes the case's lock and loads what is recorded of it; false when the lock cannot be taken in order.</summary>
    private async Task<bool> MeetAsync(string @case, CancellationToken ct)
    {
        _locks ??= await CaseLock.OpenAsync(store.ConnectionString, ct);
        if (!await _locks.TakeAsync(@case, ct))
        {
            OutOfOrder = true;
            return false;
        }

        await Recorded.AddAsync(store.Db, store.Schema, [@case], ct);
        var head = Recorded.HeadOf(@case);
        _heads[@case] = head;
        if (head.Version == 0) await (await CopyAsync(ct)).StartStreamAsync(@case, ct);
        return true;
    }

    /// <summary>The COPY into the event table, in the import's transaction, opened when the first fact is written.</summary>
    private async Task<EventTableCopy> CopyAsync(CancellationToken ct)
    {
        if (_copy is not null) return _copy;
        _connection = await store.Db.OpenConnectionAsync(ct);
        _transaction = await _connection.BeginTransactionAsync(ct);
        _copy = new EventTableCopy(_connection, store.Schema, (EventGraph)store.Documents.Options.Events, recordedAt, batchId, recordedBy);
        return _copy;
    }

    /// <summary>
    /// Sets each written stream's version and commits. <paramref name="newFactsPerCase"/> is what the checking pass
    /// found new, which must be exactly what was written.
    /// </summary>
    public async Task CommitAsync(IReadOnlyDictionary<string, long> newFactsPerCase, CancellationToken ct)
    {
        if (newFactsPerCase.Count != _adding.Count || newFactsPerCase.Any(c => _adding.GetValueOrDefault(c.Key) != c.Value))
            throw new InvalidOperationException("The facts written are not the new facts the check found; nothing was recorded.");
        if (_copy is null) return;
        await _copy.MoveStreamsAsync(
            _adding.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, _heads[c.Key].Version - c.Value, c.Value)), ct);
        await RecordingNotices.AppendAsync(_connection!, _transaction!, store.Schema, (EventGraph)store.Documents.Options.Events,
            _adding.Keys.Select(@case => (@case, _heads[@case].Version)), recordedAt, ct);
        await _transaction!.CommitAsync(ct);
        progress?.Report(new ImportProgress(ImportPhase.Writing, source.Length ?? 0, source.Length, _lastLine));
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null) await _copy.DisposeAsync();
        if (_transaction is not null) await _transaction.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        if (_locks is not null) await _locks.DisposeAsync();
    }
}
