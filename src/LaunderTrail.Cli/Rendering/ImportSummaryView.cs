using LaunderTrail.Court;
using LaunderTrail.Import;
using Spectre.Console;

namespace LaunderTrail.Cli.Rendering;

/// <summary>The end of an import: what was recorded, what was already there, per fact type.</summary>
public static class ImportSummaryView
{
    public static void Write(IAnsiConsole console, ImportSummary summary)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("fact type")
            .AddColumn(new TableColumn("recorded").RightAligned())
            .AddColumn(new TableColumn("already recorded").RightAligned());
        foreach (var (type, counts) in summary.ByType)
            table.AddRow(Markup.Escape(VisibleText.Of(type)), $"{counts.Recorded:N0}", $"{counts.AlreadyRecorded:N0}");
        table.AddRow("[bold]total[/]", $"[bold]{summary.Recorded:N0}[/]", $"[bold]{summary.AlreadyRecorded:N0}[/]");
        console.Write(table);
        console.MarkupLineInterpolated(
            $"{summary.Lines:N0} lines, case(s) {VisibleText.Of(string.Join(", ", summary.Cases))}; batch {summary.Batch}.");
        var perSecond = summary.Lines / Math.Max((summary.Checking + summary.Writing).TotalSeconds, 0.001);
        console.MarkupLineInterpolated(
            $"Checked in {summary.Checking.TotalSeconds:0.0} s, wrote in {summary.Writing.TotalSeconds:0.0} s ({perSecond:N0} lines/s).");
        if (summary.RepeatedInSource > 0)
            console.MarkupLineInterpolated($"{summary.RepeatedInSource:N0} line(s) repeated an earlier line of the file and were kept once.");
    }
}
