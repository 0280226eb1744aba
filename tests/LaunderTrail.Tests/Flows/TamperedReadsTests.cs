using System.Text;
using LaunderTrail.Cli;
using LaunderTrail.Court;
using LaunderTrail.Flows;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Flows;

/// <summary>
/// Every read that traces a case checks the events it reads, and refuses, naming the event, rather than trace one
/// that was altered behind the append-only guard; a stored report is served only for the chain head it was built from.
/// </summary>
public sealed class TamperedReadsTests(PostgresServer server) : StoreFixture(server)
{
    private const string AlterF2 = "update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'";
    private const string Refusal = "case EX-2, event seq 9 (id f-2): the stored fact differs from what was recorded (its digest does not match)";
    private static readonly DateTimeOffset AsOf = DateTimeOffset.Parse("2019-05-03T00:00:00+08:00");
    private static readonly DateTimeOffset KnownAt = DateTimeOffset.Parse("2026-11-30T00:00:00Z");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BehindTheGuard Guard => new(Store);
    private FlowQueries Queries => new(Store);

    private async Task<string> WrittenAsync(TracingRule rule = TracingRule.ProRata)
    {
        await using var json = (await Queries.OpenReportJsonAsync(MixedCase.Case, rule, ct: Ct))!;
        return await new StreamReader(json, Encoding.UTF8).ReadToEndAsync(Ct);
    }

    private static async Task RefusedAsync(Func<Task> read)
    {
        var refusal = await Assert.ThrowsAsync<TamperedCaseException>(read);
        Assert.StartsWith(Refusal, refusal.Message);
        Assert.Equal("event seq 9 (id f-2)", refusal.Failure.Place);
    }

    [Fact]
    public async Task Replays_as_of_a_moment_or_as_known_at_one_refuse_an_altered_fact()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await Guard.EditAsync(AlterF2, Ct);

        await RefusedAsync(() => Queries.ReportAsync(MixedCase.Case, TracingRule.Fifo, asOf: AsOf, ct: Ct));
        await RefusedAsync(() => Queries.ReportAsync(MixedCase.Case, TracingRule.Fifo, knownAt: KnownAt, ct: Ct));
        await RefusedAsync(() => Queries.OpenReportJsonAsync(MixedCase.Case, TracingRule.ProRata, asOf: AsOf, ct: Ct));
    }

    [Fact]
    public async Task The_flows_command_exits_non_zero_naming_the_altered_fact_and_prints_no_report()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await Guard.EditAsync(AlterF2, Ct);

        var replay = await RunCommandAsync("flows", "--case", MixedCase.Case, "--as-of", "2019-05-03T00:00:00+08:00", "--json");
        var current = await RunCommandAsync("flows", "--case", MixedCase.Case);

        foreach (var result in new[] { replay, current })
        {
            Assert.Equal(ExitCodes.VerificationFailed, result.ExitCode);
            Assert.Equal("", result.Output);
            Assert.StartsWith($"REFUSED {Refusal}", result.Errors);
        }
    }

    [Fact]
    public async Task Reads_that_refresh_the_read_model_refuse_an_altered_fact_and_store_nothing()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await Guard.EditAsync(AlterF2, Ct);

        await RefusedAsync(() => Queries.ReportAsync(MixedCase.Case, TracingRule.Fifo, ct: Ct));
        await RefusedAsync(() => Queries.OpenReportJsonAsync(MixedCase.Case, TracingRule.ProRata, ct: Ct));
        var merchant = (await Queries.MerchantAsync("cm-q", Ct))!;
        Assert.Empty(merchant.Totals.Rows);
        Assert.Equal("event seq 9 (id f-2)", Assert.IsType<TamperedCaseException>(Assert.Single(merchant.Unavailable).Failure).Failure.Place);
        var unreadable = Assert.Single(await new FlowProjector(Store).RefreshStaleAsync(Ct));
        Assert.Equal(MixedCase.Case, unreadable.Case);
        Assert.Contains("integrity check at event seq 9 (id f-2)", unreadable.Reason);
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.lt_stored_reports"));
    }

    [Fact]
    public async Task Rebuild_refuses_an_altered_case_names_it_and_rebuilds_the_others()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await MixedCase.ImportAsync(Store, File.ReadAllText(MixedCase.File).Replace("\"EX-2\"", "\"EX-3\""), MixedCase.FirstImport, Ct);
        await Guard.EditAsync(AlterF2 + " and stream_id = 'EX-2'", Ct);

        var rebuild = await RunCommandAsync("rebuild");

        Assert.Equal(ExitCodes.VerificationFailed, rebuild.ExitCode);
        Assert.Contains($"REFUSED {Refusal}", rebuild.Errors);
        Assert.Contains("Rebuilt the flow read models from 30 events", rebuild.Output);
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports where case_id = 'EX-3'"));
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.lt_stored_reports where case_id = 'EX-2'"));
    }

    [Fact]
    public async Task A_fact_altered_and_put_back_leaves_no_altered_report_behind()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var recorded = await WrittenAsync();
        var rows = await Guard.SaveAsync(MixedCase.Case, Ct);
        await Guard.SqlAsync("delete from {schema}.lt_stored_reports", Ct);
        await Guard.EditAsync(AlterF2, Ct);
        var rebuilt = await new FlowProjector(Store).RebuildAsync(ct: Ct);
        Assert.Equal(Refusal, Assert.Single(rebuilt.Refused).Message[..Refusal.Length]);

        await Guard.RestoreAsync(MixedCase.Case, rows, Ct);

        Assert.Equal(recorded, await WrittenAsync());
    }

    [Fact]
    public async Task A_report_traced_from_a_rewritten_chain_is_not_served_once_the_recorded_facts_are_back()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var recorded = await WrittenAsync();
        var rows = await Guard.SaveAsync(MixedCase.Case, Ct);
        await Guard.EditAsync(AlterF2, Ct);
        await Guard.RechainAsync(MixedCase.Case, Ct);
        var rewritten = await WrittenAsync();
        Assert.NotEqual(recorded, rewritten);

        await Guard.RestoreAsync(MixedCase.Case, rows, Ct);

        Assert.Equal(recorded, await WrittenAsync());
        Assert.Equal(recorded, FlowReportJson.Write((await Queries.ReportAsync(MixedCase.Case, TracingRule.ProRata, ct: Ct))!));
    }

    [Fact]
    public async Task A_read_model_built_from_a_rewritten_chain_is_refreshed_once_the_recorded_facts_are_back()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await new FlowProjector(Store).RefreshStaleAsync(Ct);
        var recorded = await CaseFlowsAsync();
        var rows = await Guard.SaveAsync(MixedCase.Case, Ct);
        await Guard.EditAsync(AlterF2, Ct);
        await Guard.RechainAsync(MixedCase.Case, Ct);
        await new FlowProjector(Store).RefreshStaleAsync(Ct);
        Assert.NotEqual(recorded.FifoTotals, (await CaseFlowsAsync()).FifoTotals);

        await Guard.RestoreAsync(MixedCase.Case, rows, Ct);
        await new FlowProjector(Store).RefreshStaleAsync(Ct);

        Assert.Equal(recorded.FifoTotals, (await CaseFlowsAsync()).FifoTotals);
    }

    [Fact]
    public async Task The_last_fact_deleted_behind_the_guard_is_refused_even_with_a_stored_report()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await WrittenAsync();
        await Guard.EditAsync("delete from {schema}.mt_events where stream_id = 'EX-2' and version = 30", Ct);

        var refusal = await Assert.ThrowsAsync<TamperedCaseException>(() => WrittenAsync());

        Assert.Equal("event seq 30", refusal.Failure.Place);
    }

    private async Task<CaseFlows> CaseFlowsAsync()
    {
        await using var session = Store.Documents.QuerySession();
        return (await session.LoadAsync<CaseFlows>(MixedCase.Case, Ct))!;
    }
}
