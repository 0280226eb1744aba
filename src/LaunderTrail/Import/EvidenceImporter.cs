using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using Marten.Events;

namespace LaunderTrail.Import;

/// <summary>
/// Records an evidence source in the event store, whole or not at all. First every line is checked (all errors
/// are collected, nothing is written) and the accepted facts are spooled in canonical form; then, holding each
/// touched case's lock, repeats of recorded facts are skipped, conflicting ones refused, and the new facts are
/// copied into the event table with their hash chain in one transaction. The flow read models see the new facts
/// on their next read (FlowQueries refreshes a stale one).
/// </summary>
public sealed class EvidenceImporter(CaseStore store, TimeProvider clock)
{
    public async Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var recordedAt = HashChain.TruncateToStoredPrecision(clock.GetUtcNow());
        var summary = new ImportSummary { Batch = $"import-{recordedAt.UtcDateTime:yyyyMMdd'T'HHmmss.ffffff'Z'}" };
        var started = clock.GetTimestamp();
        await using var spool = FactSpool.Create();
        var scan = await ImportScan.RunAsync(source, summary, spool, progress, ct);
        summary.Checking = clock.GetElapsedTime(started);
        if (scan.Errors.Count > 0)
            return new ImportOutcome(scan.Errors, summary);
        if (summary.Cases.Count == 0)
            return new ImportOutcome([], summary);

        await using var caseLock = await CaseLock.AcquireAsync(store.ConnectionString, summary.Cases, ct);
        var recorded = await RecordedFacts.LoadAsync(store.Db, store.Schema, summary.Cases, ct);
        var conflicts = scan.MarkRecorded(recorded, summary);
        var currencies = scan.CurrencyConflicts(recorded);
        if (conflicts.Count > 0 || currencies.Count > 0)
            return new ImportOutcome(await DescribeConflictsAsync(source, conflicts, currencies, ct), summary);

        started = clock.GetTimestamp();
        var batch = new WriteBatch(source, spool, scan, recorded, recordedAt, summary.Batch, recordedBy, progress);
        await using (var connection = await store.Db.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await EventTableCopy.WriteAsync(connection, store.Schema, (EventGraph)store.Documents.Options.Events, batch, ct);
            await transaction.CommitAsync(ct);
        }

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
