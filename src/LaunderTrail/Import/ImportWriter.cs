using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using LaunderTrail.Concurrency;
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
/// found good (<see cref="CommitAsync"/>); disposing it without committing rolls its own transaction back (in the
/// caller's transaction, the attempt's <see cref="ImportSavepoint"/> does).
/// The first time it meets a case it takes the case's lock and learns what is recorded of it (<see cref="RecordedFacts"/>),
/// so a fact already recorded is never written again and the chain goes on from the recorded head.
/// </summary>
/// <param name="callersTransaction">
/// The connection of a transaction the caller owns and commits, to write in (after an <see cref="ImportSavepoint"/>),
/// with the case locks taken in it; null to write in a transaction of the import's own, with locks on a session of
/// their own.
/// </param>
/// <param name="loadedWholeUpTo">The largest recorded case whose ids are loaded whole (<see cref="RecordedFacts"/>).</param>
internal sealed class ImportWriter(
    CaseStore store,
    IEvidenceSource source,
    ImportScan scan,
    DateTimeOffset recordedAt,
    string batchId,
    string recordedBy,
    IProgress<ImportProgress>? progress,
    CaseLock? locked,
    NpgsqlConnection? callersTransaction,
    long loadedWholeUpTo = RecordedFacts.LoadedWholeUpTo) : IAsyncDisposable
{
    private const int ProgressEvery = 2_000;

    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private readonly ChainLinker _chain = new(recordedAt);
    private readonly Dictionary<FactKey, long> _conflicts = [];
    // When the check keeps nothing per fact, a repeat of a new fact is refused by the event table, and one of a recorded
    // fact (never written) is found here: only recorded facts the source brings are remembered.
    private readonly SeenFacts? _recordedBrought = scan.FindsRepeats ? null : new();
    private readonly Dictionary<string, (long Recorded, long AlreadyRecorded)> _byType = new(StringComparer.Ordinal);
    private CaseLock? _locks = locked;
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;
    private EventTableCopy? _copy;
    private ExceptionDispatchInfo? _failure;
    private long _lastLine;

    /// <summary>Where a case's chain stands while this import writes it.</summary>
    private sealed class Head(long version, byte[] chain)
    {
        public long Version = version;
        public readonly byte[] Chain = (byte[])chain.Clone();
        public long Adding;
        public long AlreadyRecorded;
    }

    private void Tally(CheckedFact fact, ref long perCase, Func<(long Recorded, long AlreadyRecorded), (long, long)> perType)
    {
        perCase++;
        _byType[fact.Type] = perType(_byType.GetValueOrDefault(fact.Type));
    }

    /// <summary>
    /// The facts of the source recorded before with other content, each at its first line: complete once the source
    /// has been consumed without an error.
    /// </summary>
    public IReadOnlyDictionary<FactKey, long> Conflicts => _conflicts;

    /// <summary>Counts in the summary the facts written and those already recorded, in all and per type.</summary>
    public void Tally(ImportSummary summary)
    {
        foreach (var (type, counts) in _byType)
        {
            summary.ByType[type] = counts;
            summary.Recorded += counts.Recorded;
            summary.AlreadyRecorded += counts.AlreadyRecorded;
        }
    }

    /// <summary>What is recorded of the cases met so far; complete for the source once it has been consumed.</summary>
    public RecordedFacts Recorded { get; } = new(store.Db, store.Schema, loadedWholeUpTo);

    /// <summary>
    /// A case's lock could not be taken in key order because another writer holds it: nothing more was written,
    /// and the import must start again holding all its cases' locks, taken in order.
    /// </summary>
    public bool OutOfOrder { get; private set; }

    /// <summary>
    /// The source holds a recorded fact twice, which a check that keeps nothing per fact cannot count or judge: nothing
    /// more was written, and the import must start again with a check that finds repeats.
    /// </summary>
    public bool RepeatsRecordedFact { get; private set; }

    /// <summary>
    /// Starts writing the blocks of facts handed over, on a thread of its own (the writes are synchronous, and the
    /// thread pool's threads are the checking pass's), until the checking pass completes the channel.
    /// </summary>
    public Task StartWriting(ChannelReader<CheckedFact[]> facts, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Consume(facts, ct);
                done.SetResult();
            }
            catch (OperationCanceledException e)
            {
                done.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = "import writer" };
        thread.Start();
        return done.Task;
    }

    /// <summary>
    /// Writes the facts handed over until the checking pass completes the channel. It always reads to the end, so the
    /// check never waits on a writer that has stopped (after an error in the source, a failure, a lock out of order).
    /// </summary>
    private void Consume(ChannelReader<CheckedFact[]> facts, CancellationToken ct)
    {
        while (facts.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
        {
            while (facts.TryRead(out var block))
            {
                if (_failure is not null || OutOfOrder || RepeatsRecordedFact || scan.Failed) continue;
                try
                {
                    if (!MeetCases(block, ct)) continue;
                    Recorded.LookUpAsync(block, ct).GetAwaiter().GetResult();
                    foreach (var fact in block)
                    {
                        Write(fact, ct);
                        if (RepeatsRecordedFact) break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }
        }

        _failure?.Throw();
    }

    /// <summary>Meets the cases of the block not met before, in the order they come; false when the writing must stop (a lock out of order).</summary>
    private bool MeetCases(CheckedFact[] block, CancellationToken ct)
    {
        foreach (var fact in block)
            if (!_heads.ContainsKey(fact.Case) && !Meet(fact.Case, ct))
                return false;
        return true;
    }

    /// <summary>Writes one fact of a case met, or skips it when it is recorded.</summary>
    private void Write(CheckedFact fact, CancellationToken ct)
    {
        var head = _heads[fact.Case];
        // Recorded with the same content: skipped; with other content: a conflict the import reports once checked.
        if (Recorded.TryGetDigest(fact.Key, out var recorded))
        {
            if (_recordedBrought is not null && !_recordedBrought.TryAdd(fact.Key, fact.Digest, out _))
            {
                RepeatsRecordedFact = true;
                return;
            }

            if (recorded != fact.Digest) _conflicts.TryAdd(fact.Key, fact.Line);
            else Tally(fact, ref head.AlreadyRecorded, static c => c with { AlreadyRecorded = c.AlreadyRecorded + 1 });
            return;
        }

        Tally(fact, ref head.Adding, static c => c with { Recorded = c.Recorded + 1 });
        head.Version++;
        _chain.Next(head.Chain, head.Version, fact.Canonical, head.Chain);
        FactHeaders.FillChain(fact.Headers, head.Chain);
        Copy(ct).Write(fact, head.Version);
        _lastLine = fact.Line;
        if (fact.Line % ProgressEvery == 0)
            progress?.Report(new ImportProgress(ImportPhase.Writing, fact.BytesRead, source.Length, fact.Line));
    }

    /// <summary>Takes the case's lock and learns what is recorded of it; false when the lock cannot be taken in order.</summary>
    private bool Meet(string @case, CancellationToken ct)
    {
        // The few queries made when a case is first met are asynchronous; this thread waits for them.
        _locks ??= CaseLock.OpenAsync(store.Db, callersTransaction, ct).GetAwaiter().GetResult();
        // Locks taken in the caller's transaction are taken on the connection the COPY runs on.
        if (callersTransaction is not null) _copy?.Pause();
        if (!_locks.TakeAsync(@case, ct).GetAwaiter().GetResult())
        {
            OutOfOrder = true;
            return false;
        }

        Recorded.MeetAsync(@case, ct).GetAwaiter().GetResult();
        var (version, chain) = Recorded.HeadOf(@case);
        _heads[@case] = new Head(version, chain);
        if (version == 0) Copy(ct).StartStream(@case);
        return true;
    }

    /// <summary>The COPY into the event table, in the import's transaction, opened when the first fact is written.</summary>
    private EventTableCopy Copy(CancellationToken ct)
    {
        if (_copy is not null) return _copy;
        ct.ThrowIfCancellationRequested();
        if (callersTransaction is null)
        {
            _connection = store.Db.OpenConnection();
            _transaction = _connection.BeginTransaction();
        }
        _copy = new EventTableCopy(store.Db, _connection ?? callersTransaction!, store.Schema, (EventGraph)store.Documents.Options.Events, recordedAt, batchId, recordedBy);
        return _copy;
    }

    /// <summary>
    /// Sets each written stream's version and commits, or, in the caller's transaction, leaves the commit to the caller.
    /// <paramref name="firstPerCase"/> is what the checking pass found in the source per case, each fact once, which must
    /// be exactly what was written or found recorded.
    /// </summary>
    public async Task CommitAsync(IReadOnlyDictionary<string, long> firstPerCase, CancellationToken ct)
    {
        if (firstPerCase.Count != _heads.Count ||
            firstPerCase.Any(c => !_heads.TryGetValue(c.Key, out var head) || head.Adding + head.AlreadyRecorded != c.Value))
            throw new InvalidOperationException("The facts written are not the new facts the check found; nothing was recorded.");
        if (_copy is null) return;
        await _copy.MoveStreamsAsync(
            _heads.Where(h => h.Value.Adding > 0).OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => (h.Key, h.Value.Version - h.Value.Adding, h.Value.Adding)), ct);
        await RecordingNotices.AppendAsync(_connection ?? callersTransaction!, _transaction, store.Schema,
            (EventGraph)store.Documents.Options.Events, _heads.Where(h => h.Value.Adding > 0).Select(h => (h.Key, h.Value.Version)),
            recordedAt, ct);
        if (_transaction is not null) await _transaction.CommitAsync(ct);
        progress?.Report(new ImportProgress(ImportPhase.Writing, source.Length ?? 0, source.Length, _lastLine));
    }

    /// <summary>Cancels a COPY left unfinished, rolls its own transaction back and lets go of the case locks, each whatever the others threw.</summary>
    public async ValueTask DisposeAsync()
    {
        _chain.Dispose();
        await Disposables.DisposeAllAsync(Recorded, _copy, _transaction, _connection, _locks);
    }
}
