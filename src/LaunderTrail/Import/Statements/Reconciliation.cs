using System.Globalization;

namespace LaunderTrail.Import.Statements;

/// <summary>A statement row with a balance, as reconciliation reads it: the amount it moved (negative is out; 0 for a failed row) and the balance after it.</summary>
public sealed record BalanceRow(long Row, DateTimeOffset At, decimal SignedAmount, decimal Balance);

/// <summary>
/// A place where a balance does not follow from the one before: between which rows (the earlier and the later of the
/// two in time), what the later balance should have been, what it is, and what is missing between them (the sum of the
/// rows the statement lacks, negative when money went out).
/// </summary>
public sealed record BalanceBreak(long EarlierRow, long LaterRow, DateTimeOffset EarlierAt, DateTimeOffset LaterAt,
    decimal Expected, decimal Shown)
{
    public decimal Missing => Shown - Expected;

    public override string ToString()
    {
        var dates = EarlierAt.Date == LaterAt.Date
            ? $"on {EarlierAt:yyyy-MM-dd}"
            : $"dated {EarlierAt:yyyy-MM-dd} to {LaterAt:yyyy-MM-dd}";
        return string.Create(CultureInfo.InvariantCulture,
            $"between row {EarlierRow} and row {LaterRow} ({dates}): balance {Shown:N2} where {Expected:N2} follows; {Missing:+#,##0.00;-#,##0.00} is missing from the statement");
    }
}

/// <summary>The outcome of checking one account's balances: the rows checked, the order they run in, and every break.</summary>
public sealed record ReconciliationResult(int RowsChecked, bool NewestFirst, IReadOnlyList<BalanceBreak> Breaks)
{
    public bool Reconciles => Breaks.Count == 0;
}

/// <summary>
/// Checks a statement's balances row by row in the statement's own order: each balance must be the one before it plus
/// the row's amount (money in) or minus it (money out). Statements run oldest first or newest first (Alipay and many
/// banks list the newest row first); the order is taken from the times of the first and last rows, and each pair of
/// neighbouring rows is checked in time order. Pure: no I/O, fed one row at a time, memory only for its breaks.
/// </summary>
public sealed class Reconciliation
{
    private readonly List<BalanceBreak> _forward = [];
    private readonly List<BalanceBreak> _backward = [];
    private BalanceRow? _first;
    private BalanceRow? _previous;
    private int _rows;

    /// <summary>Adds the next row of the statement, in the statement's order.</summary>
    public void Add(BalanceRow row)
    {
        _rows++;
        _first ??= row;
        if (_previous is { } earlierInFile)
        {
            // If the statement runs oldest first, this row follows the previous one in time …
            var forward = earlierInFile.Balance + row.SignedAmount;
            if (forward != row.Balance)
                _forward.Add(new BalanceBreak(earlierInFile.Row, row.Row, earlierInFile.At, row.At, forward, row.Balance));
            // … if newest first, the previous row follows this one.
            var backward = row.Balance + earlierInFile.SignedAmount;
            if (backward != earlierInFile.Balance)
                _backward.Add(new BalanceBreak(row.Row, earlierInFile.Row, row.At, earlierInFile.At, backward, earlierInFile.Balance));
        }

        _previous = row;
    }

    public ReconciliationResult Result()
    {
        var newestFirst = _first is { } first && _previous is { } last && first.At > last.At;
        var breaks = newestFirst ? _backward.AsEnumerable().Reverse().ToList() : _forward;
        return new ReconciliationResult(_rows, newestFirst, breaks);
    }

    public static ReconciliationResult Check(IEnumerable<BalanceRow> rowsInStatementOrder)
    {
        var reconciliation = new Reconciliation();
        foreach (var row in rowsInStatementOrder) reconciliation.Add(row);
        return reconciliation.Result();
    }
}
