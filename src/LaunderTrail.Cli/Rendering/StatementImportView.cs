using LaunderTrail.Court;
using LaunderTrail.Import.Statements;
using Spectre.Console;

namespace LaunderTrail.Cli.Rendering;

/// <summary>The statements of an import: each with its period, rows and reconciliation; then what a person must look at.</summary>
public static class StatementImportView
{
    /// <summary>The columns every list of statements shows, with their own accounts where the list names them.</summary>
    public static Table StatementsTable(bool withAccounts)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("statement").AddColumn("profile");
        if (withAccounts) table.AddColumn("accounts");
        return table.AddColumn("period")
            .AddColumn(new TableColumn("used").RightAligned())
            .AddColumn(new TableColumn("skipped").RightAligned())
            .AddColumn(new TableColumn("matched").RightAligned())
            .AddColumn(new TableColumn("review").RightAligned())
            .AddColumn("reconciles");
    }

    public static void Write(IAnsiConsole console, StatementReport report)
    {
        if (report.Statements.Count > 0)
        {
            var table = StatementsTable(withAccounts: false);
            foreach (var s in report.Statements)
                table.AddRow(Text(s.File), s.Profile, Period(s.From, s.To), $"{s.RowsUsed:N0}", $"{s.RowsSkipped:N0}",
                    $"{s.RowsMatched:N0}", $"{s.RowsForReview:N0}", Reconciles(s.Reconciles));
            console.Write(table);
        }

        foreach (var s in report.Statements)
        {
            foreach (var (reason, rows) in s.SkipReasons)
                console.MarkupLineInterpolated($"{VisibleText.Of(s.File)}: {rows:N0} row(s) skipped: {VisibleText.Of(reason)}");
            foreach (var gap in s.Breaks)
                console.MarkupLineInterpolated($"[red]{VisibleText.Of(s.File)}: balance break {VisibleText.Of(gap)}[/]");
        }

        foreach (var line in report.AlreadyImported) console.MarkupLineInterpolated($"{VisibleText.Of(line)}");
        foreach (var row in report.ForReview)
            console.MarkupLineInterpolated($"[yellow]for review: {VisibleText.Of(row)}[/]");
        if (report.Unresolved.Count > 0)
            console.MarkupLineInterpolated(
                $"Counterparties known only as shown (no alias links them to an account): {VisibleText.Of(string.Join(", ", report.Unresolved))}");
    }

    private static string Text(string value) => Markup.Escape(VisibleText.Of(value));

    public static string Period(DateTimeOffset? from, DateTimeOffset? to) =>
        from is null || to is null ? "" : $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}";

    public static string Reconciles(bool? reconciles) => reconciles switch
    {
        true => "yes",
        false => "[red]no[/]",
        null => "no balance",
    };
}
