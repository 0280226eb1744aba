using System.Threading.Channels;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using Npgsql;

namespace LaunderTrail.Import;

/// <summary>
/// Records an evidence source in the event store, whole or not at all. Every line is checked (all errors are
/// collected) while a writer copies the facts checked so far into the event table with their hash chain, in one
/// transaction (the import's own, or one its caller commits): holding each touched case's lock, repeats of recorded
/// facts are skipped and the new facts written. The facts are kept only when the whole source has been checked and
/// found good, and no fact conflicts with a recorded one; otherwise nothing is written. The recording notice written
/// with them (<see cref="Flows.RecordingNotices"/>) has the read models' projection trace them.
/// </summary>
public sealed class EvidenceImporter(CaseStore store, TimeProvider clock)
{
    /// <summary>
    /// How many checked facts may wait for the writer: the check runs at most this far ahead, so memory stays flat
    /// whatever the size of the source (a fact's canonical bytes and headers are a few hundred bytes). They are
    /// handed over in blocks of <see cref="ImportScan.BlockSize"/>.
    /// </summary>
    internal const int WriteAhead = 4_096;

    /// <summary>The largest recorded case whose ids an import loads whole (<see cref="RecordedFacts"/>); lowered by tests.</summary>
    internal long LoadedWholeUpTo { get; init; } = RecordedFacts.LoadedWholeUpTo;

    private static Channel<CheckedFact[]> WriteQueue() =>
        Channel.CreateBounded<CheckedFact[]>(new BoundedChannelOptions(WriteAhead / ImportScan.BlockSize)
            { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    public Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        ImportAsync(source, recordedBy, callersTransaction: null, progress, ct);

    /// <summary>
    /// Records a source as the other overload does, but inside the transaction open on <paramref name="transaction"/>,
    /// which the caller commits: what else the caller writes in it (the announcement and its message in Wolverine's
    /// outbox) commits with the facts, or none of it does. The case locks are taken in that transaction and held until
    /// it ends; an outcome with errors, or an exception, leaves nothing of the import in it.
    /// </summary>
    public Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy, NpgsqlConnection transaction,
        CancellationToken ct = default) =>
        ImportAsync(source, recordedBy, (NpgsqlConnection?)transaction, progress: null, ct);

    private async Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy, NpgsqlConnection? callersTransaction,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var recordedAt = HashChain.TruncateToStoredPrecision(clock.GetUtcNow());
        IReadOnlyCollection<string> lockFirst = [];
        while (true)
        {
            var summary = new ImportSummary { Batch = $"import-{recordedAt.UtcDateTime:yyyyMMdd'T'HHmmss.ffffff'Z'}" };
            var outcome = await AttemptAsync(source, recordedBy, recordedAt, summary, lockFirst, callersTransaction, progress, ct);
            if (outcome is not null) return outcome;
            // Another writer held a case this import met after one whose lock comes later: everything was rolled back,
            // and the import starts again holding all its cases' locks, taken in order.
            lockFirst = summary.Cases;
        }
    }

    /// <summary>Checks a source as an import does (every line read, parsed, validated, made canonical and hashed), writing nothing.</summary>
    public static async Task<ImportOutcome> CheckAsync(IEvidenceSource source, CancellationToken ct = default)
    {
        var summary = new ImportSummary { Batch = "check" };
        var scan = new ImportScan();
        var accepted = WriteQueue();
        var discarding = Task.Run(async () =>
        {
            await foreach (var _ in accepted.Reader.ReadAllAsync(ct))
            {
            }
        }, ct);
        await scan.RunAsync(source, DateTimeOffset.UnixEpoch, summary, accepted.Writer, progress: null, ct);
        await discarding;
        return new ImportOutcome(scan.Errors, summary);
    }

    /// <summary>One pass of check and write; null when it must be run again with every case locked first.</summary>
    /// <param name="callersTransaction">The connection of the caller's transaction to write in; null for one of the import's own.</param>
    private async Task<ImportOutcome?> AttemptAsync(IEvidenceSource source, string recordedBy, DateTimeOffset recordedAt,
        ImportSummary summary, IReadOnlyCollection<string> lockFirst, NpgsqlConnection? callersTransaction,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var scan = new ImportScan();
        // In the caller's transaction, an attempt's writes and locks are undone by rolling back to where it began.
        await using var savepoint = callersTransaction is null ? null : await ImportSavepoint.SetAsync(callersTransaction, ct);
        var locked = lockFirst.Count == 0 ? null
            : callersTransaction is null ? await CaseLock.AcquireAsync(store.ConnectionString, lockFirst, ct)
            : await CaseLock.AcquireInTransactionAsync(callersTransaction, lockFirst, ct);
        await using var writer = new ImportWriter(store, source, scan, recordedAt, summary.Batch, recordedBy, progress, locked,
            callersTransaction, LoadedWholeUpTo);
        var accepted = WriteQueue();
        var writing = writer.StartWriting(accepted.Reader, ct);
        try
        {
            await scan.RunAsync(source, recordedAt, summary, accepted.Writer, progress, ct);
        }
        finally
        {
            summary.Checking = clock.GetElapsedTime(started);
            // The writer reads to the end of what the check handed over, whatever happened to either.
            await writing.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        // What the write takes beyond the check: the rows still queued, then the commit.
        started = clock.GetTimestamp();
        await writing;
        if (scan.Errors.Count > 0)
            return new ImportOutcome(scan.Errors, summary);
        if (summary.Cases.Count == 0)
            return new ImportOutcome([], summary);
        if (writer.OutOfOrder)
            return null;

        writer.Tally(summary);
        var conflicts = writer.Conflicts;
        var currencies = scan.CurrencyConflicts(writer.Recorded);
        if (conflicts.Count > 0 || currencies.Count > 0)
            return new ImportOutcome(await DescribeConflictsAsync(source, conflicts, currencies, ct), summary);

        await writer.CommitAsync(scan.FirstPerCase, ct);
        if (savepoint is not null) await savepoint.KeepAsync(ct);
        summary.Writing = clock.GetElapsedTime(started);
        return new ImportOutcome([], summary);
    }

    /// <summary>
    /// Names every line that conflicts with what is recorded: a fact recorded with other content (at its first line
    /// in the source), a money fact in another currency than its case's recorded facts.
    /// </summary>
    private async Task<IReadOnlyList<LineError>> DescribeConflictsAsync(IEvidenceSource source,
        IReadOnlyDictionary<FactKey, long> conflicts, IReadOnlyDictionary<string, string> currencies, CancellationToken ct)
    {
        var errors = new List<LineError>();
        await foreach (var line in source.ReadAsync(ct))
        {
            if (line.Unreadable is not null || string.IsNullOrWhiteSpace(line.Text)) continue;
            var (fact, _) = FactParser.Parse(line);
            if (fact is IMoneyFact money && currencies.TryGetValue(fact.Case, out var recordedIn) && money.Currency != recordedIn)
                errors.Add(new LineError(source.Name, line.Number, "currency",
                    $"case '{fact.Case}' is recorded in {recordedIn}; one case has one currency"));
            if (fact is null || !conflicts.TryGetValue(FactKey.Of(fact.Case, fact.Id), out var first) || first != line.Number)
                continue;
            var recorded = await RecordedFacts.DescribeAsync(store.Db, store.Schema, fact.Case, fact.Id, ct);
            var own = fact.Source is null ? "" : $" (source '{fact.Source}')";
            errors.Add(new LineError(source.Name, line.Number, "id",
                $"'{fact.Id}'{own} is already recorded in case '{fact.Case}' with other content: {recorded}"));
        }

        return errors;
    }
}
