using LaunderTrail.Cases;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;
using Npgsql;

namespace LaunderTrail.Tests.Import;

/// <summary>
/// An import written inside a transaction its caller owns (Wolverine's, in the API) is the caller's to commit: what
/// the caller writes beside it commits with the facts or not at all, a refused import leaves the caller's transaction
/// as it was, and the case stays locked against other writers until the caller's commit.
/// </summary>
public sealed class ImportingInACallersTransactionTests(PostgresServer server) : StoreFixture(server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string FirstFacts = Lines.Join(
        Lines.Account("a-1", "zheng", "Ms Zheng", "victim"),
        Lines.Transfer("t-1", "zheng", "g-1", "100"));

    private static readonly string LaterFacts = Lines.Join(Lines.Transfer("t-2", "zheng", "g-1", "50"));

    private EvidenceImporter Importer() => new(Store, TimeProvider.System);

    private Task<long> RecordedCount() =>
        ScalarAsync($"select count(*) from {{schema}}.mt_events where stream_id = '{Lines.Case}'");

    private Task<long> NoticeCount() =>
        ScalarAsync($"select count(*) from {{schema}}.mt_events where stream_id = 'recorded:{Lines.Case}'");

    /// <summary>A caller's transaction with a write of its own in it: a row of a table the test makes.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> CallersTransactionAsync()
    {
        await using (var create = Store.Db.CreateCommand($"create table if not exists {Schema}.callers_rows (note text)"))
            await create.ExecuteNonQueryAsync(Ct);
        var connection = await Store.Db.OpenConnectionAsync(Ct);
        var transaction = await connection.BeginTransactionAsync(Ct);
        await using var insert = new NpgsqlCommand($"insert into {Schema}.callers_rows values ('the caller''s own write')", connection, transaction);
        await insert.ExecuteNonQueryAsync(Ct);
        return (connection, transaction);
    }

    [Fact]
    public async Task Facts_imported_in_a_transaction_the_caller_rolls_back_are_not_recorded()
    {
        var (connection, transaction) = await CallersTransactionAsync();
        await using (connection)
        {
            var outcome = await Importer().ImportAsync(new JsonLinesText("case.jsonl", FirstFacts), "api", connection, Ct);
            Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
            Assert.Equal(2, outcome.Summary.Recorded);
            Assert.Equal(0, await RecordedCount());
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(0, await RecordedCount());
        Assert.Equal(0, await NoticeCount());
        Assert.Equal(0, await ScalarAsync($"select count(*) from {{schema}}.mt_streams where id = '{Lines.Case}'"));
    }

    [Fact]
    public async Task Facts_imported_in_a_transaction_the_caller_commits_are_recorded_with_the_callers_write_and_their_chain()
    {
        var (connection, transaction) = await CallersTransactionAsync();
        await using (connection)
        {
            var outcome = await Importer().ImportAsync(new JsonLinesText("case.jsonl", FirstFacts), "api", connection, Ct);
            Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(2, await RecordedCount());
        Assert.Equal(1, await NoticeCount());
        Assert.Equal(1, await ScalarAsync("select count(*) from {schema}.callers_rows"));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), Lines.Case, Ct));
    }

    [Fact]
    public async Task A_refused_import_leaves_nothing_of_itself_in_the_callers_transaction_and_the_callers_own_write_commits()
    {
        Assert.True((await Importer().ImportAsync(new JsonLinesText("first.jsonl", FirstFacts), "cli", ct: Ct)).Accepted);
        // Accepted line by line, refused against what is recorded: t-1 stands with another amount.
        var conflicting = Lines.Join(Lines.Transfer("t-3", "zheng", "g-1", "7"), Lines.Transfer("t-1", "zheng", "g-1", "999"));

        var (connection, transaction) = await CallersTransactionAsync();
        await using (connection)
        {
            var outcome = await Importer().ImportAsync(new JsonLinesText("later.jsonl", conflicting), "api", connection, Ct);
            Assert.False(outcome.Accepted);
            Assert.Contains(outcome.Errors, e => e.Line == 2 && e.Field == "id");
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(2, await RecordedCount());
        Assert.Equal(1, await NoticeCount());
        Assert.Equal(1, await ScalarAsync("select count(*) from {schema}.callers_rows"));
        Assert.Equal(2, await ScalarAsync($"select version from {{schema}}.mt_streams where id = '{Lines.Case}'"));
    }

    [Fact]
    public async Task A_source_repeating_a_fact_is_imported_again_within_the_callers_transaction_and_kept_once()
    {
        // The event table refuses the second copy when the COPY ends; the import rolls back to its savepoint, not the
        // caller's transaction, and runs again with the check that counts repeats.
        var repeating = Lines.Join(
            Lines.Transfer("t-1", "zheng", "g-1", "100"),
            Lines.Transfer("t-2", "zheng", "g-1", "20"),
            Lines.Transfer("t-1", "zheng", "g-1", "100"));
        var (connection, transaction) = await CallersTransactionAsync();
        await using (connection)
        {
            var outcome = await Importer().ImportAsync(new JsonLinesText("case.jsonl", repeating), "api", connection, Ct);
            Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
            Assert.Equal((2, 1), (outcome.Summary.Recorded, outcome.Summary.RepeatedInSource));
            await transaction.CommitAsync(Ct);
        }

        Assert.Equal(2, await RecordedCount());
        Assert.Equal(1, await ScalarAsync("select count(*) from {schema}.callers_rows"));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), Lines.Case, Ct));
    }

    [Fact]
    public async Task The_case_stays_locked_against_another_writer_until_the_caller_commits()
    {
        var (connection, transaction) = await CallersTransactionAsync();
        await using (connection)
        {
            Assert.True((await Importer().ImportAsync(new JsonLinesText("case.jsonl", FirstFacts), "api", connection, Ct)).Accepted);

            // Another writer of the same case, in a transaction of its own, must wait for the caller's commit: were the
            // lock let go when the import returned, it would read the case's head without the uncommitted facts.
            var other = Importer().ImportAsync(new JsonLinesText("later.jsonl", LaterFacts), "cli", ct: Ct);
            var finishedFirst = await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(1), Ct));
            Assert.NotSame(other, finishedFirst);

            await transaction.CommitAsync(Ct);
            Assert.True((await other).Accepted);
        }

        Assert.Equal(3, await RecordedCount());
        Assert.Equal(3, await ScalarAsync($"select version from {{schema}}.mt_streams where id = '{Lines.Case}'"));
        Assert.Null(await StoredChainCheck.RunAsync(new CaseHistory(Store), Lines.Case, Ct));
    }
}
