using System.Security.Cryptography;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// The first pass over one statement: every row read and checked, every problem collected, the balances reconciled
/// per account, and each used row handed on as matching sees it. The rows themselves are not kept: the second pass
/// reads the file again.
/// </summary>
public sealed class StatementScan
{
    private readonly Dictionary<string, Reconciliation> _reconciliations = new(StringComparer.Ordinal);

    private readonly Action<long, string?, MatchRow> _used;

    private StatementScan(StatementFile file, FileKind kind, string sha256, Action<long, string?, MatchRow> used)
    {
        File = file;
        Kind = kind;
        Sha256 = sha256;
        _used = used;
    }

    public StatementFile File { get; }
    public FileKind Kind { get; }
    public string Sha256 { get; }
    public ColumnMap? Map { get; private set; }
    public string? Holder { get; private set; }
    public List<LineError> Errors { get; } = [];
    public int Used { get; private set; }
    public int Skipped { get; private set; }

    /// <summary>Why rows were skipped, with how many rows each reason covers.</summary>
    public SortedDictionary<string, int> SkipReasons { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Accounts { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Unresolved { get; } = new(StringComparer.Ordinal);
    public DateTimeOffset? From { get; private set; }
    public DateTimeOffset? To { get; private set; }

    /// <summary>Per own account, the balance check; empty when the statement shows no balance.</summary>
    public IReadOnlyDictionary<string, ReconciliationResult> Reconciliation =>
        _reconciliations.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value.Result(), StringComparer.Ordinal);

    public bool? Reconciles => _reconciliations.Count == 0 ? null : Reconciliation.Values.All(r => r.Reconciles);

    /// <summary>Every break, as a sentence, prefixed by its account when the statement covers several.</summary>
    public IReadOnlyList<string> Breaks()
    {
        var several = _reconciliations.Count > 1;
        return Reconciliation
            .SelectMany(r => r.Value.Breaks.Select(b => several ? $"{r.Key}: {b}" : b.ToString()))
            .ToList();
    }

    public string Channel => Map?.Layout.Channel ?? "bank";

    /// <param name="used">Given each used row, in the file's order, with its row number and sheet.</param>
    public static StatementScan Run(StatementFile file, FileKind kind, StatementOptions options, Action<long, string?, MatchRow> used)
    {
        string sha256;
        using (var stream = file.Open()) sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        var scan = new StatementScan(file, kind, sha256, used);
        var reading = new StatementReading(file, kind, options);
        try
        {
            foreach (var outcome in reading.Rows())
            {
                scan.Map ??= reading.Map;
                scan.Holder = reading.Holder;
                scan.Add(outcome);
            }
        }
        catch (UnreadableStatementException e)
        {
            scan.Errors.Add(new LineError(file.Name, e.Row, "line", e.Message));
            return scan;
        }

        scan.Map = reading.Map;
        scan.Holder = reading.Holder;
        if (scan.Map is null)
            scan.Errors.Add(new LineError(file.Name, 1, "header", UnknownLayout(options)));
        else if (scan.Used + scan.Skipped == 0 && scan.Errors.Count == 0)
            scan.Errors.Add(new LineError(file.Name, 1, "rows", "the statement has a header row but no transactions"));
        return scan;
    }

    private static string UnknownLayout(StatementOptions options) =>
        options.Profile is { } profile && profile != StatementProfiles.Mapping
            ? $"no header row of the {profile} layout ({Required(StatementProfiles.Named(profile)!)})"
            : options.Mapping is not null
                ? "no header row naming every column of the mapping"
                : "no header row of a known statement layout: " +
                  string.Join("; ", StatementProfiles.BuiltIn.Select(l => $"{l.Profile} ({Required(l)})")) +
                  "; for another layout give --profile mapping --mapping FILE";

    private static string Required(StatementLayout layout) =>
        string.Join(", ", layout.Required.Select(role => string.Join(" or ", layout.Columns[role])));

    private void Add(RowOutcome outcome)
    {
        foreach (var error in outcome.Errors)
            Errors.Add(new LineError(File.Name, outcome.Number, outcome.Sheet is null ? error.Field : $"{outcome.Sheet}!{error.Field}", error.Reason));
        if (outcome.At is { } at)
        {
            if (From is null || at < From) From = at;
            if (To is null || at > To) To = at;
        }

        if (outcome.Balance is { } balance && outcome.Own is { } own)
        {
            if (!_reconciliations.TryGetValue(own, out var reconciliation))
                _reconciliations[own] = reconciliation = new Reconciliation();
            reconciliation.Add(balance);
        }

        if (outcome.Skipped is { } reason)
        {
            Skipped++;
            SkipReasons[reason] = SkipReasons.GetValueOrDefault(reason) + 1;
            if (outcome.Own is { } skippedOwn) Accounts.Add(skippedOwn);
        }

        if (outcome.Used is not { } row) return;
        Used++;
        Accounts.Add(row.Own);
        if (row.Unresolved) Unresolved.Add(row.CounterpartyShown);
        _used(row.Number, row.Sheet, new MatchRow(row.Own, row.Counterparty, Holder, row.Flow, row.Amount, row.At, row.Reference, Channel,
            Recorded: false));
    }

    /// <summary>How recorded facts cite a row: <c>file.csv row 14</c>, <c>bill.xlsx sheet Sheet1 row 20</c>.</summary>
    public string Cite(string? sheet, long row) =>
        sheet is null ? $"{File.FileName} row {row}" : $"{File.FileName} sheet {sheet} row {row}";
}
