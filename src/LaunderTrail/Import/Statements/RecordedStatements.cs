using LaunderTrail.Cases;
using LaunderTrail.Evidence;
using Npgsql;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// What a case already holds from statement imports: the statements (by the SHA-256 of their bytes), the transfers
/// recorded from statement rows (as matching sees them), and which of those already cite a second row.
/// </summary>
public sealed class RecordedStatements
{
    public static readonly RecordedStatements None = new();

    private readonly Dictionary<string, StatementImported> _statements = new(StringComparer.Ordinal);
    private readonly List<(string Id, MatchRow Row)> _transfers = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public bool HasStatement(string sha256, out StatementImported statement) => _statements.TryGetValue(sha256, out statement!);

    /// <summary>Transfers recorded from one statement's row that no second row cites yet, oldest recorded first.</summary>
    public IReadOnlyList<(string Id, MatchRow Row)> OpenTransfers => _transfers;

    public bool IsTaken(string id) => _ids.Contains(id);

    public static async Task<RecordedStatements> LoadAsync(NpgsqlDataSource db, string schema, string @case, CancellationToken ct)
    {
        var recorded = new RecordedStatements();
        var transfers = new List<FundsTransferred>();
        var cited = new HashSet<string>(StringComparer.Ordinal);
        await using var command = db.CreateCommand(TransfersAndStatementsQuery(schema));
        command.Parameters.AddWithValue(@case);
        command.Parameters.AddWithValue(new[] { nameof(FundsTransferred), nameof(StatementImported), nameof(StatementRowMatched) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            switch (CaseHistory.ReadFact(reader.GetString(0)))
            {
                case StatementImported statement: recorded._statements[statement.Sha256] = statement; break;
                case StatementRowMatched matched: cited.Add(matched.Fact); break;
                case FundsTransferred transfer: transfers.Add(transfer); break;
            }
        }

        var holders = recorded._statements.Values
            .Where(s => s.Holder is not null)
            .SelectMany(s => s.Accounts.Select(a => (Account: a, s.Holder)))
            .GroupBy(h => h.Account, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Holder, StringComparer.Ordinal);
        foreach (var transfer in transfers)
        {
            if (StatementFactIds.Parse(transfer) is not { } parsed) continue;
            recorded._ids.Add(transfer.Id);
            if (cited.Contains(transfer.Id)) continue;
            var (own, counterparty, flow) = parsed.OwnIsFrom
                ? (transfer.From, transfer.To, Flow.Out)
                : (transfer.To, transfer.From, Flow.In);
            recorded._transfers.Add((transfer.Id, new MatchRow(own, counterparty, holders.GetValueOrDefault(own), flow,
                transfer.Amount, transfer.At, parsed.Reference, transfer.Channel ?? "bank", Recorded: true)));
        }

        return recorded;
    }

    /// <summary>
    /// The case's (<c>$1</c>) statement records, second-row citations, and transfers (types in <c>$2</c>) whose id
    /// begins as a statement import's does (<see cref="StatementFactIds"/>: the channel, then the sender's or the
    /// receiver's account), in recording order. The other transfers of the case, often nearly all of them, stay in the
    /// database instead of being read and thrown away here.
    /// </summary>
    private static string TransfersAndStatementsQuery(string schema) =>
        $"""
         select data::text from {schema}.mt_events
         where stream_id = $1 and data->>'type' = any($2)
           and (data->>'type' <> '{nameof(FundsTransferred)}'
                or starts_with(data->>'id', coalesce(data->>'channel', 'bank') || ':' || (data->>'from') || ':')
                or starts_with(data->>'id', coalesce(data->>'channel', 'bank') || ':' || (data->>'to') || ':'))
         order by seq_id
         """;
}
