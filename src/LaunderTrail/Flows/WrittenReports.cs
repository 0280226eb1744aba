using LaunderTrail.Tracing;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace LaunderTrail.Flows;

/// <summary>
/// The flow reports as the interchange format writes them, one row per case and rule, stored beside the
/// <see cref="CaseFlows"/> document in the same transaction: a JSON report is answered by reading one text value
/// rather than by loading the report's objects and writing them again (tens of megabytes for a case of a million
/// facts). Text, not jsonb: jsonb would reorder the keys and drop the layout that readers compare byte for byte.
/// </summary>
internal static class WrittenReports
{
    private const string TableName = "lt_flow_reports";

    public static void Configure(StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{TableName}");
        table.AddColumn<string>("case_id").AsPrimaryKey();
        table.AddColumn<string>("rule").AsPrimaryKey();
        table.AddColumn<long>("last_seq").NotNull();
        table.AddColumn("report", "text").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
    }

    public static void Store(IDocumentSession session, string schema, string @case, TracingRule rule, long lastSeq, string report) =>
        session.QueueSqlCommand(
            $"insert into {schema}.{TableName} (case_id, rule, last_seq, report) values (?, ?, ?, ?) " +
            "on conflict (case_id, rule) do update set last_seq = excluded.last_seq, report = excluded.report",
            @case, TracingRules.Name(rule), lastSeq, report);

    public static void DeleteAll(IDocumentSession session, string schema) =>
        session.QueueSqlCommand($"delete from {schema}.{TableName}");

    /// <returns>The case's report under the rule if it was written from the facts up to <paramref name="lastSeq"/>.</returns>
    public static async Task<string?> ReadAsync(NpgsqlDataSource db, string schema, string @case, TracingRule rule,
        long lastSeq, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"select report from {schema}.{TableName} where case_id = $1 and rule = $2 and last_seq = $3");
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(TracingRules.Name(rule));
        command.Parameters.AddWithValue(lastSeq);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
