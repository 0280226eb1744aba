using LaunderTrail.Evidence;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import;

/// <summary>Importing evidence, with each recorded case met loaded whole, as a case of up to <see cref="RecordedFacts.LoadedWholeUpTo"/> facts is.</summary>
public sealed class ImportingEvidenceTests(PostgresServer server) : ImportingEvidence(server, RecordedFacts.LoadedWholeUpTo);

/// <summary>
/// The same imports, with each recorded case asked about block by block through the index on fact ids, as a case of
/// more than <see cref="RecordedFacts.LoadedWholeUpTo"/> facts is.
/// </summary>
public sealed class ImportingIntoLargeCasesTests(PostgresServer server) : ImportingEvidence(server, loadedWholeUpTo: 0);

public abstract class ImportingEvidence(PostgresServer server, long loadedWholeUpTo) : StoreFixture(server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private EvidenceImporter Importer(string at = "2026-11-25T10:00:00Z") =>
        new(Store, FixedClock.At(at)) { LoadedWholeUpTo = loadedWholeUpTo };

    private Task<ImportOutcome> Import(string name, string text, string at = "2026-11-25T10:00:00Z") =>
        Importer(at).ImportAsync(new JsonLinesText(name, text), "investigator-1", ct: Ct);

    private Task<long> RecordedCount() => ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'");

    [Fact]
    public async Task Every_fact_type_round_trips_through_the_event_store_with_its_envelope()
    {
        var outcome = await Import("all.jsonl", Lines.Join(Lines.OneOfEachType));

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        await using var session = Store.Documents.QuerySession();
        var stream = await session.Events.FetchStreamAsync(Lines.Case, token: Ct);
        Assert.Equal(EvidenceTypes.Interchange.Count, stream.Count);
        for (var i = 0; i < stream.Count; i++)
        {
            var expected = FactParser.Parse(Lines.OneOfEachType[i]).Fact!;
            var stored = (CaseEvent)stream[i].Data;
            Assert.Equal(expected.GetType(), stored.GetType());
            Assert.Equal(CanonicalFact.Bytes(expected), CanonicalFact.Bytes(stored));
            Assert.Equal("investigator-1", stream[i].UserName);
            Assert.Equal(outcome.Summary.Batch, stream[i].CorrelationId);
            Assert.Equal($"all.jsonl:{i + 1}", stream[i].GetHeader("origin"));
        }
    }

    [Fact]
    public async Task A_file_with_one_bad_line_among_good_ones_writes_nothing_and_names_every_bad_line()
    {
        var text = Lines.Join(
            Lines.Account("a-1", "zheng", "Ms Zheng", "victim"),
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-2", "zheng", "g-1", "-5"),
            Lines.Transfer("t-3", "zheng", "g-1", "10.005"));

        var outcome = await Import("case.jsonl", text);

        Assert.False(outcome.Accepted);
        Assert.Equal(
            ["case.jsonl:3: amount: must be greater than 0", "case.jsonl:4: amount: must have at most 2 decimals"],
            outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var text = Lines.Join(Lines.OneOfEachType);
        await Import("all.jsonl", text);

        var again = await Import("all.jsonl", text, at: "2026-11-26T10:00:00Z");

        Assert.True(again.Accepted);
        Assert.Equal(0, again.Summary.Recorded);
        Assert.Equal(EvidenceTypes.Interchange.Count, again.Summary.AlreadyRecorded);
        Assert.Equal(EvidenceTypes.Interchange.Count, await RecordedCount());
    }

    [Fact]
    public async Task A_file_of_many_blocks_imported_again_with_new_facts_among_the_old_records_only_the_new()
    {
        var old = Enumerable.Range(1, 1_000).Select(i => Lines.Transfer($"t-{i}", "zheng", "g-1", "100")).ToArray();
        await Import("first.jsonl", Lines.Join(old));
        var mixed = Enumerable.Range(1, 1_000)
            .SelectMany(i => new[] { old[i - 1], Lines.Transfer($"n-{i}", "zheng", "g-1", "5") })
            .ToArray();

        var again = await Import("second.jsonl", Lines.Join(mixed), at: "2026-11-26T10:00:00Z");

        Assert.True(again.Accepted, string.Join("\n", again.Errors));
        Assert.Equal(1_000, again.Summary.Recorded);
        Assert.Equal(1_000, again.Summary.AlreadyRecorded);
        Assert.Equal(2_000, await RecordedCount());
    }

    [Fact]
    public async Task The_same_fact_written_differently_counts_as_the_same_content()
    {
        await Import("a.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        var again = await Import("b.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100.00")));

        Assert.True(again.Accepted);
        Assert.Equal(1, again.Summary.AlreadyRecorded);
        Assert.Equal(1, await RecordedCount());
    }

    [Fact]
    public async Task A_conflicting_reimport_is_refused_naming_both_sources_and_writes_nothing()
    {
        await Import("first.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        var outcome = await Import("second.jsonl", Lines.Join(
            Lines.Transfer("t-2", "zheng", "g-1", "300"),
            Lines.Transfer("t-1", "zheng", "g-1", "999")));

        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("second.jsonl:2: id: 't-1' is already recorded in case 'T-1' with other content", error.ToString());
        Assert.Contains("first.jsonl:1", error.Reason);
        Assert.Equal(1, await RecordedCount());
    }

    [Fact]
    public async Task A_repeat_within_one_file_is_kept_once_and_a_conflicting_repeat_is_an_error()
    {
        var same = await Import("same.jsonl", Lines.Join(
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-1", "zheng", "g-1", "100")));
        Assert.True(same.Accepted);
        Assert.Equal(1, same.Summary.RepeatedInSource);

        var conflicting = await Import("other.jsonl", Lines.Join(
            Lines.Transfer("t-5", "zheng", "g-1", "100"),
            Lines.Transfer("t-5", "zheng", "g-1", "200")));

        Assert.Equal(["other.jsonl:2: id: 't-5' of case 'T-1' already stands at other.jsonl:1 with other content"],
            conflicting.Errors.Select(e => e.ToString()));
        Assert.Equal(1, await RecordedCount());
    }

    [Fact]
    public async Task A_repeat_refused_by_the_table_before_the_source_reaches_another_case_is_kept_once()
    {
        // The second copy of t-1 is refused when the writer ends its COPY to start case T-2's stream, mid-source.
        var outcome = await Import("two-cases.jsonl", Lines.Join(
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-1", "zheng", "g-1", "100").Replace("\"T-1\"", "\"T-2\"")));

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal((2, 1), (outcome.Summary.Recorded, outcome.Summary.RepeatedInSource));
        Assert.Equal(2, await RecordedCount());
    }

    [Fact]
    public async Task A_file_repeating_a_fact_and_refused_further_on_names_both_and_leaves_its_case_free_for_the_next_import()
    {
        // The repeat reaches the server, which refuses the COPY, forty thousand lines before the bad line stops the
        // first attempt (the writer runs a few blocks behind the check), so that attempt abandons a refused COPY.
        var lines = new List<string> { Lines.Transfer("t-1", "zheng", "g-1", "100"), Lines.Transfer("t-1", "zheng", "g-1", "100") };
        lines.AddRange(Enumerable.Range(2, 40_000).Select(i => Lines.Transfer($"t-{i}", "zheng", "g-1", "100")));
        lines.Add(Lines.Transfer("t-1", "zheng", "g-1", "999"));
        lines.Add(Lines.Transfer("t-bad", "zheng", "g-1", "0"));

        var refused = await Import("refused.jsonl", Lines.Join([.. lines]));

        Assert.Equal(
        [
            "refused.jsonl:40003: id: 't-1' of case 'T-1' already stands at refused.jsonl:1 with other content",
            "refused.jsonl:40004: amount: must be greater than 0",
        ], refused.Errors.Select(e => e.ToString()));
        var next = Importer().ImportAsync(new JsonLinesText("next.jsonl", Lines.Join(Lines.Transfer("t-9", "zheng", "g-1", "5"))), "investigator-1", ct: Ct);
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)));
        Assert.True((await next).Accepted);
        Assert.Equal(1, await RecordedCount());
    }

    [Fact]
    public async Task A_recorded_fact_brought_twice_by_one_file_is_counted_once_as_recorded_and_once_as_repeated()
    {
        await Import("first.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        var again = await Import("again.jsonl", Lines.Join(
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-2", "zheng", "g-1", "20"),
            Lines.Transfer("t-1", "zheng", "g-1", "100")));

        Assert.True(again.Accepted, string.Join("\n", again.Errors));
        Assert.Equal((1, 1, 1), (again.Summary.Recorded, again.Summary.AlreadyRecorded, again.Summary.RepeatedInSource));
        Assert.Equal(2, await RecordedCount());
    }

    [Fact]
    public async Task A_recorded_fact_brought_again_with_other_content_later_in_the_file_names_its_first_line()
    {
        await Import("first.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        var again = await Import("again.jsonl", Lines.Join(
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-1", "zheng", "g-1", "300")));

        Assert.Equal(["again.jsonl:2: id: 't-1' of case 'T-1' already stands at again.jsonl:1 with other content"],
            again.Errors.Select(e => e.ToString()));
        Assert.Equal(1, await RecordedCount());
    }

    [Fact]
    public async Task Conflicting_repeats_far_from_their_first_line_name_it_among_the_other_errors_in_line_order()
    {
        var lines = Enumerable.Range(1, 3_000).Select(i => Lines.Transfer($"t-{i}", "zheng", "g-1", "100")).ToList();
        lines.Add(Lines.Transfer("t-2", "zheng", "g-1", "200"));
        lines.Add(Lines.Transfer("t-3001", "zheng", "g-1", "0"));
        lines.Add(Lines.Transfer("t-2999", "zheng", "g-1", "300"));
        lines.Add(Lines.Transfer("t-2", "zheng", "g-1", "100"));
        lines.Add(Lines.Transfer("t-2", "zheng", "g-1", "400"));

        var outcome = await Import("far.jsonl", Lines.Join([.. lines]));

        Assert.Equal(
        [
            "far.jsonl:3001: id: 't-2' of case 'T-1' already stands at far.jsonl:2 with other content",
            "far.jsonl:3002: amount: must be greater than 0",
            "far.jsonl:3003: id: 't-2999' of case 'T-1' already stands at far.jsonl:2999 with other content",
            "far.jsonl:3005: id: 't-2' of case 'T-1' already stands at far.jsonl:2 with other content",
        ], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(0, await RecordedCount());
    }

    [Fact]
    public async Task New_evidence_for_a_recorded_case_is_appended_after_what_is_there()
    {
        await Import("first.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        var outcome = await Import("late.jsonl", Lines.Join(
            Lines.Transfer("t-0", "zheng", "g-1", "50", at: "2019-04-29T09:00:00+08:00"),
            Lines.Transfer("t-1", "zheng", "g-1", "100")), at: "2026-11-27T10:00:00Z");

        Assert.Equal(1, outcome.Summary.Recorded);
        await using var session = Store.Documents.QuerySession();
        var stream = await session.Events.FetchStreamAsync(Lines.Case, token: Ct);
        Assert.Equal([1L, 2L], stream.Select(e => e.Version));
        Assert.Equal(["t-1", "t-0"], stream.Select(e => ((CaseEvent)e.Data).Id));
        await using var recordedAt = Store.Db.CreateCommand(
            $"select headers->>'recordedAt' from {Schema}.mt_events where version = 2");
        Assert.Equal("2026-11-27T10:00:00.000000Z", await recordedAt.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_money_fact_in_another_currency_than_its_case_recorded_is_refused_on_every_line()
    {
        await Import("cny.jsonl", Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        var outcome = await Import("usd.jsonl", Lines.Join(
            Lines.Account("a-1", "zheng", "Ms Zheng", "victim"),
            Lines.Transfer("t-2", "g-1", "g-2", "50").Replace("}", ",\"currency\":\"USD\"}"),
            Lines.Transfer("t-3", "g-2", "g-3", "20").Replace("}", ",\"currency\":\"USD\"}")));

        Assert.Equal([
            "usd.jsonl:2: currency: case 'T-1' is recorded in CNY; one case has one currency",
            "usd.jsonl:3: currency: case 'T-1' is recorded in CNY; one case has one currency",
        ], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(1, await RecordedCount());
    }
}
