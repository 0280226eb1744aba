using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// A statement the import will record: its place among the import's statements, and how many of its used rows are
/// matched and left for review (each row's decision is read back, in the file's order, while its facts are made).
/// </summary>
internal sealed class PlannedStatement(StatementScan scan, int index, int matched, int forReview)
{
    public StatementScan Scan => scan;

    public int Matched => matched;

    public int ForReview => forReview;

    /// <summary>The statement's facts, reading the file again: one per used row, then the statement's own.</summary>
    /// <param name="plan">The decisions of the import's rows, in the files' order, positioned before this statement's first.</param>
    public async IAsyncEnumerable<(long Row, string? Sheet, CaseEvent Fact)> FactsAsync(string @case, StatementOptions options,
        IAsyncEnumerator<PlannedRow> plan)
    {
        var reading = new StatementReading(scan.File, scan.Kind, options);
        foreach (var outcome in reading.Rows())
        {
            if (outcome.Used is not { } row) continue;
            if (!await plan.MoveNextAsync() || plan.Current.Statement != index || plan.Current.Number != row.Number || plan.Current.Sheet != row.Sheet)
                throw new UnreadableStatementException(row.Number, "the file changed while it was being imported");
            yield return (row.Number, row.Sheet, FactOf(@case, row, plan.Current));
        }

        yield return (0, null, Imported(@case));
    }

    private CaseEvent FactOf(string @case, StatementRow row, PlannedRow planned)
    {
        var source = scan.Cite(row.Sheet, row.Number);
        return planned.Outcome switch
        {
            MatchOutcome.Matched => new StatementRowMatched
            {
                Id = StatementFactIds.Matched(scan.Sha256, row.Sheet, row.Number), Case = @case, At = row.At,
                Fact = planned.Points[0], Statement = scan.Sha256, Row = row.Number, Source = source,
                Note = Describe(row),
            },
            MatchOutcome.Undecided => new StatementRowUndecided
            {
                Id = StatementFactIds.Review(scan.Sha256, row.Sheet, row.Number), Case = @case, At = row.At,
                From = row.From, To = row.To, Amount = row.Amount, Candidates = planned.Points,
                Statement = scan.Sha256, Row = row.Number, Source = source, Note = row.Note,
            },
            _ => new FundsTransferred
            {
                Id = StatementFactIds.Transfer(scan.Channel, row.Own, row.Reference, scan.Sha256, row.Sheet, row.Number, planned.SerialTaken),
                Case = @case, At = row.At, From = row.From, To = row.To, Amount = row.Amount,
                Channel = scan.Channel, Source = source, Note = row.Note,
            },
        };
    }

    private static string Describe(StatementRow row) =>
        row.Note is null ? $"{row.From} → {row.To}" : $"{row.From} → {row.To}; {row.Note}";

    private StatementImported Imported(string @case)
    {
        var breaks = scan.Breaks();
        return new StatementImported
        {
            Id = "statement:" + scan.Sha256, Case = @case, At = scan.To!.Value, File = scan.File.FileName,
            Sha256 = scan.Sha256, Profile = scan.Map!.Layout.Profile, Accounts = scan.Accounts.ToList(), Holder = scan.Holder,
            PeriodFrom = scan.From, PeriodTo = scan.To, RowsUsed = scan.Used, RowsSkipped = scan.Skipped,
            RowsMatched = Matched, RowsForReview = ForReview, Reconciles = scan.Reconciles,
            Breaks = breaks.Count == 0 ? null : breaks,
        };
    }
}

/// <summary>
/// The decision for one used row (of the statement at <see cref="Statement"/>, by its place among the import's): a
/// transfer of its own (whose id carries its row too when <see cref="SerialTaken"/>), or in <see cref="Points"/> the id
/// of the fact it is the second side of (matched), or of the facts it may be (for review, sorted).
/// </summary>
internal sealed record PlannedRow(
    int Statement,
    long Number,
    string? Sheet,
    decimal Amount,
    DateTimeOffset At,
    MatchOutcome Outcome,
    bool SerialTaken,
    IReadOnlyList<string> Points);
