using LaunderTrail.Cli;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Court;

/// <summary>A superuser can drop the append-only guard; the hash chain still shows what was edited.</summary>
public sealed class TamperedEventsTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task EditBehindTheGuardAsync(string sql)
    {
        await using var command = Store.Db.CreateCommand(
            $"alter table {Schema}.mt_events disable trigger {AppendOnlyGuard.RowTrigger}; {sql.Replace("{schema}", Schema)}; " +
            $"alter table {Schema}.mt_events enable trigger {AppendOnlyGuard.RowTrigger};");
        await command.ExecuteNonQueryAsync(Ct);
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
}
