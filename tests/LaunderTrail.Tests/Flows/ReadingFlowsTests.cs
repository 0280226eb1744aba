using System.Text;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Flows;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Flows;

public sealed class ReadingFlowsTests(PostgresServer server) : StoreFixture(server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] MixedCase = SpecExamples.ReadText("mixed-case.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private async Task Import(string name, IEnumerable<string> lines, string at)
    {
        var outcome = await new EvidenceImporter(Store, FixedClock.At(at))
            .ImportAsync(new JsonLinesText(name, string.Join('\n', lines)), "investigator-1", ct: Ct);
        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
    }

    private static string Expected(TracingRule rule, string lines, DateTimeOffset? asOf = null) =>
        FlowReportJson.Write(FlowTracer.Trace("EX-2", Facts(lines), rule, asOf));

    private static IReadOnlyList<CaseEvent> Facts(string lines) =>
        lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CaseHistory.ReadFact).ToList();

    private static async Task<string> ReportJson(FlowQueries queries, TracingRule rule)
    {
        await using var json = (await queries.OpenReportJsonAsync("EX-2", rule, ct: Ct))!;
        return await new StreamReader(json, Encoding.UTF8).ReadToEndAsync(Ct);
    }

    private async Task<string> Report(TracingRule rule, DateTimeOffset? asOf = null, DateTimeOffset? knownAt = null) =>
        FlowReportJson.Write((await new FlowQueries(Store).ReportAsync("EX-2", rule, asOf, knownAt, Ct))!);

    [Fact]
    public async Task The_stored_report_of_a_case_is_its_report_under_each_rule()
    {
        await Import("mixed.jsonl", MixedCase, "2026-11-01T09:00:00Z");

        foreach (var rule in Enum.GetValues<TracingRule>())
        {
            var expected = SpecExamples.ReadText($"mixed-case.{TracingRules.Name(rule)}.json");
            ReportJsonAssert.Conforms(expected, await Report(rule));
            ReportJsonAssert.Conforms(expected, await ReportJson(new FlowQueries(Store), rule));
        }
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports where graph is not null"));
    }

    [Fact]
    public async Task The_stored_flow_graph_of_a_case_is_its_graph_under_each_rule_and_is_read_not_traced()
    {
        await Import("mixed.jsonl", MixedCase, "2026-11-01T09:00:00Z");
        var queries = new FlowQueries(Store);
        foreach (var rule in Enum.GetValues<TracingRule>())
            Assert.Equal(SpecExamples.ReadText($"mixed-case.{TracingRules.Name(rule)}.graph.json"), await GraphJson(queries, rule));

        // A stored graph is what is served: one made from other facts, stored for the current head, is read back as it is.
        var other = StoredReports.Pack(FlowTracer.TraceWithGraph("EX-2", Facts(string.Join('\n', MixedCase.Take(12))), TracingRule.Libr));
        await StoreAsync(other, lastSeq: MixedCase.Length);
        Assert.Equal(FlowGraphJson.Write(FlowTracer.TraceWithGraph("EX-2", Facts(string.Join('\n', MixedCase.Take(12))), TracingRule.Libr).Graph),
            await GraphJson(queries, TracingRule.Libr));
    }

    private static async Task<string> GraphJson(FlowQueries queries, TracingRule rule)
    {
        await using var json = (await queries.OpenGraphJsonAsync("EX-2", rule, ct: Ct))!;
        return await new StreamReader(json, Encoding.UTF8).ReadToEndAsync(Ct);
    }

    [Fact]
    public async Task Stored_reports_are_kept_as_they_are_without_a_second_compression()
    {
        const string externalColumns =
            "select count(*) from pg_attribute where attrelid = '{schema}.lt_stored_reports'::regclass and attname in ('written', 'exact', 'graph') and attstorage = 'e'";

        Assert.Equal(3, await ScalarAsync(externalColumns));
    }

    [Fact]
    public async Task Stored_reports_are_a_cache_kept_out_of_the_log_and_traced_again_when_lost()
    {
        // Given a case whose reports are stored in a table PostgreSQL empties after a crash
        const string unlogged = "select count(*) from pg_class where oid = '{schema}.lt_stored_reports'::regclass and relpersistence = 'u'";
        Assert.Equal(1, await ScalarAsync(unlogged));
        await Import("mixed.jsonl", MixedCase, "2026-11-01T09:00:00Z");
        var before = await ReportJson(new FlowQueries(Store), TracingRule.ProRata);

        // When the stored reports are lost
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports"));
        await ScalarAsync("with lost as (delete from {schema}.lt_stored_reports returning 1) select count(*) from lost");

        // Then reading traces the case again, to the same report, and stores it again
        Assert.Equal(before, await ReportJson(new FlowQueries(Store), TracingRule.ProRata));
        Assert.Equal(3, await ScalarAsync("select count(*) from {schema}.lt_stored_reports"));
    }

    [Fact]
    public async Task Evidence_that_arrives_late_with_an_earlier_time_is_traced_in_its_place()
    {
        var late = MixedCase.Where(l => l.Contains("\"f-2\"") || l.Contains("\"f-1\"")).ToArray();
        await Import("first.jsonl", MixedCase.Except(late), "2026-11-01T09:00:00Z");

        await Import("late.jsonl", late, "2026-11-02T09:00:00Z");

        Assert.Equal(Expected(TracingRule.Fifo, string.Join('\n', MixedCase)), await Report(TracingRule.Fifo));
        Assert.Equal(Expected(TracingRule.ProRata, string.Join('\n', MixedCase)), await Report(TracingRule.ProRata));
    }

    [Fact]
    public async Task The_written_report_is_the_report_of_the_facts_recorded_so_far_under_each_rule()
    {
        var late = MixedCase.Where(l => l.Contains("\"r-3\"")).ToArray();
        var first = MixedCase.Except(late).ToArray();
        var queries = new FlowQueries(Store);
        await Import("first.jsonl", first, "2026-11-01T09:00:00Z");
        foreach (var rule in Enum.GetValues<TracingRule>())
        {
            Assert.Equal(Expected(rule, string.Join('\n', first)), await ReportJson(queries, rule));
            Assert.Equal(Expected(rule, string.Join('\n', first)), await ReportJson(queries, rule));
        }

        await Import("late.jsonl", late, "2026-11-02T09:00:00Z");

        foreach (var rule in Enum.GetValues<TracingRule>())
            Assert.Equal(Expected(rule, string.Join('\n', MixedCase)), await ReportJson(queries, rule));
        Assert.Null(await queries.OpenReportJsonAsync("EX-404", TracingRule.Fifo, ct: Ct));
    }

    [Fact]
    public async Task A_report_another_build_wrote_is_not_served_and_an_older_one_never_replaces_a_newer()
    {
        await Import("mixed.jsonl", MixedCase, "2026-11-01T09:00:00Z");
        var queries = new FlowQueries(Store);
        var current = await ReportJson(queries, TracingRule.Fifo);
        var other = StoredReports.Pack(FlowTracer.TraceWithGraph("EX-2", Facts(string.Join('\n', MixedCase.Take(12))), TracingRule.Fifo));
        Assert.NotEqual(current, FlowReportJson.Write(other.Report));

        await StoreAsync(other, lastSeq: MixedCase.Length);
        await ScalarAsync("update {schema}.lt_stored_reports set generator = 'LaunderTrail 0.0.1'");
        Assert.Equal(current, await ReportJson(queries, TracingRule.Fifo));

        await StoreAsync(other, lastSeq: 3);
        Assert.Equal(MixedCase.Length, await ScalarAsync("select last_seq from {schema}.lt_stored_reports where rule = 'fifo'"));
        Assert.Equal(current, await ReportJson(queries, TracingRule.Fifo));
    }

    private async Task StoreAsync(PackedReport report, long lastSeq)
    {
        await using var connection = await Store.Db.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using var chain = Store.Db.CreateCommand($"select headers->>'chain' from {Schema}.mt_events where stream_id = 'EX-2' and version = {lastSeq}");
        var head = new ChainHead(lastSeq, (string)(await chain.ExecuteScalarAsync(Ct))!);
        await StoredReports.StoreAsync(transaction, Schema, "EX-2", head, report, Ct);
        await transaction.CommitAsync(Ct);
    }

    [Fact]
    public async Task Flows_as_known_at_a_date_leave_out_what_was_recorded_later_and_combine_with_as_of()
    {
        var late = MixedCase.Where(l => l.Contains("\"r-3\"")).ToArray();
        var first = MixedCase.Except(late).ToArray();
        await Import("first.jsonl", first, "2026-11-01T09:00:00Z");
        await Import("late.jsonl", late, "2026-11-02T09:00:00Z");
        var asOf = DateTimeOffset.Parse("2019-05-03T10:45:00+08:00");
        var knownAt = DateTimeOffset.Parse("2026-11-01T12:00:00Z");

        Assert.Equal(Expected(TracingRule.Fifo, string.Join('\n', first)), await Report(TracingRule.Fifo, knownAt: knownAt));
        Assert.Equal(Expected(TracingRule.Fifo, string.Join('\n', first), asOf), await Report(TracingRule.Fifo, asOf, knownAt));
        Assert.NotEqual(await Report(TracingRule.Fifo), await Report(TracingRule.Fifo, knownAt: knownAt));
    }

    [Fact]
    public async Task A_merchant_s_totals_add_up_what_it_bought_in_every_case()
    {
        await Import("mixed.jsonl", MixedCase, "2026-11-01T09:00:00Z");
        await Import("other.jsonl",
        [
            """{"id":"p","case":"EX-9","type":"PrepaidValuePurchased","at":"2019-06-01T10:00:00+08:00","lot":"Q9","product":"Q coin","buyer":"g-9","paid":1000,"faceValue":1000}""",
            """{"id":"r","case":"EX-9","type":"PrepaidValueResold","at":"2019-06-01T11:00:00+08:00","lot":"Q9","seller":"g-9","buyer":"cm-q","price":860}""",
        ], "2026-11-01T10:00:00Z");

        var figures = (await new FlowQueries(Store).MerchantAsync("cm-q", Ct))!;
        var merchant = figures.Totals;

        Assert.Empty(figures.Unavailable);
        Assert.Equal(["EX-2", "EX-9"], merchant.Rows.Select(r => r.Case));
        Assert.Equal(12_000m, merchant.FaceValue);
        Assert.Equal(10_320m, merchant.Price);
        Assert.Equal(3, merchant.Resales);
        Assert.Equal(0.86m, merchant.DiscountRate);
    }

    [Fact]
    public async Task Rebuilding_the_read_models_from_the_events_gives_the_same_reports()
    {
        await Import("mixed.jsonl", MixedCase, "2026-11-01T09:00:00Z");
        var before = await Report(TracingRule.ProRata);

        var facts = await new FlowProjector(Store).RebuildAsync(ct: Ct);

        Assert.Equal(MixedCase.Length, facts.Facts);
        Assert.Empty(facts.Refused);
        Assert.Equal(before, await Report(TracingRule.ProRata));
        Assert.Equal(before, await ReportJson(new FlowQueries(Store), TracingRule.ProRata));
    }
}
