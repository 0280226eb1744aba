using LaunderTrail.Import;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;
using Npgsql;

namespace LaunderTrail.Tests.Court;

public sealed class AppendOnlyEventsTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task ImportAsync(string text, string at = "2026-11-25T10:00:00Z") =>
        Assert.True((await new EvidenceImporter(Store, FixedClock.At(at))
            .ImportAsync(new JsonLinesText("case.jsonl", text), "investigator-1", ct: Ct)).Accepted);

    private async Task<PostgresException> RefusedAsync(string sql)
    {
        await using var command = Store.Db.CreateCommand(sql.Replace("{schema}", Schema));
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
    }

    [Theory]
    [InlineData("update {schema}.mt_events set data = jsonb_set(data, '{amount}', '1') where version = 2", "UPDATE")]
    [InlineData("delete from {schema}.mt_events where version = 2", "DELETE")]
    [InlineData("truncate {schema}.mt_events cascade", "TRUNCATE")]
    public async Task The_database_refuses_to_change_or_remove_recorded_events(string sql, string operation)
    {
        await ImportAsync(Lines.Join(Lines.OneOfEachType));

        var refusal = await RefusedAsync(sql);

        Assert.Equal($"recorded events are append-only: {operation} on {Schema}.mt_events is refused", refusal.MessageText);
        Assert.Equal(Lines.OneOfEachType.Length, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
        Assert.Equal(0, await ScalarAsync(
            "select count(*) from {schema}.mt_events where (data->>'amount')::numeric = 1"));
    }

    [Fact]
    public async Task Appends_to_a_guarded_case_still_work_through_copy_and_through_marten_appends()
    {
        await ImportAsync(Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")));

        await ImportAsync(Lines.Join(Lines.Transfer("t-2", "zheng", "g-1", "200")), at: "2026-11-26T10:00:00Z");

        Assert.Equal(2, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-1'"));
    }

    [Fact]
    public async Task Opening_the_store_again_keeps_one_guard()
    {
        await ImportAsync(Lines.Join(Lines.Transfer("t-9", "zheng", "g-1", "900")));

        await using (await CaseStore.OpenAsync(Server.ConnectionString, Schema, Ct))
        {
        }

        Assert.Equal(2, await ScalarAsync(
            $"select count(*) from pg_trigger where tgrelid = '{{schema}}.mt_events'::regclass " +
            $"and tgname in ('{AppendOnlyGuard.RowTrigger}', '{AppendOnlyGuard.TruncateTrigger}')"));
        await RefusedAsync("delete from {schema}.mt_events where data->>'id' = 't-9'");
    }
}
