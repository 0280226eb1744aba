namespace LaunderTrail.Import.Statements;

/// <summary>What an import found in its statements, for the summary a person reads (the recorded facts say the same).</summary>
public sealed class StatementReport
{
    internal StatementReport(IReadOnlyList<PlannedStatement> planned, IReadOnlyList<(StatementScan Scan, string RecordedAs)> alreadyImported,
        IReadOnlyList<string> forReview)
    {
        Statements = planned.Select(p => new StatementSummary(
            p.Scan.File.Name, p.Scan.Map!.Layout.Profile, p.Scan.Accounts.ToList(), p.Scan.From, p.Scan.To, p.Scan.Used,
            p.Scan.Skipped, p.Matched, p.ForReview, p.Scan.Reconciles, p.Scan.Breaks(), p.Scan.SkipReasons)).ToList();
        AlreadyImported = alreadyImported.Select(a => $"{a.Scan.File.Name}: {a.RecordedAs}; nothing recorded").ToList();
        Unresolved = planned.SelectMany(p => p.Scan.Unresolved).ToHashSet(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ForReview = forReview;
    }

    /// <summary>A row left for review as the summary lists it: the row, and the recorded transfers it may be.</summary>
    internal static string Describe(StatementScan scan, PlannedRow row) =>
        $"{scan.Cite(row.Sheet, row.Number)} ({row.Amount:0.00} on {row.At:yyyy-MM-dd HH:mm}) may be {string.Join(" or ", row.Points)}";

    public IReadOnlyList<StatementSummary> Statements { get; }

    /// <summary>Statements whose bytes the case (or this import) already holds.</summary>
    public IReadOnlyList<string> AlreadyImported { get; }

    /// <summary>Counterparties known only by a name or a masked number that no alias links to an account, sorted.</summary>
    public IReadOnlyList<string> Unresolved { get; }

    /// <summary>Rows left for review: the row, and the recorded transfers it may be.</summary>
    public IReadOnlyList<string> ForReview { get; }
}

/// <summary>One statement as imported: its period, rows used and skipped (with why), matched and left for review, and its reconciliation.</summary>
public sealed record StatementSummary(
    string File,
    string Profile,
    IReadOnlyList<string> Accounts,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int RowsUsed,
    int RowsSkipped,
    int RowsMatched,
    int RowsForReview,
    bool? Reconciles,
    IReadOnlyList<string> Breaks,
    IReadOnlyDictionary<string, int> SkipReasons);
