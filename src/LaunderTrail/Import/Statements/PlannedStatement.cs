using LaunderTrail.Evidence;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// A statement the import will record, with the decision for each of its used rows (in the file's order) and the ids
/// the matched and reviewed rows point to.
/// </summary>
internal sealed class PlannedStatement(StatementScan scan, IReadOnlyList<PlannedRow> rows)
{
    public StatementScan Scan => scan;

    public IReadOnlyList<PlannedRow> Rows => rows;

    public int Matched => rows.Count(r => r.Decision.Outcome == MatchOutcome.Matched);

    public int ForReview => rows.Count(r => r.Decision.Outcome == MatchOutcome.Undecided);

    /// <summary>The statement's facts, reading the file again: one per used row, then the statement's own.</summary>
    public IEnumerable<(long Row, string? Sheet, CaseEvent Fact)> Facts(string @case, StatementOptions options)
    {
        var reading = new StatementReading(scan.File, scan.Kind, options);
        var next = 0;
        foreach (var outcome in reading.Rows())
        {
            if (outcome.Used is not { } row) continue;
            var planned = rows[next++];
            yield return (row.Number, row.Sheet, FactOf(@case, row, planned));
        }

        yield return (0, null, Imported(@case));
    }

    private CaseEvent FactOf(string @case, StatementRow row, PlannedRow planned)
    {
        var source = scan.Cite(row.Sheet, row.Number);
        return planned.Decision.Outcome switch
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
/// The decision for one used row: a transfer of its own (whose id carries its row too when <see cref="SerialTaken"/>),
/// or in <see cref="Points"/> the id of the fact it is the second side of (matched), or of the facts it may be (for review).
/// </summary>
internal readonly record struct PlannedRow(MatchDecision Decision, bool SerialTaken, IReadOnlyList<string> Points);
