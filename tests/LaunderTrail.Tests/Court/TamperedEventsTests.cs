using LaunderTrail.Cli;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Court;

/// <summary>A superuser can drop the append-only guard; the hash chain still shows what was edited.</summary>
public sealed class TamperedEventsTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BehindTheGuard Guard => new(Store);

    private Task EditBehindTheGuardAsync(string sql) => Guard.EditAsync(sql, Ct);

    private async Task<string> HeadAsync()
    {
        var head = await RunCommandAsync("head", "--case", MixedCase.Case);
        Assert.True(head.ExitCode == ExitCodes.Ok, head.Output + head.Errors);
        return head.Output.TrimEnd('\n');
    }

    [Fact]
    public async Task An_untouched_case_verifies()
    {
        await MixedCase.ImportAsync(Store, Ct);

        var result = await RunCommandAsync("verify", "--case", MixedCase.Case);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output + result.Errors);
        Assert.Equal("OK case EX-2: the hash chain of its 30 events holds.\n", result.Output);
    }

    [Fact]
    public async Task An_amount_changed_behind_the_guard_is_named_by_seq_and_id_and_no_bundle_is_written()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await EditBehindTheGuardAsync(
            "update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'");

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case);
        using var folders = new TempFolders();
        var folder = folders.Create();
        var timeline = await RunCommandAsync("timeline", "--case", MixedCase.Case, "--out", folder);

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.Equal("FAILED case EX-2, event seq 9 (id f-2): the stored fact differs from what was recorded " +
                     "(its digest does not match)\n", verify.Output);
        Assert.Equal(ExitCodes.VerificationFailed, timeline.ExitCode);
        Assert.Contains("event seq 9 (id f-2)", timeline.Errors);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_deleted_event_breaks_the_chain_at_the_next_one()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await EditBehindTheGuardAsync("delete from {schema}.mt_events where data->>'id' = 'f-2'");

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case);

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.Equal("FAILED case EX-2, event seq 10 (id p-2): expected seq 9: an event is missing or out of place\n", verify.Output);
    }

    [Fact]
    public async Task A_deleted_newest_event_is_found_missing_against_the_case_version()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await EditBehindTheGuardAsync("delete from {schema}.mt_events where version = 30");

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case);

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.Equal("FAILED case EX-2, event seq 30: the case holds 30 events, but only 29 are stored: " +
                     "the events from seq 30 on were removed\n", verify.Output);
    }

    [Theory]
    [InlineData(31, "FAILED case EX-2, event seq 31: the case holds 31 events, but only 30 are stored: the events from seq 31 on were removed\n")]
    [InlineData(29, "FAILED case EX-2, event seq 30 (id h-1): the case's stream record says it holds 29 events: its version was changed\n")]
    public async Task A_changed_case_version_is_caught(int version, string expected)
    {
        await MixedCase.ImportAsync(Store, Ct);
        await Guard.SqlAsync($"update {{schema}}.mt_streams set version = {version} where id = 'EX-2'", Ct);

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case);

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.Equal(expected, verify.Output);
    }

    [Fact]
    public async Task A_changed_digest_header_is_caught()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await EditBehindTheGuardAsync(
            "update {schema}.mt_events set headers = jsonb_set(headers, '{digest}', to_jsonb(repeat('0', 64))) where version = 12");

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case);

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.StartsWith("FAILED case EX-2, event seq 12 (id ", verify.Output);
        Assert.EndsWith("): the stored fact differs from what was recorded (its digest does not match)\n", verify.Output);
    }

    [Fact]
    public async Task Two_events_swapped_in_place_break_the_chain_at_the_first()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await EditBehindTheGuardAsync(
            "update {schema}.mt_events set version = -1 where stream_id = 'EX-2' and version = 9; " +
            "update {schema}.mt_events set version = 9 where stream_id = 'EX-2' and version = 10; " +
            "update {schema}.mt_events set version = 10 where stream_id = 'EX-2' and version = -1");

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case);

        Assert.Equal(ExitCodes.VerificationFailed, verify.ExitCode);
        Assert.Equal("FAILED case EX-2, event seq 9 (id p-2): the chain hash does not match: the record, its time or an " +
                     "earlier one was changed\n", verify.Output);
    }

    [Fact]
    public async Task Head_prints_the_position_and_chain_hash_a_bundle_manifest_states()
    {
        await MixedCase.ImportAsync(Store, Ct);
        using var folders = new TempFolders();
        var folder = folders.Create();
        Assert.Equal(ExitCodes.Ok, (await RunCommandAsync("timeline", "--case", MixedCase.Case, "--out", folder)).ExitCode);
        using var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder, "manifest.json"), Ct));

        var head = await HeadAsync();

        var root = manifest.RootElement;
        Assert.Equal($"{root.GetProperty("events").GetProperty("lastSeq").GetInt64()}:{root.GetProperty("chain").GetProperty("head").GetString()}", head);
        Assert.Matches("^30:[0-9a-f]{64}$", head);
    }

    [Fact]
    public async Task A_pinned_head_verifies_and_says_how_many_events_came_after_it()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var head = await HeadAsync();
        await MixedCase.ImportAsync(Store, Lines.Join(Lines.Transfer("late-1", "zhang-bank", "g-1", "10", "2019-05-02T11:00:00+08:00"),
            Lines.Transfer("late-2", "zhang-bank", "g-1", "20", "2019-05-02T11:05:00+08:00")).Replace("\"case\":\"T-1\"", "\"case\":\"EX-2\""),
            "2026-11-26T10:00:00Z", Ct);

        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case, "--head", head);

        Assert.True(verify.ExitCode == ExitCodes.Ok, verify.Output + verify.Errors);
        Assert.Equal("OK case EX-2: the hash chain of its 32 events holds, and the events up to the pinned head 30 are unchanged; " +
                     "2 events were recorded after it.\n", verify.Output);
    }

    [Fact]
    public async Task A_fact_rewritten_with_its_digest_and_chain_passes_the_chain_but_not_a_pinned_head()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var head = await HeadAsync();
        await EditBehindTheGuardAsync("update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'");
        await Guard.RechainAsync(MixedCase.Case, Ct);

        var unpinned = await RunCommandAsync("verify", "--case", MixedCase.Case);
        var pinned = await RunCommandAsync("verify", "--case", MixedCase.Case, "--head", head);

        Assert.Equal(ExitCodes.Ok, unpinned.ExitCode);
        Assert.Equal(ExitCodes.VerificationFailed, pinned.ExitCode);
        Assert.Matches(
            $"^FAILED case EX-2, pinned head {head}: the chain hash at event seq 30 recomputed from the stored facts is [0-9a-f]{{64}}: " +
            "an event at or before seq 30 differs from what was recorded when the head was taken\n$", pinned.Output);
    }

    [Fact]
    public async Task The_newest_event_deleted_and_the_case_version_lowered_to_match_is_caught_by_a_pinned_head()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var head = await HeadAsync();
        await EditBehindTheGuardAsync("delete from {schema}.mt_events where stream_id = 'EX-2' and version = 30");
        await Guard.SqlAsync("update {schema}.mt_streams set version = 29 where id = 'EX-2'", Ct);

        var unpinned = await RunCommandAsync("verify", "--case", MixedCase.Case);
        var pinned = await RunCommandAsync("verify", "--case", MixedCase.Case, "--head", head);

        Assert.Equal(ExitCodes.Ok, unpinned.ExitCode);
        Assert.Equal(ExitCodes.VerificationFailed, pinned.ExitCode);
        Assert.Equal($"FAILED case EX-2, pinned head {head}: the case holds only 29 events, fewer than the 30 it held when the " +
                     "head was taken: events were removed\n", pinned.Output);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("0:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("30:abc")]
    public async Task A_head_not_written_as_position_and_hash_is_refused(string head)
    {
        var verify = await RunCommandAsync("verify", "--case", MixedCase.Case, "--head", head);

        Assert.NotEqual(ExitCodes.Ok, verify.ExitCode);
        Assert.Contains("--head must be POS:HASH", verify.Output + verify.Errors);
    }

    [Fact]
    public async Task Head_refuses_to_print_the_head_of_altered_events()
    {
        await MixedCase.ImportAsync(Store, Ct);
        await EditBehindTheGuardAsync("update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1990') where data->>'id' = 'f-2'");

        var head = await RunCommandAsync("head", "--case", MixedCase.Case);

        Assert.Equal(ExitCodes.VerificationFailed, head.ExitCode);
        Assert.Equal("", head.Output);
        Assert.Contains("FAILED case EX-2, event seq 9 (id f-2): the stored fact differs from what was recorded", head.Errors);
    }
}
