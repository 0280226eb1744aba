namespace LaunderTrail.Import.Statements;

/// <summary>
/// How one kind of statement is laid out: the header names of the columns it uses (the first name found wins), which
/// of them a header row must hold to be recognised, and how times are written.
/// </summary>
public sealed record StatementLayout(
    string Profile,
    string Channel,
    IReadOnlyDictionary<ColumnRole, string[]> Columns,
    IReadOnlyList<ColumnRole> Required,
    string? TimeFormat = null,
    TimeSpan? TimeZone = null)
{
    /// <summary>Where this layout's columns stand in <paramref name="header"/>; null when it is not this layout's header row.</summary>
    public ColumnMap? Recognise(IReadOnlyList<string> header)
    {
        var found = new Dictionary<ColumnRole, int>();
        foreach (var (role, names) in Columns)
        {
            foreach (var name in names)
            {
                var at = IndexOf(header, name);
                if (at < 0) continue;
                found[role] = at;
                break;
            }
        }

        return Required.All(found.ContainsKey) ? new ColumnMap(this, header.ToArray(), found) : null;
    }

    private static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
            if (string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}

/// <summary>A recognised header row: the layout, the header's names, and the column of each role the statement has.</summary>
public sealed record ColumnMap(StatementLayout Layout, string[] Header, IReadOnlyDictionary<ColumnRole, int> Columns)
{
    public bool Has(ColumnRole role) => Columns.ContainsKey(role);

    /// <summary>The header name of the role's column, to name it in an error.</summary>
    public string NameOf(ColumnRole role) => Columns.TryGetValue(role, out var at) ? Header[at] : role.ToString();

    /// <summary>The role's cell in <paramref name="cells"/>, trimmed; "" when the statement has no such column or the row is short.</summary>
    public string Cell(IReadOnlyList<string> cells, ColumnRole role) =>
        Columns.TryGetValue(role, out var at) && at < cells.Count ? cells[at] : "";
}
