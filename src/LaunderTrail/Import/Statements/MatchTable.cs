using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// Matching's rows, kept in temporary tables of the database rather than in memory, so that an import's memory does
/// not grow with its statements. The first pass copies every used row in (<see cref="Add"/>); the case's open
/// transfers join them; repeats are found by a window over each account's serials; pairs are decided one amount at a
/// time as the rows stream back ordered by amount (<see cref="TransferMatching.Pair"/>, the very rule
/// <see cref="TransferMatching.Decide"/> applies); and the second pass reads each row's decision back in the files'
/// order (<see cref="PlannedAsync"/>). The tables belong to one connection and go with it.
/// </summary>
internal sealed class MatchTable : IAsyncDisposable
{
    private const int Batch = 10_000;

    private readonly NpgsqlConnection _connection;
    private NpgsqlBinaryImporter? _writer;
    private int _rows;
    private IReadOnlyList<string> _sha256s = [];
    private Func<string, bool> _isTaken = _ => false;

    private MatchTable(NpgsqlConnection connection) => _connection = connection;

    public static async Task<MatchTable> OpenAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var table = new MatchTable(connection);
            await table.ExecuteAsync(
                """
                create temp table match_rows (
                  gidx integer not null, statement integer not null, number bigint not null, sheet text,
                  own text not null, counterparty text not null, holder text, flow smallint not null,
                  amount numeric not null, at bigint not null, at_offset integer not null, reference text,
                  channel text not null, recorded_id text);
                create temp table match_decisions (gidx integer primary key, outcome smallint not null, fact integer, candidates integer[]);
                """, ct);
            table._writer = await connection.BeginBinaryImportAsync(CopyRows, ct);
            return table;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private const string CopyRows =
        "copy match_rows (gidx, statement, number, sheet, own, counterparty, holder, flow, amount, at, at_offset, reference, channel, recorded_id) from stdin (format binary)";

    /// <summary>Adds a used row of the statement at <paramref name="statement"/> (its place among the import's statements), in the files' order.</summary>
    public void Add(int statement, long number, string? sheet, MatchRow row) => Write(_writer!, _rows++, statement, number, sheet, row, null);

    /// <summary>
    /// Ends the first pass: adds the case's open transfers (before every new row, as matching orders them), lets go of
    /// the rows of statements recorded already (<paramref name="fresh"/> holds the others), and decides every row.
    /// </summary>
    /// <param name="sha256s">Each statement's SHA-256, by its place among the import's statements.</param>
    public async Task DecideAsync(IReadOnlyList<(string Id, MatchRow Row)> open, IReadOnlyList<int> fresh, IReadOnlyList<string> sha256s,
        Func<string, bool> isTaken, CancellationToken ct)
    {
        _sha256s = sha256s;
        _isTaken = isTaken;
        await _writer!.CompleteAsync(ct);
        await _writer.DisposeAsync();
        _writer = null;
        await using (var recorded = await _connection.BeginBinaryImportAsync(CopyRows, ct))
        {
            for (var i = 0; i < open.Count; i++) Write(recorded, i - open.Count, -1, 0, null, open[i].Row, open[i].Id);
            await recorded.CompleteAsync(ct);
        }

        await ExecuteAsync(
            $"""
             delete from match_rows where recorded_id is null and statement <> all (array[{string.Join(',', fresh.Append(-1))}]);
             create index on match_rows (gidx);
             analyze match_rows;
             """, ct);
        await MarkRepeatsAsync(ct);
        await PairAsync(ct);
        await ExecuteAsync(
            """
            create temp table match_serials as
            select gidx from (
              select gidx, row_number() over (partition by channel, own, reference order by gidx) as nth
              from match_rows r
              where recorded_id is null and reference is not null and not exists (select from match_decisions d where d.gidx = r.gidx)) s
            where nth > 1;
            create index on match_serials (gidx);
            analyze match_decisions;
            analyze match_serials;
            """, ct);
    }

    /// <summary>A row whose account and serial an earlier row (or recorded transfer) has, with the same amount, direction and time, repeats it.</summary>
    private Task MarkRepeatsAsync(CancellationToken ct) => ExecuteAsync(
        $"""
         insert into match_decisions (gidx, outcome, fact)
         select gidx, {(short)MatchOutcome.Matched}, first from (
           select gidx, recorded_id, amount, flow, at,
             first_value(gidx) over w as first, first_value(amount) over w as first_amount,
             first_value(flow) over w as first_flow, first_value(at) over w as first_at
           from match_rows where reference is not null
           window w as (partition by channel, own, reference order by gidx)) r
         where recorded_id is null and gidx <> first and amount = first_amount and flow = first_flow and at = first_at
         """, ct);

    /// <summary>Streams the rows that are no repeat ordered by amount (only amounts that move both ways) and decides each amount's rows together.</summary>
    private async Task PairAsync(CancellationToken ct)
    {
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        await ExecuteAsync(
            $"""
             declare match_pairs no scroll cursor for
             select gidx, own, counterparty, holder, flow, amount, at, reference, channel, recorded_id is not null
             from match_rows r
             where not exists (select from match_decisions d where d.gidx = r.gidx)
               and amount in (select amount from match_rows group by amount
                              having bool_or(flow = {(short)Flow.In}) and bool_or(flow = {(short)Flow.Out}))
             order by amount, gidx
             """, ct);
        var group = new List<(int Index, MatchRow Row)>();
        var decided = new List<Decided>();
        int fetched;
        do
        {
            fetched = 0;
            await using (var command = new NpgsqlCommand($"fetch {Batch} from match_pairs", _connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    fetched++;
                    var row = new MatchRow(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                        (Flow)reader.GetInt16(4), reader.GetDecimal(5), new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
                        reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetBoolean(9));
                    if (group.Count > 0 && group[0].Row.Amount != row.Amount) PairGroup(group, decided);
                    group.Add((reader.GetInt32(0), row));
                }
            }

            if (fetched < Batch) PairGroup(group, decided);
            if (decided.Count >= Batch || fetched < Batch) await WriteDecisionsAsync(decided, ct);
        } while (fetched == Batch);

        await transaction.CommitAsync(ct);
    }

    private static void PairGroup(List<(int Index, MatchRow Row)> group, List<Decided> decided)
    {
        var decisions = TransferMatching.Pair(group.Select(g => g.Row).ToList());
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            if (decision.Outcome == MatchOutcome.Record) continue;
            decided.Add(new Decided(group[i].Index, decision.Outcome,
                decision.Outcome == MatchOutcome.Matched ? group[decision.Fact].Index : null,
                decision.Candidates?.Select(c => group[c].Index).ToArray()));
        }

        group.Clear();
    }

    /// <summary>A decision about the row at <see cref="Index"/>, pointing to rows by their indexes (a recorded transfer's is negative).</summary>
    private sealed record Decided(int Index, MatchOutcome Outcome, int? Fact, int[]? Candidates);

    private async Task WriteDecisionsAsync(List<Decided> decided, CancellationToken ct)
    {
        await using (var writer = await _connection.BeginBinaryImportAsync(
                         "copy match_decisions (gidx, outcome, fact, candidates) from stdin (format binary)", ct))
        {
            foreach (var (index, outcome, fact, candidates) in decided)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(index, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync((short)outcome, NpgsqlDbType.Smallint, ct);
                await writer.WriteAsync(fact, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(candidates, NpgsqlDbType.Array | NpgsqlDbType.Integer, ct);
            }

            await writer.CompleteAsync(ct);
        }

        decided.Clear();
    }

    /// <summary>How many rows of each new statement (by its place) are matched, and how many left for review.</summary>
    public async Task<IReadOnlyDictionary<int, (int Matched, int ForReview)>> CountsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<int, (int, int)>();
        await using var command = new NpgsqlCommand(
            $"""
             select r.statement,
               count(*) filter (where d.outcome = {(short)MatchOutcome.Matched} and t.outcome is distinct from {(short)MatchOutcome.Undecided}),
               count(*) filter (where d.outcome = {(short)MatchOutcome.Undecided} or t.outcome = {(short)MatchOutcome.Undecided})
             from match_decisions d join match_rows r on r.gidx = d.gidx left join match_decisions t on t.gidx = d.fact
             where r.recorded_id is null
             group by r.statement
             """, _connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetInt32(0)] = ((int)reader.GetInt64(1), (int)reader.GetInt64(2));
        return counts;
    }

    /// <summary>
    /// Each new row's decision, in the files' order (or only the rows left for review): a repeat of a row that is itself
    /// a second side points to that row's fact; a repeat of a row left for review is left for review with it.
    /// </summary>
    public async IAsyncEnumerable<PlannedRow> PlannedAsync(bool forReviewOnly, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        await ExecuteAsync(
            $"""
             declare match_plan no scroll cursor for
             select r.gidx, r.statement, r.number, r.sheet, r.channel, r.own, r.reference, s.gidx is not null,
               d.outcome, d.fact, d.candidates, t.outcome, t.fact, t.candidates, r.amount, r.at, r.at_offset
             from match_rows r
               left join match_decisions d on d.gidx = r.gidx
               left join match_decisions t on t.gidx = d.fact
               left join match_serials s on s.gidx = r.gidx
             where r.recorded_id is null
               {(forReviewOnly ? $"and {(short)MatchOutcome.Undecided} in (d.outcome, t.outcome)" : "")}
             order by r.gidx
             """, ct);
        var batch = new List<Fetched>(Batch);
        do
        {
            batch.Clear();
            await using (var command = new NpgsqlCommand($"fetch {Batch} from match_plan", _connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    batch.Add(Fetched.Read(reader));

            var ids = await IdsAsync(batch.SelectMany(f => f.Targets()).Distinct().ToArray(), ct);
            foreach (var row in batch) yield return row.Planned(ids, this);
        } while (batch.Count == Batch);

        await transaction.CommitAsync(ct);
    }

    /// <summary>The fact ids of the rows at <paramref name="indexes"/>: a recorded transfer's own, or the id a new transfer's fact will carry.</summary>
    private async Task<IReadOnlyDictionary<int, string>> IdsAsync(int[] indexes, CancellationToken ct)
    {
        var ids = new Dictionary<int, string>(indexes.Length);
        if (indexes.Length == 0) return ids;
        await using var command = new NpgsqlCommand(
            """
            select r.gidx, r.statement, r.number, r.sheet, r.channel, r.own, r.reference, r.recorded_id, s.gidx is not null
            from match_rows r left join match_serials s on s.gidx = r.gidx
            where r.gidx = any($1)
            """, _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = indexes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids[reader.GetInt32(0)] = reader.IsDBNull(7)
                ? TransferId(reader.GetInt32(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(8))
                : reader.GetString(7);
        }

        return ids;
    }

    private string TransferId(int statement, long number, string? sheet, string channel, string own, string? reference, bool serialRepeated) =>
        StatementFactIds.Transfer(channel, own, reference, _sha256s[statement], sheet, number, SerialTaken(channel, own, reference, serialRepeated));

    /// <summary>A new transfer whose serial its account already used (recorded, or an earlier row) carries its row in its id too.</summary>
    private bool SerialTaken(string channel, string own, string? reference, bool serialRepeated) =>
        reference is not null && (serialRepeated || _isTaken(StatementFactIds.Transfer(channel, own, reference, "", null, 0)));

    private static void Write(NpgsqlBinaryImporter writer, int index, int statement, long number, string? sheet, MatchRow row, string? recordedId)
    {
        writer.StartRow();
        writer.Write(index, NpgsqlDbType.Integer);
        writer.Write(statement, NpgsqlDbType.Integer);
        writer.Write(number, NpgsqlDbType.Bigint);
        WriteText(writer, sheet);
        writer.Write(row.Own, NpgsqlDbType.Text);
        writer.Write(row.Counterparty, NpgsqlDbType.Text);
        WriteText(writer, row.Holder);
        writer.Write((short)row.Flow, NpgsqlDbType.Smallint);
        writer.Write(row.Amount, NpgsqlDbType.Numeric);
        writer.Write(row.At.UtcTicks, NpgsqlDbType.Bigint);
        writer.Write((int)row.At.Offset.TotalMinutes, NpgsqlDbType.Integer);
        WriteText(writer, row.Reference);
        writer.Write(row.Channel, NpgsqlDbType.Text);
        WriteText(writer, recordedId);
    }

    private static void WriteText(NpgsqlBinaryImporter writer, string? text)
    {
        if (text is null) writer.WriteNull();
        else writer.Write(text, NpgsqlDbType.Text);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
        // The temporary tables end with the session; a pooled connection is reset before it is used again.
        await _connection.DisposeAsync();
    }

    /// <summary>One row of the plan as fetched, before the ids it points to are known.</summary>
    private sealed record Fetched(
        int Statement, long Number, string? Sheet, string Channel, string Own, string? Reference, bool SerialRepeated,
        MatchOutcome? Outcome, int? Fact, int[]? Candidates, MatchOutcome? TargetOutcome, int? TargetFact, int[]? TargetCandidates,
        decimal Amount, DateTimeOffset At)
    {
        public static Fetched Read(NpgsqlDataReader reader) => new(
            reader.GetInt32(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
            reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7),
            reader.IsDBNull(8) ? null : (MatchOutcome)reader.GetInt16(8), reader.IsDBNull(9) ? null : reader.GetInt32(9),
            reader.IsDBNull(10) ? null : reader.GetFieldValue<int[]>(10),
            reader.IsDBNull(11) ? null : (MatchOutcome)reader.GetInt16(11), reader.IsDBNull(12) ? null : reader.GetInt32(12),
            reader.IsDBNull(13) ? null : reader.GetFieldValue<int[]>(13),
            reader.GetDecimal(14),
            new DateTimeOffset(reader.GetInt64(15), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt32(16))));

        /// <summary>
        /// Where the row points: a repeat to the row it repeats, and on to the fact that row is a second side of (a
        /// repeat's first row is never a repeat, and a pair's first row is always a transfer of its own, so two steps
        /// end the chain); or the candidates of the row left for review at its end.
        /// </summary>
        private (MatchOutcome Outcome, IReadOnlyList<int> Points) Resolved() =>
            Outcome switch
            {
                null => (MatchOutcome.Record, []),
                MatchOutcome.Undecided => (MatchOutcome.Undecided, Candidates!),
                _ => TargetOutcome switch
                {
                    null => (MatchOutcome.Matched, [Fact!.Value]),
                    MatchOutcome.Undecided => (MatchOutcome.Undecided, TargetCandidates!),
                    _ => (MatchOutcome.Matched, [TargetFact!.Value]),
                },
            };

        public IEnumerable<int> Targets() => Resolved().Points;

        public PlannedRow Planned(IReadOnlyDictionary<int, string> ids, MatchTable table)
        {
            var (outcome, points) = Resolved();
            return new PlannedRow(Statement, Number, Sheet, Amount, At, outcome,
                outcome == MatchOutcome.Record && table.SerialTaken(Channel, Own, Reference, SerialRepeated),
                points.Select(p => ids[p]).Order(StringComparer.Ordinal).ToList());
        }
    }
}
