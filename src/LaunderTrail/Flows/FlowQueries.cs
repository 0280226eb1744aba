using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Marten;

namespace LaunderTrail.Flows;

/// <summary>
/// Answers "where did the money go" for a case: the stored report or flow graph when the question is about the case
/// as it stands now, a replay of the events when it is about another moment (as of, or as known at). A stored form is
/// served only if it was built from the case's current chain head (position and chain hash); otherwise the case is
/// traced again, and every read that traces checks the events it reads (<see cref="CaseHistory"/>).
/// </summary>
/// <remarks>Each query throws <see cref="TamperedCaseException"/> rather than trace events that are not the ones recorded.</remarks>
public sealed class FlowQueries(CaseStore store)
{
    /// <returns>The report, or null when the case has no recorded facts.</returns>
    public async Task<FlowReport?> ReportAsync(string @case, TracingRule rule, DateTimeOffset? asOf = null,
        DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is not null || knownAt is not null)
        {
            var (facts, _) = await new CaseHistory(store).FactsAsync(@case, knownAt, ct);
            return facts.Count == 0 ? null : FlowTracer.Trace(@case, CaseTimeline.Of(facts, asOf), rule, asOf);
        }

        if (await CurrentHeadAsync(@case, ct) is not { } head) return null;
        return await StoredReports.ReadExactAsync(store.Db, store.Schema, @case, rule, head, ct)
               ?? (await new FlowProjector(store).RefreshAsync(@case, ct)).For(rule).Report;
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

        if (await CurrentHeadAsync(@case, ct) is not { } head) return null;
        return await StoredReports.OpenGraphAsync(store.Db, store.Schema, @case, rule, head, ct)
               ?? StoredReports.Unpack((await new FlowProjector(store).RefreshAsync(@case, ct)).For(rule).Graph);
    }

    /// <summary>
    /// The case's report under each of <paramref name="rules"/>, in that order, about the very same facts: as the case
    /// stands now, the stored reports of one chain head; about another moment, traced from one read of the checked
    /// events (one timeline serves every rule).
    /// </summary>
    /// <returns>The reports, or null when the case has no recorded facts.</returns>
    public async Task<IReadOnlyList<FlowReport>?> ReportsAsync(string @case, IReadOnlyList<TracingRule> rules,
        DateTimeOffset? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (asOf is null && knownAt is null)
        {
            return await OfOneHeadAsync(@case, rules,
                (rule, head) => StoredReports.ReadExactAsync(store.Db, store.Schema, @case, rule, head, ct),
                packed => packed.Report, ct);
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

        if (await CurrentHeadAsync(@case, ct) is not { } head) return null;
        return await StoredReports.OpenWrittenAsync(store.Db, store.Schema, @case, rule, head, ct)
               ?? StoredReports.Unpack((await new FlowProjector(store).RefreshAsync(@case, ct)).For(rule).Written);
    }

    /// <summary>
    /// The case's reports under each of <paramref name="rules"/>, in that order, as the interchange format writes them
    /// (UTF-8), each to be read once, about the very same facts: as the case stands now, the stored reports of one chain
    /// head, read as they were written; about another moment, traced from one read of the checked events.
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

        var written = await OfOneHeadAsync(@case, rules,
            (rule, head) => StoredReports.OpenWrittenAsync(store.Db, store.Schema, @case, rule, head, ct),
            packed => StoredReports.Unpack(packed.Written), ct);
        return written?.Zip(rules, (report, rule) => (rule, report));
    }

    /// <summary>
    /// One stored form per rule, all of the case's current chain head; when one is missing or outdated, every rule's form
    /// from one refresh instead, so that the forms are always about the very same facts.
    /// </summary>
    /// <returns>The forms in the order of <paramref name="rules"/>, or null when the case has no recorded facts.</returns>
    private async Task<IReadOnlyList<T>?> OfOneHeadAsync<T>(string @case, IReadOnlyList<TracingRule> rules,
        Func<TracingRule, ChainHead, Task<T?>> read, Func<PackedReport, T> refreshedForm, CancellationToken ct) where T : class
    {
        if (await CurrentHeadAsync(@case, ct) is not { } head) return null;
        var stored = new List<T>(rules.Count);
        foreach (var rule in rules)
        {
            if (await read(rule, head) is not { } form) break;
            stored.Add(form);
        }
        if (stored.Count == rules.Count) return stored;

        foreach (var form in stored.OfType<IAsyncDisposable>()) await form.DisposeAsync();
        var refreshed = await new FlowProjector(store).RefreshAsync(@case, ct);
        return rules.Select(rule => refreshedForm(refreshed.For(rule))).ToList();
    }

    /// <summary>
    /// A merchant's totals over every case, after bringing stale cases up to date. A case that cannot be brought up to
    /// date (its events altered, its figures beyond arithmetic) is left out of the totals and named, whether or not it
    /// involves the merchant (which only its trace could tell), so that its old rows are never shown as current and it
    /// keeps no other case's figures from being read.
    /// </summary>
    /// <returns>The totals, or null when every case could be read and none records purchases by the account.</returns>
    public async Task<MerchantFigures?> MerchantAsync(string account, CancellationToken ct = default)
    {
        var unreadable = await new FlowProjector(store).RefreshStaleAsync(ct);
        await using var session = store.Documents.QuerySession();
        var totals = await session.LoadAsync<MerchantTotals>(account, ct);
        if (totals is null && unreadable.Count == 0) return null;
        var left = unreadable.Select(u => u.Case).ToHashSet(StringComparer.Ordinal);
        var rows = totals?.Rows.Where(row => !left.Contains(row.Case)).ToList() ?? [];
        return new MerchantFigures(new MerchantTotals { Id = account, Holder = totals?.Holder ?? "", Rows = rows }, unreadable);
    }

    /// <summary>
    /// Which recorded fact the case's read models reflect; when <paramref name="wait"/> is given, first waits up to that
    /// long for the projection to trace every recorded fact (whichever node traces it).
    /// </summary>
    /// <returns>The status, or null when the case has no recorded facts.</returns>
    public async Task<CaseStatus?> StatusAsync(string @case, TimeSpan? wait = null, CancellationToken ct = default)
    {
        var deadline = wait is { } patience ? TimeProvider.System.GetTimestamp() + (long)(patience.TotalSeconds * TimeProvider.System.TimestampFrequency) : 0;
        while (true)
        {
            var status = await ReadStatusAsync(@case, ct);
            if (status is null || status.IsCurrent || TimeProvider.System.GetTimestamp() >= deadline) return status;
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
        var traced = await session.Query<CaseFlows>().Where(c => c.Id == @case).Select(c => c.LastSeq).ToListAsync(ct);
        return new CaseStatus(recorded, traced.Count == 0 ? 0 : traced[0]);
    }

    /// <returns>
    /// The case's version and the chain hash stored on its last event (empty when that event is missing, so that no
    /// stored report matches and the read traces, and refuses, the case); null when the case has no recorded facts.
    /// </returns>
    private async Task<ChainHead?> CurrentHeadAsync(string @case, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(
            $"""
             select s.version, coalesce(e.headers->>'chain', '') from {store.Schema}.mt_streams s
             left join {store.Schema}.mt_events e on e.stream_id = s.id and e.version = s.version
             where s.id = $1 and s.type = 'case_file'
             """);
        command.Parameters.AddWithValue(@case);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetInt64(0) == 0) return null;
        return new ChainHead(reader.GetInt64(0), reader.GetString(1));
    }
}
