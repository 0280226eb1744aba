using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Spectre.Console;

namespace LaunderTrail.Cli.Rendering;

/// <summary>
/// The tracing rules side by side for a terminal: for each victim the <see cref="VictimSelection"/> picks, her loss and a
/// table with a row per rule: what reached card merchants (face value and the cash they paid) and what the gang's accounts
/// still hold. A figure the rules do not all agree on, as shown to the cent, is marked with
/// <see cref="Disagreement"/>. Recorded text goes through <see cref="VisibleText"/> and is escaped for Spectre's markup.
/// </summary>
public static class RuleComparisonView
{
    public const string Disagreement = "≠";

    /// <param name="reports">The same case's reports under each rule, about the same moment, in the order to show.</param>
    public static void Write(IAnsiConsole console, IReadOnlyList<FlowReport> reports, VictimSelection selection)
    {
        var first = reports[0];
        var asOf = first.AsOf is { } moment ? $", as of {InstantWithOffsetConverter.Render(moment)}" : "";
        var rules = string.Join(", ", reports.Select(r => TracingRules.Name(r.Rule)));
        console.Write(new Rule($"[bold]Case {Escaped(first.Case)}[/] — rules side by side: {Markup.Escape(rules + asOf)}").LeftJustified());

        var byVictim = reports.Select(r => r.Victims.ToDictionary(Key, StringComparer.Ordinal)).ToList();
        var shown = selection.Pick(first.Victims);
        var disagreements = 0;
        foreach (var victim in shown)
        {
            var figures = byVictim.Select(victims => victims.TryGetValue(Key(victim), out var row) ? Figures.Of(row) : null).ToList();
            var columns = Enumerable.Range(0, Figures.Count)
                .Select(column => figures.Select(f => f?.Shown[column] ?? "—").ToList()).ToList();
            var differs = columns.Select(shownUnderEachRule => shownUnderEachRule.Distinct(StringComparer.Ordinal).Count() > 1).ToList();
            disagreements += differs.Count(d => d);

            console.MarkupLine($"[bold]{Escaped(victim.Holder)}[/] ({Escaped(string.Join(", ", victim.Accounts))}) lost [bold]{Money.Amount(victim.Loss)}[/]");
            var table = new Table().Border(TableBorder.Rounded).AddColumn("rule")
                .AddColumn(new TableColumn("to card merchants, face value").RightAligned())
                .AddColumn(new TableColumn("cash the merchants paid").RightAligned())
                .AddColumn(new TableColumn("gang still holds, cash").RightAligned())
                .AddColumn(new TableColumn("gang still holds, face value").RightAligned());
            for (var r = 0; r < reports.Count; r++)
            {
                var cells = new List<string> { TracingRules.Name(reports[r].Rule) };
                cells.AddRange(columns.Select((shownUnderEachRule, c) =>
                    differs[c] ? $"[bold]{shownUnderEachRule[r]} {Disagreement}[/]" : shownUnderEachRule[r]));
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }

        if (selection is VictimSelection.Largest && shown.Count < first.Victims.Count)
            console.MarkupLine($"[grey]and {first.Victims.Count - shown.Count:N0} more victim(s): --all compares every victim, --victim NAME one[/]");
        console.MarkupLine(disagreements == 0
            ? "The rules agree on every figure shown."
            : $"{Disagreement} marks a figure the rules disagree on ({disagreements:N0} shown).");
    }

    /// <summary>A victim is the same person under every rule: the same holder name and accounts.</summary>
    private static string Key(VictimRow victim) => victim.Holder + "\n" + string.Join("\n", victim.Accounts);

    /// <summary>One victim's compared figures under one rule, as they are shown.</summary>
    private sealed record Figures(IReadOnlyList<string> Shown)
    {
        public const int Count = 4;

        public static Figures Of(VictimRow victim)
        {
            var gang = victim.Holdings.Where(h => h.Role == AccountRole.Fraudster).ToList();
            return new Figures(
            [
                Money.Amount(victim.Reached.Sum(r => r.FaceValue)),
                Money.Amount(victim.Reached.Sum(r => r.Cash)),
                Money.Amount(gang.Sum(h => h.Cash)),
                Money.Amount(gang.Sum(h => h.FaceValue)),
            ]);
        }
    }

    private static string Escaped(string text) => Markup.Escape(VisibleText.Of(text));
}
