using LaunderTrail.Import;
using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;

namespace LaunderTrail.Tests.Storage;

/// <summary>
/// The event table refuses a fact id written twice into one case (<see cref="FactIdIndex"/>), which is what lets an import
/// leave the repeats within its source to the table; where the table cannot be made so, imports find repeats themselves.
/// </summary>
public sealed class FactIdIndexTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<long> IsUnique() => ScalarAsync(
        $"select i.indisunique::int from pg_index i join pg_class c on c.oid = i.indexrelid " +
        $"join pg_namespace n on n.oid = c.relnamespace where n.nspname = '{Schema}' and c.relname = '{FactIdIndex.Name}'");

    private Task<ImportOutcome> Import(string text) =>
        new EvidenceImporter(Store, TimeProvider.System).ImportAsync(new JsonLinesText("case.jsonl", text), "investigator-1", ct: Ct);

    /// <summary>Writes by hand, as no import does, the case's first fact a second time (the append-only guard lets rows in).</summary>
    private Task<long> WriteFirstFactAgainAsync(string @case) => ScalarAsync(
        $"insert into {{schema}}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, headers) " +
        $"select nextval('{{schema}}.mt_events_sequence'), gen_random_uuid(), stream_id, 1000, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, headers " +
        $"from {{schema}}.mt_events where stream_id = '{@case}' and version = 1; select 0");

    [Fact]
    public async Task The_table_refuses_a_fact_id_twice_in_one_case_but_not_in_two_cases()
    {
        Assert.True((await Import(Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")))).Accepted);
        Assert.True((await Import(Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100").Replace("\"T-1\"", "\"T-2\"")))).Accepted);

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => WriteFirstFactAgainAsync("T-1"));
        Assert.True(FactIdIndex.IsRepeatedFact(refused));
        Assert.Equal(1, await IsUnique());
    }

    [Fact]
    public async Task The_plain_index_of_an_earlier_build_is_made_unique_on_opening()
    {
        await ScalarAsync($"drop index {{schema}}.{FactIdIndex.Name}; create index {FactIdIndex.Name} on {{schema}}.mt_events (stream_id, (data->>'id')); select 0");
        Assert.Equal(0, await IsUnique());

        await ReopenAsync();

        Assert.Equal(1, await IsUnique());
    }

    [Fact]
    public async Task A_table_already_holding_a_repeated_fact_keeps_a_plain_index_and_imports_still_count_repeats()
    {
        Assert.True((await Import(Lines.Join(Lines.Transfer("t-1", "zheng", "g-1", "100")))).Accepted);
        await ScalarAsync($"drop index {{schema}}.{FactIdIndex.Name}; select 0");
        await WriteFirstFactAgainAsync("T-1");

        await ReopenAsync();
        Assert.Equal(0, await IsUnique());
        // Marked, so that later starts do not build the unique index again only to fail.
        Assert.Equal(1, await ScalarAsync(
            $"select (obj_description(to_regclass('{{schema}}.{FactIdIndex.Name}'), 'pg_class') like 'laundertrail: kept plain%')::int"));

        var repeats = Lines.Join(
            Lines.Transfer("t-7", "zheng", "g-1", "100").Replace("\"T-1\"", "\"T-2\""),
            Lines.Transfer("t-7", "zheng", "g-1", "100").Replace("\"T-1\"", "\"T-2\""));
        var outcome = await Import(repeats);
        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
        Assert.Equal((1, 1), (outcome.Summary.Recorded, outcome.Summary.RepeatedInSource));
        Assert.Equal(1, await ScalarAsync("select count(*) from {schema}.mt_events where stream_id = 'T-2'"));
    }
}
