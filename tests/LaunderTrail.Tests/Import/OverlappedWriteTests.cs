using System.Text;
using LaunderTrail.Cases;
using LaunderTrail.Court;
using LaunderTrail.Generation;
using LaunderTrail.Import;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Import;

/// <summary>The write runs while the source is still being checked, and a source found bad late still writes nothing.</summary>
public sealed class OverlappedWriteTests(PostgresServer server) : StoreFixture(server)
{
    private const string Case = "OVERLAP-1";
    private const int Facts = 20_000;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static string Generated(int events)
    {
        using var buffer = new MemoryStream();
        CaseEventJsonLines.Write(ReferenceCaseGenerator.Generate(new GenerationOptions(515, events, Case)), buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private Task<ImportOutcome> Import(string text, IProgress<ImportProgress>? progress = null) =>
        new EvidenceImporter(Store, FixedClock.At("2026-12-01T10:00:00Z"))
            .ImportAsync(new JsonLinesText("big.jsonl", text), "investigator-1", progress, Ct);

    private Task<long> Events() => ScalarAsync($"select count(*) from {{schema}}.mt_events where stream_id = '{Case}'");

    private Task<long> Streams() => ScalarAsync($"select coalesce(max(version), -1) from {{schema}}.mt_streams where id = '{Case}'");

    [Fact]
    public async Task The_writer_receives_facts_before_the_check_has_finished()
    {
        var order = new RecordedProgress();

        var outcome = await Import(Generated(Facts), order);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        // The check hands facts to the writer through a queue of EvidenceImporter.WriteAhead facts, so it cannot finish
        // before the writer has taken all but that many: the writer's first report comes before the check's last.
        var lastCheck = order.Reports.FindLastIndex(r => r.Phase == ImportPhase.Checking);
        var firstWrite = order.Reports.FindIndex(r => r.Phase == ImportPhase.Writing);
        Assert.True(Facts - EvidenceImporter.WriteAhead > 2_000);
        Assert.InRange(firstWrite, 0, lastCheck - 1);
        Assert.Equal(Facts, await Events());
    }

    [Fact]
    public async Task A_source_written_in_several_COPY_statements_is_recorded_whole_its_chain_intact_and_a_late_repeat_kept_once()
    {
        var facts = 2 * EventTableCopy.RowsPerCopy + 500;
        var all = Generated(facts);
        var firstLine = all[..(all.IndexOf('\n') + 1)];

        var outcome = await Import(all + firstLine);

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal((facts, 1), (outcome.Summary.Recorded, outcome.Summary.RepeatedInSource));
        Assert.Equal(facts, await Events());
        Assert.Equal(facts, await Streams());
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), Case, Ct));
    }

    [Fact]
    public async Task An_invalid_last_line_of_a_large_file_leaves_nothing_written_for_a_new_case()
    {
        var text = Generated(Facts) + "{\"id\":\"late\",\"case\":\"" + Case + "\",\"type\":\"FundsTransferred\"}\n";

        var outcome = await Import(text);

        Assert.False(outcome.Accepted);
        Assert.Equal($"big.jsonl:{Facts + 1}", Assert.Single(outcome.Errors.Select(e => $"{e.File}:{e.Line}").Distinct()));
        Assert.Equal(0, await Events());
        Assert.Equal(-1, await Streams());
    }

    [Fact]
    public async Task An_invalid_last_line_leaves_a_recorded_case_as_it_was_and_the_next_good_import_continues_its_chain()
    {
        var all = Generated(Facts);
        var first = string.Concat(all.Split('\n')[..(Facts / 2)].Select(line => line + "\n"));
        Assert.True((await Import(first)).Accepted);

        var refused = await Import(all + "{\"id\":\"late\",\"case\":\"" + Case + "\",\"type\":\"FundsTransferred\",\"at\":\"2019-06-01T10:00:00+08:00\",\"from\":\"a\",\"to\":\"b\",\"amount\":-1}\n");

        Assert.False(refused.Accepted);
        Assert.Equal(Facts / 2, await Events());
        Assert.Equal(Facts / 2, await Streams());

        var accepted = await Import(all);
        Assert.True(accepted.Accepted, string.Join("\n", accepted.Errors));
        Assert.Equal(Facts / 2, accepted.Summary.AlreadyRecorded);
        Assert.Equal(Facts - Facts / 2, accepted.Summary.Recorded);
        Assert.Equal(Facts, await Events());
        Assert.Equal(Facts, await Streams());
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), Case, Ct));
    }

    [Fact]
    public async Task A_case_met_out_of_lock_order_while_another_writer_holds_it_is_imported_once_that_writer_lets_go()
    {
        // Two cases whose lock keys are met in descending order: the second can only be tried, and is held elsewhere.
        var (later, earlier) = CasesMetAgainstKeyOrder();
        var text = Lines.Join(
            Line(later, "t-1", "10"), Line(earlier, "t-2", "20"), Line(later, "t-3", "30"), Line(earlier, "t-4", "40"));
        var holder = await CaseLock.AcquireAsync(Store.Db, callersTransaction: null, [earlier], Ct);

        var importing = Import(text);
        await WaitUntilAdvisoryLockIsAwaitedAsync();
        await holder.DisposeAsync();
        var outcome = await importing;

        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal(4, outcome.Summary.Recorded);
        Assert.Equal(2, await ScalarAsync($"select count(*) from {{schema}}.mt_events where stream_id = '{later}'"));
        Assert.Equal(2, await ScalarAsync($"select count(*) from {{schema}}.mt_events where stream_id = '{earlier}'"));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), later, Ct));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), earlier, Ct));
    }

    [Fact]
    public async Task Checking_alone_finds_every_error_and_writes_nothing()
    {
        var text = Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100"), Lines.Transfer("t-2", "zheng", "g-1", "-5"));

        var outcome = await EvidenceImporter.CheckAsync(new JsonLinesText("check.jsonl", text), Ct);

        Assert.Equal(["check.jsonl:2: amount: must be greater than 0"], outcome.Errors.Select(e => e.ToString()));
        Assert.Equal(2, outcome.Summary.Lines);
        Assert.Equal(0, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id not like 'recorded:%'"));
    }

    private static string Line(string @case, string id, string amount) =>
        Lines.Transfer(id, "zheng", "g-1", amount).Replace($"\"case\":\"{Lines.Case}\"", $"\"case\":\"{@case}\"", StringComparison.Ordinal);

    /// <summary>Two case numbers whose lock keys run the other way from the order the file names them.</summary>
    private static (string Later, string Earlier) CasesMetAgainstKeyOrder()
    {
        static long Key(string @case) => System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(
            System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("laundertrail:case:" + @case)));
        var a = "ORDER-A";
        var b = "ORDER-B";
        return Key(a) > Key(b) ? (a, b) : (b, a);
    }

    /// <summary>Waits (bounded) until some session waits for an advisory lock: the import retrying with its cases in order.</summary>
    private async Task WaitUntilAdvisoryLockIsAwaitedAsync()
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await ScalarAsync("select count(*) from pg_locks where locktype = 'advisory' and not granted") > 0) return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("the import never waited for the held case");
    }

    private sealed class RecordedProgress : IProgress<ImportProgress>
    {
        private readonly Lock _lock = new();

        public List<ImportProgress> Reports { get; } = [];

        public void Report(ImportProgress value)
        {
            lock (_lock) Reports.Add(value);
        }
    }
}
