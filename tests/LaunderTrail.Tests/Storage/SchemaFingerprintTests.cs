using LaunderTrail.Storage;
using LaunderTrail.Tests.Support;
using Marten;

namespace LaunderTrail.Tests.Storage;

public sealed class SchemaFingerprintTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> TablesNamed(string table) =>
        await ScalarAsync($"select count(*) from pg_tables where schemaname = '{Schema}' and tablename = '{table}'");

    [Fact]
    public async Task A_schema_brought_up_to_date_carries_this_builds_fingerprint()
    {
        Assert.Equal(1, await ThisBuildsFingerprints());
    }

    [Fact]
    public async Task A_schema_another_build_brought_up_to_date_is_compared_and_completed_again()
    {
        await ScalarAsync($"comment on schema {Schema} is 'laundertrail schema of another build'; drop table {Schema}.mt_doc_merchanttotals; select 0");

        await ReopenAsync();

        Assert.Equal(1, await TablesNamed("mt_doc_merchanttotals"));
        Assert.Equal(1, await ThisBuildsFingerprints());
    }

    [Fact]
    public async Task The_append_only_guard_is_restored_on_opening_even_when_the_schema_is_current()
    {
        await ScalarAsync($"drop trigger {AppendOnlyGuard.RowTrigger} on {Schema}.mt_events; select 0");

        await ReopenAsync();

        Assert.Equal(1, await ScalarAsync(
            $"select count(*) from pg_trigger where tgname = '{AppendOnlyGuard.RowTrigger}' and tgrelid = '{Schema}.mt_events'::regclass"));
    }

    [Fact]
    public async Task The_index_on_fact_ids_is_built_on_opening_and_left_alone_by_Martens_schema_comparison()
    {
        Assert.Equal(1, await ScalarAsync(
            $"select count(*) from pg_indexes where schemaname = '{Schema}' and tablename = 'mt_events' and indexname = '{FactIdIndex.Name}'"));

        using var migrations = new DocumentStore(EvidenceStore.ConfigureMigrations(new StoreOptions(), Server.ConnectionString, Schema));
        await migrations.Storage.Database.AssertDatabaseMatchesConfigurationAsync(Ct);
    }

    /// <returns>1 when the schema's comment is this build's fingerprint, 0 otherwise.</returns>
    private Task<long> ThisBuildsFingerprints() => ScalarAsync(
        $"select count(*) from pg_namespace where nspname = '{Schema}' and obj_description(oid, 'pg_namespace') = '{SchemaFingerprint.Of(Schema)}'");
}
