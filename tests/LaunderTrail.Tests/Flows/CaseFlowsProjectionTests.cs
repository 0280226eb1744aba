using LaunderTrail.Flows;
using LaunderTrail.Tests.Court;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;
using Marten;

namespace LaunderTrail.Tests.Flows;

public sealed class CaseFlowsProjectionTests(PostgresServer server) : StoreFixture(server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] MixedCase = SpecExamples.ReadText("mixed-case.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private async Task<ImportOutcome> Import(string name, IEnumerable<string> lines, string at = "2026-11-01T09:00:00Z") =>
        await new EvidenceImporter(Store, FixedClock.At(at))
            .ImportAsync(new JsonLinesText(name, string.Join('\n', lines)), "investigator-1", ct: Ct);

    private async Task CatchUpAsync()
    {
        using var daemon = await Store.Documents.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(2), Ct);
    }

    private async Task<CaseFlows?> FlowsOf(string @case)
    {
        await using var session = Store.Documents.QuerySession();
        return await session.LoadAsync<CaseFlows>(@case, Ct);
    }

    [Fact]
    public async Task Each_import_writes_one_recording_notice_per_case_in_its_transaction()
    {
        Assert.True((await Import("first.jsonl", MixedCase.Take(5))).Accepted);
        Assert.True((await Import("rest.jsonl", MixedCase)).Accepted);

        Assert.Equal(2, await ScalarAsync(
            "select count(*) from {schema}.mt_events where stream_id = 'recorded:EX-2' and type = 'case_facts_recorded'"));
        Assert.Equal(MixedCase.Length, await ScalarAsync(
            "select max((data->>'version')::bigint) from {schema}.mt_events where stream_id = 'recorded:EX-2'"));
    }

    [Fact]
    public async Task A_refused_import_writes_no_notice()
    {
        var outcome = await Import("bad.jsonl", MixedCase.Append("{\"type\":\"FundsTransferred\"}"));

        Assert.False(outcome.Accepted);
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events"));
    }

    [Fact]
    public async Task The_daemon_traces_a_recorded_case_into_its_read_models_under_every_rule()
    {
        Assert.True((await Import("mixed.jsonl", MixedCase)).Accepted);
        Assert.Null(await FlowsOf("EX-2"));

        await CatchUpAsync();

        Assert.Equal(MixedCase.Length, (await FlowsOf("EX-2"))!.LastSeq);
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports where case_id = 'EX-2' and last_seq = " + MixedCase.Length));
        foreach (var rule in Enum.GetValues<TracingRule>())
        {
            await using var json = (await new FlowQueries(Store).OpenReportJsonAsync("EX-2", rule, ct: Ct))!;
            ReportJsonAssert.Conforms(SpecExamples.ReadText($"mixed-case.{TracingRules.Name(rule)}.json"),
                await new StreamReader(json).ReadToEndAsync(Ct));
        }
    }

    [Fact]
    public async Task A_page_of_many_notices_of_one_case_traces_it_once_and_a_current_case_is_not_traced_again()
    {
        for (var i = 1; i <= MixedCase.Length; i++)
            Assert.True((await Import($"part-{i}.jsonl", MixedCase.Take(i))).Accepted);
        var traced = new List<(string Case, long Facts)>();
        Store.Flows.Progress = new SynchronousProgress(traced);

        await CatchUpAsync();
        await new FlowProjector(Store).RefreshStaleAsync(Ct);
        await CatchUpAsync();

        Assert.Equal([("EX-2", (long)MixedCase.Length)], traced);
    }

    [Fact]
    public async Task The_rebuild_goes_through_the_projection_and_reaches_cases_recorded_before_notices_were_kept()
    {
        Assert.True((await Import("mixed.jsonl", MixedCase)).Accepted);
        await CatchUpAsync();
        var before = await ScalarAsync("select count(*) from {schema}.lt_stored_reports");
        await new BehindTheGuard(Store).EditAsync("delete from {schema}.mt_events where stream_id = 'recorded:EX-2'", Ct);

        var rebuilt = await new FlowProjector(Store).RebuildAsync(ct: Ct);

        Assert.Equal(MixedCase.Length, rebuilt.Facts);
        Assert.Empty(rebuilt.Refused);
        Assert.Equal(before, await ScalarAsync("select count(*) from {schema}.lt_stored_reports"));
        Assert.Equal(1, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'recorded:EX-2'"));
        Assert.Equal(1, await ScalarAsync("select count(*) from {schema}.mt_event_progression where name like 'CaseFlows%'"));
    }

    [Fact]
    public async Task A_case_number_that_would_share_a_stream_with_recording_notices_is_refused_at_the_check()
    {
        var outcome = await Import("reserved.jsonl", MixedCase.Select(line => line.Replace("\"EX-2\"", "\"recorded:EX-2\"")));

        Assert.False(outcome.Accepted);
        Assert.Contains(outcome.Errors, e => e.ToString().Contains("case: is reserved for recording notices"));
    }

    [Fact]
    public async Task The_import_command_leaves_the_read_models_current_unless_told_not_to_trace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"laundertrail-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, MixedCase, Ct);
        try
        {
            var untraced = await RunCommandAsync("import", file, "--no-trace");
            var statusBefore = await RunCommandAsync("status", "--case", "EX-2");
            await File.AppendAllLinesAsync(file, [], Ct);
            var traced = await RunCommandAsync("import", file);
            var statusAfter = await RunCommandAsync("status", "--case", "EX-2");

            Assert.Equal(0, untraced.ExitCode);
            Assert.Equal(75, statusBefore.ExitCode);
            Assert.Equal($"{{ \"recorded\": {MixedCase.Length}, \"traced\": 0 }}", statusBefore.Output.Trim());
            Assert.Equal(0, traced.ExitCode);
            Assert.Contains($"traced case EX-2: {MixedCase.Length} facts, read models current", traced.Errors);
            Assert.Equal(0, statusAfter.ExitCode);
            Assert.Equal($"{{ \"recorded\": {MixedCase.Length}, \"traced\": {MixedCase.Length} }}", statusAfter.Output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class SynchronousProgress(List<(string, long)> seen) : IProgress<(string Case, long Facts)>
    {
        public void Report((string Case, long Facts) value)
        {
            lock (seen) seen.Add(value);
        }
    }
}
