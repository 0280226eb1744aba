using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Marten;
using Marten.Events;
using Marten.Services;
using Npgsql;

namespace LaunderTrail.Flows;

/// <summary>
/// Keeps the flow read models (<see cref="CaseFlows"/>, <see cref="MerchantTotals"/>) in step with the events.
/// Tracing follows `at` order, so one late fact can change every figure after it: the unit of update is the
/// whole case, traced again in one linear pass whenever facts are added (docs/architecture.md).
/// </summary>
public sealed class FlowProjector(CaseStore store)
{
    private static readonly ChainHead NoFacts = new(0, "");

    /// <summary>Traces the case again from its events and stores its reports and its merchants' rows.</summary>
    /// <exception cref="TamperedCaseException">A stored event is not the one recorded, or one is missing: nothing is stored.</exception>
    /// <remarks>A failure of the case's own is kept (<see cref="CaseRefusal"/>) for its reads to answer, and thrown.</remarks>
    internal async Task<RefreshedFlows> RefreshAsync(string @case, CancellationToken ct = default)
    {
        try
        {
            var (facts, head) = await new CaseHistory(store).FactsAsync(@case, knownAt: null, ct);
            return await StoreAsync(@case, facts, head, ct);
        }
        catch (Exception failure) when (UnreadableCase.IsAboutTheCase(failure))
        {
            await RecordRefusalAsync(@case, UnreadableCase.ReasonOf(failure), ct);
            throw;
        }
    }

    private async Task RecordRefusalAsync(string @case, string reason, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(
            $"select version from {store.Schema}.mt_streams where id = $1 and type = 'case_file'");
        command.Parameters.AddWithValue(@case);
        var recorded = await command.ExecuteScalarAsync(ct) as long? ?? 0;
        await using var session = store.Documents.LightweightSession();
        session.Store(new CaseRefusal { Id = @case, Recorded = recorded, Reason = reason });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Asks the projection to trace every stale case (<see cref="StaleCasesAsync"/>) by writing it a recording notice:
    /// what a node does as it starts, so that read models another build wrote, or that the facts no longer match, are
    /// traced again by whichever node runs the projection rather than by a read.
    /// </summary>
    /// <param name="only">The one case to look at; every case when null.</param>
    public async Task NoticeStaleCasesAsync(string? only = null, CancellationToken ct = default)
    {
        var stale = await StaleCasesAsync(only, ct);
        if (stale.Count == 0) return;
        await using var connection = await store.Db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await RecordingNotices.AppendAsync(connection, transaction, store.Schema, (EventGraph)store.Documents.Options.Events,
            stale, TimeProvider.System.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Refreshes every case whose read model is missing or was built from another chain head than the case's current
    /// one (fewer facts, or facts since altered and restored). A case that cannot be traced, its events altered
    /// included, is named in the answer and the others are refreshed still: one case never keeps the rest from being read.
    /// </summary>
    /// <returns>The stale cases that could not be refreshed, by case number.</returns>
    public async Task<IReadOnlyList<UnreadableCase>> RefreshStaleAsync(CancellationToken ct = default)
    {
        var stale = await StaleCasesAsync(only: null, ct);
        var unreadable = new List<UnreadableCase>();
        foreach (var (@case, _) in stale)
        {
            try
            {
                await RefreshAsync(@case, ct);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                unreadable.Add(new UnreadableCase(@case, UnreadableCase.ReasonOf(failure), failure));
            }
        }

        return unreadable;
    }

    /// <summary>
    /// Brings the read models of <paramref name="cases"/> up to date now, each case traced unless it is current already:
    /// what the projection does with a page of notices, and a command that has just recorded facts before it exits. A
    /// case that cannot be traced is named.
    /// </summary>
    /// <param name="unlessBusy">
    /// Leaves alone a case that another process is tracing at this moment, rather than wait for it and find it current:
    /// for whoever traces early for speed, while the projection, which waits, makes sure.
    /// </param>
    public async Task<IReadOnlyList<UnreadableCase>> CatchUpAsync(IEnumerable<string> cases,
        IProgress<(string Case, long Facts)>? progress = null, bool unlessBusy = false, CancellationToken ct = default)
    {
        var unreadable = new List<UnreadableCase>();
        foreach (var @case in cases)
        {
            try
            {
                if (await RefreshIfStaleAsync(@case, unlessBusy, ct) is { } facts) progress?.Report((@case, facts));
            }
            catch (Exception failure) when (failure is not OperationCanceledException && UnreadableCase.IsAboutTheCase(failure))
            {
                unreadable.Add(new UnreadableCase(@case, UnreadableCase.ReasonOf(failure), failure));
            }
        }
        return unreadable;
    }

    /// <summary>
    /// Traces the case again unless its read model is current. One process at a time looks at a case (an advisory lock
    /// in PostgreSQL, whichever node it runs on), so that a case is traced once, not once per node that heard of its facts.
    /// </summary>
    /// <param name="unlessBusy">Gives up, rather than waits, when another process is looking at the case.</param>
    /// <returns>The facts traced; null when the read model was current already, the case has no facts, or it was busy.</returns>
    internal async Task<long?> RefreshIfStaleAsync(string @case, bool unlessBusy = false, CancellationToken ct = default)
    {
        await using var connection = await store.Db.OpenConnectionAsync(ct);
        if (!await TakeTracingLockAsync(connection, @case, unlessBusy, ct)) return null;
        try
        {
            if ((await StaleCasesAsync(@case, ct)).Count == 0) return null;
            return (await RefreshAsync(@case, ct)).Flows.LastSeq;
        }
        finally
        {
            await ReleaseTracingLockAsync(connection, @case);
        }
    }

    /// <summary>Takes, or with <paramref name="unlessBusy"/> tries to take, the session lock a process holds while it looks at a case.</summary>
    /// <returns>Whether the lock is held.</returns>
    private async Task<bool> TakeTracingLockAsync(NpgsqlConnection connection, string @case, bool unlessBusy, CancellationToken ct)
    {
        await using var command = TracingLockCommand(connection,
            unlessBusy ? "pg_try_advisory_lock(hashtextextended($1, 0))" : "true from (select pg_advisory_lock(hashtextextended($1, 0))) as taken", @case);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task ReleaseTracingLockAsync(NpgsqlConnection connection, string @case)
    {
        await using var command = TracingLockCommand(connection, "pg_advisory_unlock(hashtextextended($1, 0))", @case);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand TracingLockCommand(NpgsqlConnection connection, string call, string @case)
    {
        var command = new NpgsqlCommand($"select {call}", connection);
        command.Parameters.AddWithValue($"laundertrail:tracing:{store.Schema}:{@case}");
        return command;
    }

    /// <summary>
    /// The cases, with their versions, whose read model is missing, was built from another chain head than the case's
    /// current one, or by another build, or whose stored forms are lost; sorted; of one case only when
    /// <paramref name="only"/> is given.
    /// </summary>
    private async Task<List<(string Case, long Version)>> StaleCasesAsync(string? only, CancellationToken ct)
    {
        Dictionary<string, (long, string?)> built;
        await using (var session = store.Documents.QuerySession())
        {
            var generator = GeneratorVersion.Current;
            var query = session.Query<CaseFlows>().Where(c => c.Generator == generator);
            if (only is not null) query = query.Where(c => c.Id == only);
            var rows = await query.Select(c => new { c.Id, c.LastSeq, c.Head }).ToListAsync(ct);
            built = rows.ToDictionary(r => r.Id, r => (r.LastSeq, r.Head), StringComparer.Ordinal);
        }

        await using var command = store.Db.CreateCommand(
            $"""
             select s.id, s.version, e.headers->>'chain',
                    (select count(*) from {store.Schema}.{StoredReports.TableName} r
                     where r.case_id = s.id and r.last_seq = s.version and r.generator = $2)
             from {store.Schema}.mt_streams s
             left join {store.Schema}.mt_events e on e.stream_id = s.id and e.version = s.version
             where s.type = 'case_file' and ($1::text is null or s.id = $1) order by s.id collate "C"
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)only ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(GeneratorVersion.Current);
        var stale = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var current = (reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            // Stored forms lost (their table is a cache PostgreSQL empties after a crash) make the case stale too.
            var formsLost = reader.GetInt64(3) < Enum.GetValues<TracingRule>().Length;
            if (!built.TryGetValue(reader.GetString(0), out var head) || head != current || current.Item2 is null || formsLost)
                stale.Add((reader.GetString(0), current.Item1));
        }
        return stale;
    }

    /// <summary>
    /// Rebuilds every case's read models from the events through Marten's projection rebuild
    /// (<see cref="CaseFlowsProjection"/>); reports each case as it is traced. Every case is given a recording notice
    /// first if its facts go beyond its last one (cases recorded before notices were kept), so that the rebuild reaches
    /// them all. A case whose events were altered is refused (it keeps no read model, so every read of it refuses too)
    /// and the others are rebuilt.
    /// </summary>
    public async Task<Rebuilt> RebuildAsync(IProgress<(string Case, long Facts)>? progress = null, CancellationToken ct = default)
    {
        await using (var session = store.Documents.LightweightSession())
        {
            session.DeleteWhere<CaseFlows>(_ => true);
            session.DeleteWhere<MerchantTotals>(_ => true);
            StoredReports.DeleteAll(session, store.Schema);
            await session.SaveChangesAsync(ct);
        }

        await RecordingNotices.CatchUpAsync(store.Db, store.Schema, (EventGraph)store.Documents.Options.Events,
            TimeProvider.System.GetUtcNow(), ct);
        store.Flows.Progress = progress;
        try
        {
            using var daemon = await store.Documents.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(CaseFlowsProjection.Name, RebuildTimeout, ct);
        }
        finally
        {
            store.Flows.Progress = null;
        }

        // The projection skips a case it cannot trace; tracing it here again names why.
        var refused = (await RefreshStaleAsync(ct)).Select(u => u.Failure).OfType<TamperedCaseException>().ToList();
        await using var query = store.Documents.QuerySession();
        var facts = await query.Query<CaseFlows>().SumAsync(c => c.LastSeq, ct);
        return new Rebuilt(facts, refused);
    }

    /// <summary>How long a rebuild may take before Marten gives up on it: far beyond a rebuild of millions of facts here.</summary>
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromHours(6);

    /// <summary>
    /// Traces every rule from one timeline, each on a core of its own together with writing, serialising and
    /// compressing its report and flow graph, and stores the read model in one transaction. Each rule's forms are
    /// stored as soon as they are finished, while the other rules are still traced, so that PostgreSQL writes them on
    /// the core a finished rule has left.
    /// </summary>
    private async Task<RefreshedFlows> StoreAsync(string @case, TracingFacts facts, ChainHead? head, CancellationToken ct)
    {
        var timeline = CaseTimeline.Of(facts, asOf: null);
        var tracing = Enum.GetValues<TracingRule>()
            .Select(rule => Task.Run(() => StoredReports.Pack(FlowTracer.TraceWithGraph(@case, timeline, rule, asOf: null)), ct))
            .ToList();

        await using var connection = await store.Db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await StoredReports.LockCaseAsync(transaction, @case, ct);
        var stored = new List<PackedReport>(tracing.Count);
        while (tracing.Count > 0)
        {
            var finished = await Task.WhenAny(tracing);
            tracing.Remove(finished);
            stored.Add(await finished);
            await StoredReports.StoreAsync(transaction, store.Schema, @case, head ?? NoFacts, stored[^1], ct);
        }

        var proRata = RefreshedFlows.Of(stored, TracingRule.ProRata).Report;
        var flows = new CaseFlows
        {
            Id = @case,
            LastSeq = head?.Position ?? 0,
            Head = head?.Hash,
            LastEventAt = facts.LastAt,
            Victims = proRata.Victims.Count,
            FifoTotals = RefreshedFlows.Of(stored, TracingRule.Fifo).Report.Totals,
            ProRataTotals = proRata.Totals,
            Generator = GeneratorVersion.Current,
        };

        await using (var session = store.Documents.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Store(flows);
            session.Delete<CaseRefusal>(@case);
            await UpdateMerchantsAsync(session, proRata, ct);
            await session.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new RefreshedFlows(flows, stored);
    }

    /// <summary>Replaces this case's rows in every merchant's totals; merchant rows do not depend on the rule.</summary>
    private static async Task UpdateMerchantsAsync(IDocumentSession session, FlowReport report, CancellationToken ct)
    {
        var current = report.Merchants.GroupBy(m => m.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var touched = await session.Query<MerchantTotals>()
            .Where(m => m.Rows.Any(r => r.Case == report.Case))
            .ToListAsync(ct);
        var accounts = touched.Select(m => m.Id).Union(current.Keys, StringComparer.Ordinal).ToList();
        var existing = (await session.LoadManyAsync<MerchantTotals>(ct, accounts)).ToDictionary(m => m.Id, StringComparer.Ordinal);

        foreach (var account in accounts)
        {
            existing.TryGetValue(account, out var before);
            var rows = (before?.Rows ?? []).Where(r => r.Case != report.Case).ToList();
            var holder = before?.Holder ?? "";
            if (current.TryGetValue(account, out var merchantRows))
            {
                rows.AddRange(merchantRows.Select(m => new MerchantCaseRow(report.Case, m.Product, m.FaceValue, m.Price, m.Resales)));
                holder = merchantRows[0].Holder;
            }

            if (rows.Count == 0)
            {
                session.Delete<MerchantTotals>(account);
                continue;
            }

            session.Store(new MerchantTotals
            {
                Id = account,
                Holder = holder,
                Rows = rows.OrderBy(r => r.Case, StringComparer.Ordinal).ThenBy(r => r.Product, StringComparer.Ordinal).ToList(),
            });
        }
    }
}
