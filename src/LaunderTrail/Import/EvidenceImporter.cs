using System.Threading.Channels;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;

namespace LaunderTrail.Import;

/// <summary>
/// Records an evidence source in the event store, whole or not at all. Every line is checked (all errors are
/// collected) while a writer copies the facts checked so far into the event table with their hash chain, in one
/// transaction: holding each touched case's lock, repeats of recorded facts are skipped and the new facts written.
/// The transaction commits only when the whole source has been checked and found good, and no fact conflicts with
/// a recorded one; otherwise it rolls back and nothing is written. The flow read models see the new facts on their
/// next read (FlowQueries refreshes a stale one).
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

    public async Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var recordedAt = HashChain.TruncateToStoredPrecision(clock.GetUtcNow());
        IReadOnlyCollection<string> lockFirst = [];
        while (true)
        {
            var summary = new ImportSummary { Batch = $"import-{recordedAt.UtcDateTime:yyyyMMdd'T'HHmmss.ffffff'Z'}" };
            var outcome = await AttemptAsync(source, recordedBy, recordedAt, summary, lockFirst, progress, ct);
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
    private async Task<ImportOutcome?> AttemptAsync(IEvidenceSource source, string recordedBy, DateTimeOffset recordedAt,
        ImportSummary summary, IReadOnlyCollection<string> lockFirst, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var scan = new ImportScan();
        var locked = lockFirst.Count > 0 ? await CaseLock.AcquireAsync(store.ConnectionString, lockFirst, ct) : null;
        await using var writer = new ImportWriter(store, source, scan, recordedAt, summary.Batch, recordedBy, progress, locked,
            LoadedWholeUpTo);
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
