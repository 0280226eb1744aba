using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Marten;

namespace LaunderTrail.Flows;

/// <summary>
/// Answers "where did the money go" for a case: what the read models stored when the question is about the case as it
/// stands now, a replay of the events when it is about another moment (as of, or as known at). A stored form is served
/// only while the fact it was traced up to still carries the chain hash it was traced from, and never when the last
/// trace of the case was refused (<see cref="CaseRefusal"/>); every read that traces checks the events it reads
/// (<see cref="CaseHistory"/>). What a read does about a case whose read models are behind its facts is
/// <paramref name="whenStale"/>: a node of the service answers from what is stored and says how far it goes
/// (<see cref="StoredAnswer{T}"/>); the command line traces the case first.
/// </summary>
/// <remarks>
/// Each query throws <see cref="TamperedCaseException"/> rather than trace events that are not the ones recorded,
/// <see cref="RefusedCaseException"/> rather than serve read models that cannot stand for the recorded facts, and
/// <see cref="UntracedCaseException"/> when nothing is stored yet.
/// </remarks>
public sealed class FlowQueries(CaseStore store, StaleReadModels whenStale = StaleReadModels.TraceFirst)
{
    private const string Written = "written";
    private const string Exact = "exact";
    private const string GraphColumn = "graph";

    /// <returns>The report, or null when the case has no recorded facts.</returns>
    public async Task<FlowReport?> ReportAsync(string @case, TracingRule rule, DateTimeOffset? asOf = null,
        DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is not null || knownAt is not null)
        {
            var (facts, _) = await new CaseHistory(store).FactsAsync(@case, knownAt, ct);
            return facts.Count == 0 ? null : FlowTracer.Trace(@case, CaseTimeline.Of(facts, asOf), rule, asOf);
        }

        return (await StoredReportAsync(@case, rule, wait: null, ct))?.Value;
    }

    /// <summary>The report the read models stored for the case as it stands, with how far it reflects the recorded facts.</summary>
    /// <param name="wait">How long to wait first for the read models to reflect every recorded fact.</param>
    /// <returns>The report, or null when the case has no recorded facts.</returns>
    public async Task<StoredAnswer<FlowReport>?> StoredReportAsync(string @case, TracingRule rule, TimeSpan? wait,
        CancellationToken ct = default)
    {
        if (await StoredAsync(@case, [rule], Exact, wait, ct) is not { } stored) return null;
        return new StoredAnswer<FlowReport>(await StoredReports.UnpackExactAsync(stored.Value[0], ct), stored.Status);
    }

    /// <summary>
    /// The report or flow graph the read models stored for the case as it stands, as the interchange format writes it
    /// (UTF-8, decompressed as it is read, to be read once), with how far it reflects the recorded facts.
    /// </summary>
    /// <param name="wait">How long to wait first for the read models to reflect every recorded fact.</param>
    /// <returns>The written form, or null when the case has no recorded facts.</returns>
    public async Task<StoredAnswer<Stream>?> OpenStoredAsync(string @case, TracingRule rule, StoredForm form, TimeSpan? wait,
        CancellationToken ct = default)
    {
        var column = form == StoredForm.Graph ? GraphColumn : Written;
        return await StoredAsync(@case, [rule], column, wait, ct) is { } stored
            ? new StoredAnswer<Stream>(StoredReports.Unpack(stored.Value[0]), stored.Status)
            : null;
    }

    /// <summary>
    /// The flow graph (INTERCHANGE.md) as an object, traced from the checked events, for the questions that walk it
    /// (paths, exports). Written out, the stored graph is read instead: <see cref="OpenGraphJsonAsync"/>.
    /// </summary>
    /// <param name="factIdsPerEdge">How many ids of the facts behind each edge to keep (<see cref="FlowEdge.FactIds"/>); none by default.</param>
    /// <returns>The graph, or null when the case has no recorded facts.</returns>
    public async Task<FlowGraph?> GraphAsync(string @case, TracingRule rule, DateTimeOffset? asOf = null,
        DateTimeOffset? knownAt = null, int factIdsPerEdge = 0, CancellationToken ct = default)
    {
        var (facts, _) = await new CaseHistory(store).FactsAsync(@case, knownAt, ct);
        return facts.Count == 0
            ? null
            : FlowTracer.TraceWithGraph(@case, CaseTimeline.Of(facts, asOf), rule, asOf, factIdsPerEdge).Graph;
    }

    /// <summary>
    /// The flow graph as the interchange format writes it (UTF-8), to be read once: about the case as it stands now,
    /// the stored graph, read as it was written; about another moment, the replay written out.
    /// </summary>
    /// <returns>The written graph, or null when the case has no recorded facts.</returns>
    public async Task<Stream?> OpenGraphJsonAsync(string @case, TracingRule rule, DateTimeOffset? asOf = null,
        DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is not null || knownAt is not null)
            return await GraphAsync(@case, rule, asOf, knownAt, ct: ct) is { } replay ? new MemoryStream(FlowGraphJson.Utf8(replay)) : null;
        return (await OpenStoredAsync(@case, rule, StoredForm.Graph, wait: null, ct))?.Value;
    }

    /// <summary>
    /// The case's report under each of <paramref name="rules"/>, in that order, about the very same facts: as the case
    /// stands now, the stored reports of one trace; about another moment, traced from one read of the checked
    /// events (one timeline serves every rule).
    /// </summary>
    /// <returns>The reports, or null when the case has no recorded facts.</returns>
    public async Task<IReadOnlyList<FlowReport>?> ReportsAsync(string @case, IReadOnlyList<TracingRule> rules,
        DateTimeOffset? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is null && knownAt is null)
        {
            if (await StoredAsync(@case, rules, Exact, wait: null, ct) is not { } stored) return null;
            var reports = new List<FlowReport>(rules.Count);
            foreach (var packed in stored.Value) reports.Add(await StoredReports.UnpackExactAsync(packed, ct));
            return reports;
        }

        var (facts, _) = await new CaseHistory(store).FactsAsync(@case, knownAt, ct);
        if (facts.Count == 0) return null;
        var timeline = CaseTimeline.Of(facts, asOf);
        return rules.Select(rule => FlowTracer.Trace(@case, timeline, rule, asOf)).ToList();
    }

    /// <summary>
    /// The report as the interchange format writes it (UTF-8), to be read once. About the case as it stands now, the
    /// stored report, read as it was written; about another moment, the replay written out.
    /// </summary>
    /// <returns>The written report, or null when the case has no recorded facts.</returns>
    public async Task<Stream?> OpenReportJsonAsync(string @case, TracingRule rule, DateTimeOffset? asOf = null,
        DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is not null || knownAt is not null)
            return await ReportAsync(@case, rule, asOf, knownAt, ct) is { } replay ? new MemoryStream(FlowReportJson.Utf8(replay)) : null;
        return (await OpenStoredAsync(@case, rule, StoredForm.Report, wait: null, ct))?.Value;
    }

    /// <summary>
    /// The case's reports under each of <paramref name="rules"/>, in that order, as the interchange format writes them
    /// (UTF-8), each to be read once, about the very same facts: as the case stands now, the stored reports of one
    /// trace, read as they were written; about another moment, traced from one read of the checked events.
    /// </summary>
    /// <returns>The written reports by rule, to be read in order, or null when the case has no recorded facts.</returns>
    public async Task<IEnumerable<(TracingRule Rule, Stream Written)>?> OpenReportsJsonAsync(string @case,
        IReadOnlyList<TracingRule> rules, DateTimeOffset? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is not null || knownAt is not null)
        {
            return await ReportsAsync(@case, rules, asOf, knownAt, ct) is { } replays
                ? replays.Select(report => (report.Rule, (Stream)new MemoryStream(FlowReportJson.Utf8(report))))
                : null;
        }

        return await StoredAsync(@case, rules, Written, wait: null, ct) is { } stored
            ? stored.Value.Zip(rules, (packed, rule) => (rule, StoredReports.Unpack(packed)))
            : null;
    }

    /// <summary>
    /// One stored form per rule, compressed, in the order of <paramref name="rules"/>, all from one trace of the case:
    /// after tracing the case when it is stale and reads trace first, or after waiting up to <paramref name="wait"/> for
    /// the projection when they do not.
    /// </summary>
    /// <returns>The forms, or null when the case has no recorded facts.</returns>
    private async Task<StoredAnswer<IReadOnlyList<byte[]>>?> StoredAsync(string @case, IReadOnlyList<TracingRule> rules,
        string column, TimeSpan? wait, CancellationToken ct)
    {
        if (whenStale == StaleReadModels.TraceFirst) await new FlowProjector(store).RefreshIfStaleAsync(@case, ct: ct);
        else if (wait is { } patience) await StatusAsync(@case, patience, ct);

        if (await StoredReports.ReadLatestAsync(store.Db, store.Schema, @case, rules, column, ct) is not { } latest) return null;
        var forms = rules.Select(rule => latest.Forms.FirstOrDefault(f => f.Rule == rule)).ToList();
        long? traced = forms.All(f => f is not null) && forms.All(f => f!.LastSeq == forms[0]!.LastSeq) ? forms[0]!.LastSeq : null;
        if (traced is null || traced < latest.Recorded)
        {
            await using var session = store.Documents.QuerySession();
            if (await session.LoadAsync<CaseRefusal>(@case, ct) is { } refusal && refusal.Recorded > (traced ?? 0))
                throw new RefusedCaseException(@case, refusal.Reason);
        }
        if (traced is null)
        {
            // Traced, by its read model, but its forms lost (their table is a cache that PostgreSQL empties after a
            // crash): the projection, which would not look at the case again, is asked to trace it.
            if ((await StatusAsync(@case, ct: ct))?.IsCurrent == true) await new FlowProjector(store).NoticeStaleCasesAsync(@case, ct);
            throw new UntracedCaseException(@case, latest.Recorded);
        }
        if (forms.Any(f => !f!.Intact)) throw RefusedCaseException.Rewritten(@case, traced.Value);
        return new StoredAnswer<IReadOnlyList<byte[]>>(forms.Select(f => f!.Packed).ToList(),
            new CaseStatus(latest.Recorded, traced.Value));
    }

    /// <summary>
    /// Every case with its read model's figures, and the cases whose figures cannot be shown: refused (why), or not
    /// traced yet; each in case number order. Reads that trace first bring every stale case up to date before.
    /// </summary>
    public async Task<CaseFiguresList> CasesAsync(CancellationToken ct = default)
    {
        var failed = whenStale == StaleReadModels.TraceFirst
            ? (await new FlowProjector(store).RefreshStaleAsync(ct)).ToDictionary(u => u.Case, StringComparer.Ordinal)
            : [];
        var recorded = await RecordedVersionsAsync(ct);
        var generator = GeneratorVersion.Current;
        await using var session = store.Documents.QuerySession();
        var flows = (await session.Query<CaseFlows>().Where(f => f.Generator == generator).ToListAsync(ct))
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
        var refusals = (await session.Query<CaseRefusal>().ToListAsync(ct)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var chains = await ChainsAtAsync(flows.Values, ct);

        var shown = new List<CaseFigures>();
        var refused = new List<UnreadableCase>();
        var untraced = new List<UntracedCase>();
        foreach (var (@case, version) in recorded)
        {
            flows.TryGetValue(@case, out var traced);
            if (failed.TryGetValue(@case, out var failure))
                refused.Add(failure);
            else if (refusals.TryGetValue(@case, out var refusal) && refusal.Recorded > (traced?.LastSeq ?? 0))
                refused.Add(Unreadable(new RefusedCaseException(@case, refusal.Reason)));
            else if (traced is null)
                untraced.Add(new UntracedCase(@case, version));
            else if (chains.GetValueOrDefault(@case) != traced.Head)
                refused.Add(Unreadable(RefusedCaseException.Rewritten(@case, traced.LastSeq)));
            else
                shown.Add(new CaseFigures(traced, new CaseStatus(version, traced.LastSeq)));
        }
        return new CaseFiguresList(shown, refused, untraced);
    }

    /// <summary>
    /// A merchant's totals over every case, as the read models stored them. A case whose last trace was refused (its
    /// events altered, its figures beyond arithmetic) is left out of the totals and named, whether or not it involves
    /// the merchant (which only its trace could tell), so that its old rows are never shown as current and it keeps no
    /// other case's figures from being read. Reads that trace first bring every stale case up to date before.
    /// </summary>
    /// <returns>The totals, or null when every case could be read and none records purchases by the account.</returns>
    public async Task<MerchantFigures?> MerchantAsync(string account, CancellationToken ct = default)
    {
        var unreadable = (await CasesAsync(ct)).Refused;
        await using var session = store.Documents.QuerySession();
        var totals = await session.LoadAsync<MerchantTotals>(account, ct);
        if (totals is null && unreadable.Count == 0) return null;
        var left = unreadable.Select(u => u.Case).ToHashSet(StringComparer.Ordinal);
        var rows = totals?.Rows.Where(row => !left.Contains(row.Case)).ToList() ?? [];
        return new MerchantFigures(new MerchantTotals { Id = account, Holder = totals?.Holder ?? "", Rows = rows }, unreadable);
    }

    private static UnreadableCase Unreadable(RefusedCaseException refused) => new(refused.Case, refused.Reason, refused);

    /// <returns>The chain hash the fact each read model was traced up to carries now, by case.</returns>
    private async Task<Dictionary<string, string?>> ChainsAtAsync(IEnumerable<CaseFlows> flows, CancellationToken ct)
    {
        var traced = flows.ToList();
        await using var command = store.Db.CreateCommand(
            $"""
             select e.stream_id, e.headers->>'chain' from {store.Schema}.mt_events e
             join unnest($1::text[], $2::bigint[]) as t(id, version) on e.stream_id = t.id and e.version = t.version
             """);
        command.Parameters.AddWithValue(traced.Select(f => f.Id).ToArray());
        command.Parameters.AddWithValue(traced.Select(f => f.LastSeq).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var chains = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct)) chains[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return chains;
    }

    /// <returns>Every case with recorded facts and its last recorded fact, in case number order.</returns>
    private async Task<List<(string Case, long Version)>> RecordedVersionsAsync(CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(
            $"select id, version from {store.Schema}.mt_streams where type = 'case_file' and version > 0 order by id collate \"C\"");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var recorded = new List<(string, long)>();
        while (await reader.ReadAsync(ct)) recorded.Add((reader.GetString(0), reader.GetInt64(1)));
        return recorded;
    }

    /// <summary>
    /// Which recorded fact the case's read models reflect, and why the newer ones cannot be traced if the last trace was
    /// refused; when <paramref name="wait"/> is given, first waits up to that long for the projection to trace every
    /// recorded fact or refuse to (whichever node traces it).
    /// </summary>
    /// <returns>The status, or null when the case has no recorded facts.</returns>
    public async Task<CaseStatus?> StatusAsync(string @case, TimeSpan? wait = null, CancellationToken ct = default)
    {
        var deadline = wait is { } patience ? TimeProvider.System.GetTimestamp() + (long)(patience.TotalSeconds * TimeProvider.System.TimestampFrequency) : 0;
        while (true)
        {
            var status = await ReadStatusAsync(@case, ct);
            if (status is null || status.IsSettled || TimeProvider.System.GetTimestamp() >= deadline) return status;
            await Task.Delay(StatusPollInterval, ct);
        }
    }

    private static readonly TimeSpan StatusPollInterval = TimeSpan.FromMilliseconds(100);

    private async Task<CaseStatus?> ReadStatusAsync(string @case, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(
            $"select version from {store.Schema}.mt_streams where id = $1 and type = 'case_file'");
        command.Parameters.AddWithValue(@case);
        if (await command.ExecuteScalarAsync(ct) is not long recorded || recorded == 0) return null;
        await using var session = store.Documents.QuerySession();
        var flows = await session.LoadAsync<CaseFlows>(@case, ct);
        var traced = flows?.Generator == GeneratorVersion.Current ? flows.LastSeq : 0;
        var refusal = traced < recorded ? await session.LoadAsync<CaseRefusal>(@case, ct) : null;
        return new CaseStatus(recorded, traced, refusal?.Recorded > traced ? refusal.Reason : null);
    }
}
