using LaunderTrail.Cases;
using LaunderTrail.Storage;
using LaunderTrail.Tracing;
using Marten;

namespace LaunderTrail.Flows;

/// <summary>
/// Answers "where did the money go" for a case: the stored report when the question is about the case as it
/// stands now, a replay of the events when it is about another moment (as of, or as known at).
/// </summary>
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

        var lastSeq = await LastSeqAsync(@case, ct);
        if (lastSeq == 0) return null;
        return await StoredReports.ReadExactAsync(store.Db, store.Schema, @case, rule, lastSeq, ct)
               ?? (await new FlowProjector(store).RefreshAsync(@case, ct)).For(rule).Report;
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

        var lastSeq = await LastSeqAsync(@case, ct);
        if (lastSeq == 0) return null;
        return await StoredReports.OpenWrittenAsync(store.Db, store.Schema, @case, rule, lastSeq, ct)
               ?? StoredReports.Unpack((await new FlowProjector(store).RefreshAsync(@case, ct)).For(rule).Written);
    }

    /// <summary>A merchant's totals over every case, after bringing stale cases up to date.</summary>
    public async Task<MerchantTotals?> MerchantAsync(string account, CancellationToken ct = default)
    {
        await new FlowProjector(store).RefreshStaleAsync(ct);
        await using var session = store.Documents.QuerySession();
        return await session.LoadAsync<MerchantTotals>(account, ct);
    }

    private async Task<long> LastSeqAsync(string @case, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand($"select version from {store.Schema}.mt_streams where id = $1 and type = 'case_file'");
        command.Parameters.AddWithValue(@case);
        return await command.ExecuteScalarAsync(ct) is long version ? version : 0;
    }
}
