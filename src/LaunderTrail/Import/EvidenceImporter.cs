using System.Runtime.CompilerServices;
using JasperFx;
using JasperFx.Events;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using Marten;
using Marten.Events;
using Marten.Services;

namespace LaunderTrail.Import;

/// <summary>
/// Records an evidence source in the event store, whole or not at all. First every line is checked (all errors
/// are collected, nothing is written); then, holding each touched case's lock, repeats of recorded facts are
/// skipped, conflicting ones refused, and the new facts are appended with their hash chain in one transaction:
/// through PostgreSQL COPY when every touched case is new, through batched appends otherwise. The flow read
/// models see the new facts on their next read (FlowQueries refreshes a stale one).
/// </summary>
public sealed class EvidenceImporter(CaseStore store, TimeProvider clock)
{
    private const int AppendBatchSize = 5_000;
    private const int CopyBatchSize = 10_000;

    public async Task<ImportOutcome> ImportAsync(IEvidenceSource source, string recordedBy,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var recordedAt = HashChain.TruncateToStoredPrecision(clock.GetUtcNow());
        var summary = new ImportSummary { Batch = $"import-{recordedAt.UtcDateTime:yyyyMMdd'T'HHmmss.ffffff'Z'}" };
        var started = clock.GetTimestamp();
        var scan = await ImportScan.RunAsync(source, summary, progress, ct);
        summary.Checking = clock.GetElapsedTime(started);
        if (scan.Errors.Count > 0)
            return new ImportOutcome(scan.Errors, summary);
        if (summary.Cases.Count == 0)
            return new ImportOutcome([], summary);

        await using var caseLock = await CaseLock.AcquireAsync(store.ConnectionString, summary.Cases, ct);
        var recorded = await RecordedFacts.LoadAsync(store.Db, store.Schema, summary.Cases, ct);
        var conflicts = scan.MarkRecorded(recorded, summary);
        if (conflicts.Count > 0)
            return new ImportOutcome(await DescribeConflictsAsync(source, conflicts, ct), summary);

        started = clock.GetTimestamp();
        var batch = new WriteBatch(source, scan, recorded, recordedAt, summary.Batch, recordedBy, progress);
        if (summary.Cases.All(c => !recorded.HasStream(c)))
            await CopyAsync(batch, ct);
        else
            await AppendAsync(batch, ct);
        summary.Writing = clock.GetElapsedTime(started);
        return new ImportOutcome([], summary);
    }

    private async Task CopyAsync(WriteBatch batch, CancellationToken ct)
    {
        var headers = batch.Scan.NewFactsPerCase
            .Where(c => c.Value > 0)
            .Select(c => new BulkEventStreamHeader { Key = c.Key, Version = c.Value, AggregateType = typeof(CaseFile) })
            .ToList();
        var graph = (EventGraph)store.Documents.Options.Events;
        await store.Documents.BulkInsertEventStreamAsync(StorageConstants.DefaultTenantId, headers,
            BuildEvents(batch, graph, ct), CopyBatchSize, ct);
    }

    private static async IAsyncEnumerable<IEvent> BuildEvents(WriteBatch batch, EventGraph graph,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (fact, version, meta) in batch.NewFactsAsync(ct))
        {
            var e = graph.BuildEvent(fact);
            e.StreamKey = fact.Case;
            e.Version = version;
            meta.ApplyTo(e);
            yield return e;
        }
    }

    private async Task AppendAsync(WriteBatch batch, CancellationToken ct)
    {
        await using var connection = await store.Db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var started = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(CaseEvent Fact, FactMetadata Meta)>(AppendBatchSize);

        await foreach (var (fact, _, meta) in batch.NewFactsAsync(ct))
        {
            pending.Add((fact, meta));
            if (pending.Count == AppendBatchSize) await FlushAsync();
        }

        await FlushAsync();
        await transaction.CommitAsync(ct);

        async Task FlushAsync()
        {
            if (pending.Count == 0) return;
            await using var session = store.Documents.LightweightSession(SessionOptions.ForTransaction(transaction));
            session.CorrelationId = batch.BatchId;
            session.LastModifiedBy = batch.RecordedBy;
            foreach (var run in Runs(pending))
            {
                var facts = run.Select(p => (object)p.Fact).ToArray();
                var @case = run[0].Fact.Case;
                var action = batch.Recorded.HasStream(@case) || !started.Add(@case)
                    ? session.Events.Append(@case, facts)
                    : session.Events.StartStream<CaseFile>(@case, facts);
                for (var i = 0; i < run.Count; i++) run[i].Meta.ApplyTo(action.Events[i]);
            }

            await session.SaveChangesAsync(ct);
            pending.Clear();
        }
    }

    /// <summary>Consecutive facts of the same case, so each run is one append in recording order.</summary>
    private static IEnumerable<List<(CaseEvent Fact, FactMetadata Meta)>> Runs(List<(CaseEvent Fact, FactMetadata Meta)> facts)
    {
        var run = new List<(CaseEvent, FactMetadata)>();
        foreach (var item in facts)
        {
            if (run.Count > 0 && run[0].Item1.Case != item.Fact.Case)
            {
                yield return run;
                run = [];
            }

            run.Add(item);
        }

        if (run.Count > 0) yield return run;
    }

    private async Task<IReadOnlyList<LineError>> DescribeConflictsAsync(IEvidenceSource source,
        IReadOnlyDictionary<FactKey, long> conflicts, CancellationToken ct)
    {
        var errors = new List<LineError>();
        await foreach (var line in source.ReadAsync(ct))
        {
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            var (fact, _) = FactParser.Parse(line.Text);
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
