using LaunderTrail.Evidence;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LaunderTrail.Cli.Rendering;

/// <summary>
/// The flow report for a terminal: the case totals, the merchants who bought the prepaid value, and each
/// victim's trail as a tree (victim → accounts her money went to → who holds it now → card merchants reached).
/// </summary>
public static class FlowReportView
{
    public static void Write(IAnsiConsole console, FlowReport report, string? firstVictim = null)
    {
        var asOf = report.AsOf is { } moment ? $", as of {InstantWithOffsetConverter.Render(moment)}" : "";
        console.Write(new Rule($"[bold]Case {Markup.Escape(report.Case)}[/] — rule {TracingRules.Name(report.Rule)}{Markup.Escape(asOf)}").LeftJustified());
        console.Write(Totals(report.Totals));
        console.Write(Merchants(report.Merchants));
        foreach (var victim in VictimsInOrder(report.Victims, firstVictim))
            console.Write(Trail(victim));
        if (report.Problems.Count > 0)
            console.Write(Problems(report.Problems));
    }

    private static IEnumerable<VictimRow> VictimsInOrder(IReadOnlyList<VictimRow> victims, string? first) =>
        first is null ? victims : victims.Where(v => v.Holder == first).Concat(victims.Where(v => v.Holder != first));

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
            $"[bold]{Markup.Escape(victim.Holder)}[/] ({Markup.Escape(string.Join(", ", victim.Accounts))}) lost [bold]{Money.Amount(victim.Loss)}[/]"));
        var sent = tree.AddNode("[grey]money went to[/]");
        foreach (var hop in victim.Hops)
            sent.AddNode(Escaped($"{hop.Account} ({Who(hop.Holder, hop.Role)}): {Money.Amount(hop.Amount)}"));
        var held = tree.AddNode("[grey]held now by[/]");
        foreach (var holding in victim.Holdings)
            held.AddNode(Escaped($"{holding.Account} ({Who(holding.Holder, holding.Role)}): cash {Money.Amount(holding.Cash)}, face value {Money.Amount(holding.FaceValue)}"));
        var reached = tree.AddNode("[grey]card merchants reached[/]");
        foreach (var merchant in victim.Reached)
        {
            var rate = merchant.FaceValue == 0m ? "" : $" at {Money.Rate(merchant.Cash / merchant.FaceValue)}";
            reached.AddNode(Escaped($"{merchant.Account} ({merchant.Holder}): face value {Money.Amount(merchant.FaceValue)} for {Money.Amount(merchant.Cash)}{rate}"));
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

    private static IRenderable Escaped(string text) => new Markup(Markup.Escape(text));

    private static Text Text(string value) => new(value);
}
