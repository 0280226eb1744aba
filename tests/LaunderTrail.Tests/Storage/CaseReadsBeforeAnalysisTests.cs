using LaunderTrail.Cases;
using LaunderTrail.Import;
using LaunderTrail.Tests.Support;
using Npgsql;

namespace LaunderTrail.Tests.Storage;

/// <summary>
/// A large import outruns PostgreSQL's statistics: the event table is analysed when autovacuum reaches it, minutes
/// later. The reads that walk a whole case must take its events off the (stream, version) index as they come, whatever
/// the statistics say, never sort the case first (ten million facts: longer than a command may wait).
/// </summary>
public sealed class CaseReadsBeforeAnalysisTests(PostgresServer server) : StoreFixture(server)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_case_is_read_in_version_order_off_the_index_without_a_sort()
    {
        await RecordTransfersAsync(2_000);
        await using var connection = await Store.Db.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);

        await CaseHistory.InVersionOrderAsync(connection, transaction, Ct);
        var plan = await PlanAsync(connection, transaction, CaseHistory.EventsQuery(Schema, withDetails: true), Lines.Case);

        Assert.Contains("Index Scan using pk_mt_events_stream_and_version", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    [Fact]
    public async Task An_import_finds_each_case_s_chain_head_without_sorting_its_events()
    {
        await RecordTransfersAsync(2_000);
        await using var connection = await Store.Db.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);

        var plan = await PlanAsync(connection, transaction, RecordedFacts.HeadsQuery(Schema), new[] { Lines.Case, "another case" });

        Assert.Contains("Index Scan Backward using pk_mt_events_stream_and_version", plan);
        Assert.DoesNotContain("Sort", plan);
    }

    private async Task RecordTransfersAsync(int count)
    {
        var lines = new List<string> { Lines.Account("a-1", "zheng", "Ms Zheng", "victim") };
        lines.AddRange(Enumerable.Range(1, count).Select(i => Lines.Transfer($"t-{i}", "zheng", "g-1", "1.00")));
        var outcome = await new EvidenceImporter(Store, FixedClock.At("2026-11-25T10:00:00Z"))
            .ImportAsync(new JsonLinesText("case.jsonl", Lines.Join([.. lines])), "investigator-1", ct: Ct);
        Assert.True(outcome.Accepted, string.Join("\n", outcome.Errors));
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query, object parameter)
    {
        await using var command = new NpgsqlCommand("explain " + query, connection, transaction);
        command.Parameters.AddWithValue(parameter);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(0));
        return string.Join('\n', plan);
    }
}
