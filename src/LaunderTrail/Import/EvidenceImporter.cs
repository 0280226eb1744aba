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
    /// Records a source as the other overload does, but inside the transaction open on <paramref name="callersConnection"/>,
    /// which the caller commits: what else the caller writes in it (the announcement and its message in Wolverine's
    /// outbox) commits with the facts, or none of it does. The case locks are taken in that transaction and held until
    /// it ends; an outcome with errors, or an exception, leaves nothing of the import in it.
    /// </summary>
    /// <param name="callersConnection">The connection on which the caller's transaction is open.</param>
    public Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy, NpgsqlConnection callersConnection,
        CancellationToken ct = default) =>
        ImportAsync(source, recordedBy, (NpgsqlConnection?)callersConnection, progress: null, ct);

    private async Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy, NpgsqlConnection? callersTransaction,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var recordedAt = HashChain.TruncateToStoredPrecision(clock.GetUtcNow());
        IReadOnlyCollection<string> lockFirst = [];
        // Where the event table refuses a fact id written twice into a case, the first attempt keeps nothing per fact.
        var findsRepeats = !await RepeatsRefusedByTheTableAsync(ct);
        while (true)
        {
            var summary = new ImportSummary { Batch = $"import-{recordedAt.UtcDateTime:yyyyMMdd'T'HHmmss.ffffff'Z'}" };
            var (outcome, again) = await AttemptAsync(source, recordedBy, recordedAt, summary, lockFirst, findsRepeats,
                callersTransaction, progress, ct);
            if (outcome is not null) return outcome;
            if (again == Again.LockingAllFirst) lockFirst = summary.Cases;
            else findsRepeats = true;
        }
    }

    /// <summary>Why an attempt must be run again, everything it wrote rolled back.</summary>
    private enum Again
    {
        /// <summary>
        /// Another writer held a case this import met after one whose lock comes later: the next attempt holds all its
        /// cases' locks, taken in order.
        /// </summary>
        LockingAllFirst,

        /// <summary>
        /// The source repeats a fact (the table refused it, or it repeats a recorded fact), or it is refused: only a check
        /// that remembers every fact counts each repeat once and names every problem, the repeats' included.
        /// </summary>
        FindingRepeats,
    }

    private async Task<bool> RepeatsRefusedByTheTableAsync(CancellationToken ct)
    {
        await using var connection = await store.Db.OpenConnectionAsync(ct);
        return await FactIdIndex.IsUniqueAsync(connection, store.Schema, ct) == true;
    }

    /// <summary>
    /// Checks a source as an import's first attempt does (every line read, parsed, validated, made canonical and hashed;
    /// repeats left to the event table), writing nothing.
    /// </summary>
    public static async Task<ImportOutcome> CheckAsync(IEvidenceSource source, CancellationToken ct = default)
    {
        var summary = new ImportSummary { Batch = "check" };
        var scan = new ImportScan(findsRepeats: false);
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

    /// <summary>
    /// One pass of check and write: its outcome, or why it must be run again. A pass that leaves repeats to the event
    /// table only ever commits: any refusal is run again by a check that finds them, so that it names every problem.
    /// </summary>
    /// <param name="callersTransaction">The connection of the caller's transaction to write in; null for one of the import's own.</param>
    private async Task<(ImportOutcome? Outcome, Again? Again)> AttemptAsync(IEvidenceSource source, string recordedBy,
        DateTimeOffset recordedAt, ImportSummary summary, IReadOnlyCollection<string> lockFirst, bool findsRepeats,
        NpgsqlConnection? callersTransaction, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var scan = new ImportScan(findsRepeats);
        // In the caller's transaction, an attempt's writes and locks are undone by rolling back to where it began.
        await using var savepoint = callersTransaction is null ? null : await ImportSavepoint.SetAsync(callersTransaction, ct);
        var locked = lockFirst.Count == 0 ? null
            : await CaseLock.AcquireAsync(store.Db, callersTransaction, lockFirst, ct);
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
        try
        {
            await writing;
        }
        catch (PostgresException e) when (!findsRepeats && FactIdIndex.IsRepeatedFact(e))
        {
            return (null, Again.FindingRepeats);
        }

        if (scan.Errors.Count > 0)
            return findsRepeats ? (new ImportOutcome(scan.Errors, summary), null) : (null, Again.FindingRepeats);
        if (summary.Cases.Count == 0)
            return (new ImportOutcome([], summary), null);
        if (writer.OutOfOrder)
            return (null, Again.LockingAllFirst);
        if (writer.RepeatsRecordedFact)
            return (null, Again.FindingRepeats);

        writer.Tally(summary);
        var conflicts = writer.Conflicts;
        var currencies = scan.CurrencyConflicts(writer.Recorded);
        if (conflicts.Count > 0 || currencies.Count > 0)
            return findsRepeats
                ? (new ImportOutcome(await DescribeConflictsAsync(source, conflicts, currencies, ct), summary), null)
                : (null, Again.FindingRepeats);

        try
        {
            await writer.CommitAsync(scan.FirstPerCase, ct);
        }
        catch (PostgresException e) when (!findsRepeats && FactIdIndex.IsRepeatedFact(e))
        {
            return (null, Again.FindingRepeats);
        }

        if (savepoint is not null) await savepoint.KeepAsync(ct);
        summary.Writing = clock.GetElapsedTime(started);
        return (new ImportOutcome([], summary), null);
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
