using LaunderTrail.Cases;
using LaunderTrail.Evidence;
using LaunderTrail.Storage;

namespace LaunderTrail.Import.Statements;

/// <summary>The statements a case holds, in the order they were imported (<c>laundertrail statements</c>, the court bundle).</summary>
public static class StatementList
{
    public static async Task<IReadOnlyList<StatementImported>> OfCaseAsync(CaseStore store, string @case, CancellationToken ct)
    {
        await using var command = store.Db.CreateCommand(
            $"select data::text from {store.Schema}.mt_events where stream_id = $1 and data->>'type' = $2 order by version");
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(nameof(StatementImported));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var statements = new List<StatementImported>();
        while (await reader.ReadAsync(ct)) statements.Add((StatementImported)CaseHistory.ReadFact(reader.GetString(0)));
        return statements;
    }
}
