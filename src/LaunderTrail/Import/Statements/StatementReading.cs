using System.Text;
using System.Text.RegularExpressions;

namespace LaunderTrail.Import.Statements;

/// <summary>
/// Reads one statement file row by row: finds the header row by its column names (never by a line count), takes the
/// holder and account a preamble names, then reads each row after the header into a <see cref="RowOutcome"/>. Rows
/// before the header are preamble; lines of text among the rows (a footer, a total) are not transfers.
/// </summary>
public sealed partial class StatementReading(StatementFile file, FileKind kind, StatementOptions options)
{
    private static readonly string[] HolderKeys = ["姓名", "微信昵称", "户名", "账户名称", "账户名", "Account holder", "Name"];
    private static readonly string[] AccountKeys = ["支付宝账户", "支付宝账号", "微信号", "微信账号", "账号", "账户", "卡号", "Account number", "Account"];

    private static readonly ColumnRole[] InFact =
    [
        ColumnRole.Time, ColumnRole.Amount, ColumnRole.Debit, ColumnRole.Credit, ColumnRole.Direction,
        ColumnRole.OwnAccount, ColumnRole.Reference, ColumnRole.Status,
    ];

    public ColumnMap? Map { get; private set; }

    public string? Holder { get; private set; }

    /// <summary>The account the preamble names (as shown), when it names one.</summary>
    public string? PreambleAccount { get; private set; }

    public IEnumerable<RowOutcome> Rows()
    {
        foreach (var row in StatementTable.Rows(file, kind))
        {
            var cells = row.Cells.Select(StatementValues.Clean).ToArray();
            if (Map is null)
            {
                Map = Recognise(cells);
                if (Map is null) ReadPreamble(cells);
                continue;
            }

            if (IsText(cells)) continue;
            yield return Read(row, cells);
        }
    }

    private ColumnMap? Recognise(string[] header)
    {
        if (options.Profile is { } profile)
            return (profile == StatementProfiles.Mapping ? options.Mapping?.Layout() : StatementProfiles.Named(profile))?.Recognise(header);
        foreach (var layout in StatementProfiles.BuiltIn)
            if (layout.Recognise(header) is { } map) return map;
        return options.Mapping?.Layout().Recognise(header);
    }

    private void ReadPreamble(string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var (key, value) = KeyAndValue(cells[i], i + 1 < cells.Length ? cells[i + 1] : "");
            if (key is null || value.Length == 0) continue;
            if (Holder is null && HolderKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) Holder = value;
            else if (PreambleAccount is null && AccountKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) PreambleAccount = value;
        }
    }

    /// <summary>A preamble cell <c>姓名：张三</c> (or <c>微信昵称：[张三]</c>), or a key cell followed by its value cell.</summary>
    private static (string? Key, string Value) KeyAndValue(string cell, string next)
    {
        var match = PreambleEntry().Match(cell);
        if (match.Success) return (match.Groups[1].Value.Trim(), match.Groups[2].Value.Trim().Trim('[', ']').Trim());
        return cell.Length > 0 && !cell.Contains(' ') ? (cell.TrimEnd(':', '：'), next.Trim('[', ']').Trim()) : (null, "");
    }

    [GeneratedRegex(@"^\s*([^:：]{1,20})\s*[:：]\s*(.*)$")]
    private static partial Regex PreambleEntry();

    /// <summary>
    /// A line of text among the rows (a footer, a total, a rule of dashes): one cell only, or no amount and nothing
    /// that reads as a time. A row with a time but no amount is a transfer whose amount is missing, and an error.
    /// </summary>
    private bool IsText(string[] cells)
    {
        if (cells.Count(c => c.Length > 0) <= 1) return true;
        var noAmount = Map!.Cell(cells, ColumnRole.Amount).Length == 0 &&
                       Map.Cell(cells, ColumnRole.Debit).Length == 0 &&
                       Map.Cell(cells, ColumnRole.Credit).Length == 0;
        return noAmount && StatementValues.Time(Map.Cell(cells, ColumnRole.Time), TimeSpan.Zero, Map.Layout.TimeFormat).Value is null;
    }

    /// <summary>The statement's own account where the file does not name it per row.</summary>
    public string? StatementAccount =>
        options.Account
        ?? (PreambleAccount is null ? null : options.Aliases.AccountOf(PreambleAccount) ?? PreambleAccount)
        ?? (Holder is null ? null : options.Aliases.AccountOf(Holder));

    private TimeSpan Offset => options.TimeZone ?? Map!.Layout.TimeZone ?? StatementProfiles.ChinaStandardTime;

    private RowOutcome Read(TableRow row, string[] cells)
    {
        var map = Map!;
        var errors = new List<FieldError>();
        void Error(ColumnRole role, string reason) => errors.Add(new FieldError(map.NameOf(role), reason));

        var (at, timeProblem) = StatementValues.Time(map.Cell(cells, ColumnRole.Time), Offset, map.Layout.TimeFormat);
        if (timeProblem is not null) Error(ColumnRole.Time, timeProblem);

        var (signed, flow) = AmountAndFlow(map, row.Cells, cells, Error);

        decimal? balance = null;
        if (map.Has(ColumnRole.Balance) && map.Cell(cells, ColumnRole.Balance) is { Length: > 0 } balanceCell)
        {
            var (value, problem) = StatementValues.Amount(balanceCell);
            if (problem is not null) Error(ColumnRole.Balance, problem);
            balance = value;
        }

        if (Holder is null && map.Cell(cells, ColumnRole.OwnName) is { Length: > 0 } ownName) Holder = ownName;
        var ownCell = map.Cell(cells, ColumnRole.OwnAccount);
        var own = ownCell.Length > 0 ? options.Aliases.AccountOf(ownCell) ?? ownCell : StatementAccount;
        if (own is null)
            errors.Add(new FieldError(map.Has(ColumnRole.OwnAccount) ? map.NameOf(ColumnRole.OwnAccount) : "account",
                "the statement names no account of its own here and --account gives none (a bill names its holder, not an account)"));

        var notCompleted = map.Has(ColumnRole.Status) ? StatementValues.NotCompleted(map.Cell(cells, ColumnRole.Status)) : null;
        BalanceRow? balanceRow = balance is { } shown && at is { } when && signed is { } amount
            ? new BalanceRow(row.Number, when, notCompleted is null ? amount : 0m, shown)
            : null;

        RowOutcome Outcome(StatementRow? used, string? skipped) =>
            new(row.Number, row.Sheet, errors.Count > 0 ? null : used, errors.Count > 0 ? null : skipped, errors, balanceRow, own, at);

        if (errors.Count > 0) return Outcome(null, null);
        if (notCompleted is not null) return Outcome(null, notCompleted);
        if (flow == Flow.Neither) return Outcome(null, "moves no money (不计收支)");
        if (signed == 0) return Outcome(null, "moves no money (amount 0)");

        var accountShown = map.Cell(cells, ColumnRole.CounterpartyAccount);
        var nameShown = map.Cell(cells, ColumnRole.CounterpartyName);
        var shownText = accountShown.Length > 0 ? accountShown : nameShown;
        if (shownText.Length == 0) return Outcome(null, "names no counterparty (interest, a fee, cash)");
        var aliased = (accountShown.Length > 0 ? options.Aliases.AccountOf(accountShown) : null)
                      ?? (nameShown.Length > 0 ? options.Aliases.AccountOf(nameShown) : null);
        var counterparty = aliased ?? shownText;
        if (counterparty == own)
        {
            Error(accountShown.Length > 0 ? ColumnRole.CounterpartyAccount : ColumnRole.CounterpartyName,
                $"'{shownText}' is the statement's own account");
            return Outcome(null, null);
        }

        var unresolved = aliased is null && (accountShown.Length == 0 || accountShown.Contains('*'));
        var reference = map.Cell(cells, ColumnRole.Reference);
        return Outcome(new StatementRow(row.Number, row.Sheet, own!, counterparty, shownText, unresolved, flow!.Value,
            Math.Abs(signed!.Value), at!.Value, reference.Length > 0 ? reference : null, balance, Note(map, cells)), null);
    }

    /// <summary>The amount with its sign (negative is out) and the direction, from a direction column, debit and credit columns, or the sign.</summary>
    private static (decimal? Signed, Flow? Flow) AmountAndFlow(ColumnMap map, string[] raw, string[] cells, Action<ColumnRole, string> error)
    {
        if (!map.Has(ColumnRole.Amount))
        {
            var debit = map.Cell(cells, ColumnRole.Debit);
            var credit = map.Cell(cells, ColumnRole.Credit);
            if (debit.Length > 0 && credit.Length > 0 && Nonzero(debit) && Nonzero(credit))
            {
                error(ColumnRole.Credit, $"both {map.NameOf(ColumnRole.Debit)} and {map.NameOf(ColumnRole.Credit)} are filled; a row moves money one way");
                return (null, null);
            }

            var (column, text) = Nonzero(debit) || credit.Length == 0 ? (ColumnRole.Debit, debit) : (ColumnRole.Credit, credit);
            if (text.Length == 0)
            {
                error(ColumnRole.Debit, $"is empty, and so is {map.NameOf(ColumnRole.Credit)}");
                return (null, null);
            }

            var (value, problem) = StatementValues.Amount(text);
            if (problem is not null)
            {
                error(column, problem);
                return (null, null);
            }

            var amount = Math.Abs(value!.Value);
            return column == ColumnRole.Debit ? (-amount, Flow.Out) : (amount, Flow.In);
        }

        var (signed, amountProblem) = StatementValues.Amount(map.Cell(cells, ColumnRole.Amount));
        if (amountProblem is not null) error(ColumnRole.Amount, amountProblem);
        if (!map.Has(ColumnRole.Direction))
            return signed is { } s ? (s, s < 0 ? Flow.Out : Flow.In) : (null, null);

        var directionCell = map.Columns[ColumnRole.Direction] < raw.Length ? raw[map.Columns[ColumnRole.Direction]].Trim() : "";
        var (flow, directionProblem) = StatementValues.Direction(directionCell);
        if (directionProblem is not null) error(ColumnRole.Direction, directionProblem);
        if (signed is null || flow is null) return (null, null);
        if (flow == Flow.In && signed < 0)
        {
            error(ColumnRole.Amount, $"is negative but {map.NameOf(ColumnRole.Direction)} says money came in");
            return (null, null);
        }

        var magnitude = Math.Abs(signed.Value);
        return (flow == Flow.Out ? -magnitude : magnitude, flow);
    }

    private static bool Nonzero(string cell) =>
        cell.Length > 0 && StatementValues.Amount(cell) is var (value, _) && value is not 0m;

    /// <summary>The row's other cells, "header: value" in the header's order, empty ones left out.</summary>
    private static string? Note(ColumnMap map, string[] cells)
    {
        var used = InFact.Where(map.Has).Select(role => map.Columns[role]).ToHashSet();
        var note = new StringBuilder();
        for (var i = 0; i < cells.Length && i < map.Header.Length; i++)
        {
            if (used.Contains(i) || cells[i].Length == 0 || map.Header[i].Length == 0) continue;
            if (note.Length > 0) note.Append("; ");
            note.Append(map.Header[i]).Append(": ").Append(cells[i]);
        }

        return note.Length == 0 ? null : note.ToString();
    }
}
