using LaunderTrail.Court;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LaunderTrail.Cli.Rendering;

/// <summary>
/// The flow report for a terminal: the case totals, the merchants who bought the prepaid value, and each
/// victim's trail as a tree (victim → accounts her money went to → who holds it now → card merchants reached), for
/// the victims the <see cref="VictimSelection"/> picks. Recorded text is shown through <see cref="VisibleText"/>, so no
/// control character or direction override in the evidence reaches the terminal, and escaped for Spectre's markup.
/// </summary>
public static class FlowReportView
{
    public static void Write(IAnsiConsole console, FlowReport report, VictimSelection selection)
    {
        var asOf = report.AsOf is { } moment ? $", as of {InstantWithOffsetConverter.Render(moment)}" : "";
        console.Write(new Rule($"[bold]Case {Escaped(report.Case)}[/] — rule {TracingRules.Name(report.Rule)}{Markup.Escape(asOf)}").LeftJustified());
        console.Write(Totals(report.Totals));
        console.Write(Merchants(report.Merchants));
        var shown = selection.Pick(report.Victims);
        foreach (var victim in shown)
            console.Write(Trail(victim));
        if (selection is VictimSelection.Largest && shown.Count < report.Victims.Count)
        {
            var rest = report.Victims.Count - shown.Count;
            var restLoss = report.Victims.Sum(v => v.Loss) - shown.Sum(v => v.Loss);
            console.MarkupLine($"[grey]and {rest:N0} more victim(s), who lost {Money.Amount(restLoss)} in total: " +
                               "--all shows every trail, --victim NAME one victim's[/]");
        }
        if (report.Problems.Count > 0)
            console.Write(Problems(report.Problems));
    }

    private static Table Totals(FlowTotals totals)
    {
        var table = new Table().Title("Totals").Border(TableBorder.Rounded).HideHeaders()
            .AddColumn("figure").AddColumn(new TableColumn("CNY").RightAligned());
        table.AddRow("Victims' loss", Money.Amount(totals.VictimLoss));
        table.AddRow("Prepaid value bought (face value)", Money.Amount(totals.PrepaidFaceValue));
        table.AddRow("Paid for prepaid value", Money.Amount(totals.PrepaidPaid));
        table.AddRow("Resold to card merchants (face value)", Money.Amount(totals.ResoldFaceValue));
        table.AddRow("Cash the merchants paid", Money.Amount(totals.ResaleCash));
        table.AddRow("Laundering cost (discount)", Money.Amount(totals.LaunderingCost));
        return table;
    }

    private static Table Merchants(IReadOnlyList<MerchantRow> merchants)
    {
        var table = new Table().Title("Card merchants").Border(TableBorder.Rounded)
            .AddColumn("account").AddColumn("holder").AddColumn("product")
            .AddColumn(new TableColumn("face value").RightAligned())
            .AddColumn(new TableColumn("price").RightAligned())
            .AddColumn(new TableColumn("rate").RightAligned())
            .AddColumn(new TableColumn("resales").RightAligned());
        foreach (var m in merchants)
            table.AddRow(Text(m.Account), Text(m.Holder), Text(m.Product), new Text(Money.Amount(m.FaceValue)),
                new Text(Money.Amount(m.Price)), new Text(Money.Rate(m.DiscountRate)), new Text($"{m.Resales}"));
        return table;
    }

    private static Tree Trail(VictimRow victim)
    {
        var tree = new Tree(new Markup(
            $"[bold]{Escaped(victim.Holder)}[/] ({Escaped(string.Join(", ", victim.Accounts))}) lost [bold]{Money.Amount(victim.Loss)}[/]"));
        var sent = tree.AddNode("[grey]money went to[/]");
        foreach (var hop in victim.Hops)
            sent.AddNode(Line($"{hop.Account} ({Who(hop.Holder, hop.Role)}): {Money.Amount(hop.Amount)}"));
        var held = tree.AddNode("[grey]held now by[/]");
        foreach (var holding in victim.Holdings)
            held.AddNode(Line($"{holding.Account} ({Who(holding.Holder, holding.Role)}): cash {Money.Amount(holding.Cash)}, face value {Money.Amount(holding.FaceValue)}"));
        var reached = tree.AddNode("[grey]card merchants reached[/]");
        foreach (var merchant in victim.Reached)
        {
            var rate = merchant.FaceValue == 0m ? "" : $" at {Money.Rate(merchant.Cash / merchant.FaceValue)}";
            reached.AddNode(Line($"{merchant.Account} ({merchant.Holder}): face value {Money.Amount(merchant.FaceValue)} for {Money.Amount(merchant.Cash)}{rate}"));
        }

        return tree;
    }

    private static Table Problems(IReadOnlyList<Problem> problems)
    {
        var table = new Table().Title("Left out of the figures").Border(TableBorder.Rounded).AddColumn("id").AddColumn("reason");
        foreach (var problem in problems.OrderBy(p => p.Id, StringComparer.Ordinal))
            table.AddRow(Text(problem.Id), Text(problem.Reason));
        return table;
    }

    private static string Who(string holder, AccountRole role) =>
        (holder.Length == 0 ? "unidentified" : holder) + ", " + RoleName(role);

    private static string RoleName(AccountRole role) =>
        System.Text.Json.JsonSerializer.Serialize(role, EvidenceJson.Options).Trim('"');

    private static string Escaped(string text) => Markup.Escape(VisibleText.Of(text));

    private static IRenderable Line(string text) => new Markup(Escaped(text));

    private static Text Text(string value) => new(VisibleText.Of(value));
}
