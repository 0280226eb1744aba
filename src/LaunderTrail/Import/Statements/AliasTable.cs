namespace LaunderTrail.Import.Statements;

/// <summary>
/// Links the way statements show a counterparty (a name, a masked card number such as <c>6222****1234</c>, a login) to
/// the account the case uses: a CSV with the header <c>shown,account</c>. A shown text is linked to one account only.
/// </summary>
public sealed class AliasTable
{
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);

    public static readonly AliasTable Empty = new();

    public int Count => _accounts.Count;

    /// <summary>Whether <paramref name="header"/> is an alias table's header row.</summary>
    public static bool IsHeader(IReadOnlyList<string> header) =>
        header.Count >= 2 && StatementValues.Clean(header[0]) == "shown" && StatementValues.Clean(header[1]) == "account" &&
        header.Skip(2).All(string.IsNullOrWhiteSpace);

    /// <summary>The aliases of every alias file, or every problem with them (<c>FILE:ROW: column: reason</c>).</summary>
    public static (AliasTable Table, IReadOnlyList<LineError> Errors) Read(IEnumerable<StatementFile> files)
    {
        var table = new AliasTable();
        var errors = new List<LineError>();
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var sawHeader = false;
            try
            {
                foreach (var row in StatementTable.Rows(file, FileKind.Csv))
                {
                    if (!sawHeader)
                    {
                        if (!IsHeader(row.Cells))
                        {
                            errors.Add(new LineError(file.Name, row.Number, "header", "an alias file starts with the header shown,account"));
                            break;
                        }

                        sawHeader = true;
                        continue;
                    }

                    var shown = row.Cells.Length > 0 ? StatementValues.Clean(row.Cells[0]) : "";
                    var account = row.Cells.Length > 1 ? StatementValues.Clean(row.Cells[1]) : "";
                    if (shown.Length == 0) errors.Add(new LineError(file.Name, row.Number, "shown", "is empty"));
                    else if (account.Length == 0) errors.Add(new LineError(file.Name, row.Number, "account", "is empty"));
                    else if (table._accounts.TryGetValue(shown, out var known) && known != account)
                        errors.Add(new LineError(file.Name, row.Number, "account",
                            $"'{shown}' is already linked to '{known}' ({firstSeen[shown]}); one shown text names one account"));
                    else
                    {
                        table._accounts[shown] = account;
                        firstSeen.TryAdd(shown, $"{file.Name}:{row.Number}");
                    }
                }
            }
            catch (UnreadableStatementException e)
            {
                errors.Add(new LineError(file.Name, e.Row, "line", e.Message));
            }

            if (!sawHeader && errors.Count == 0) errors.Add(new LineError(file.Name, 1, "header", "an alias file starts with the header shown,account"));
        }

        return (table, errors);
    }

    /// <summary>The account a shown counterparty stands for, when the table links it.</summary>
    public string? AccountOf(string shown) => _accounts.GetValueOrDefault(shown);
}
