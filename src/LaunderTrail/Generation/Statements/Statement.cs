namespace LaunderTrail.Generation.Statements;

/// <summary>One statement file: whose account, in which layout, and its rows in time order.</summary>
/// <param name="File">The file's name inside the folder.</param>
/// <param name="Xlsx">WeChat's newer export: the same rows in a workbook.</param>
internal sealed record Statement(StatementAccount Owner, string File, bool Xlsx, IReadOnlyList<StatementLine> Lines)
{
    public StatementProfile Profile => Owner.Profile;

    public DateOnly From => DateOnly.FromDateTime(Lines[0].At.DateTime);

    public DateOnly To => DateOnly.FromDateTime(Lines[^1].At.DateTime);

    public IEnumerable<StatementLine> Completed => Lines.Where(l => l.Outcome == LineOutcome.Completed);
}
