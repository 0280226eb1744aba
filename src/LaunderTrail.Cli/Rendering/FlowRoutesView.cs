using LaunderTrail.Court;
using LaunderTrail.Tracing;
using Spectre.Console;

namespace LaunderTrail.Cli.Rendering;

/// <summary>The terminal view of a path search: each route, largest amount on the last hop first, hop by hop.</summary>
public static class FlowRoutesView
{
    public static void Write(IAnsiConsole console, FlowGraph graph, FlowRoutes routes)
    {
        var whose = routes.Victim is { } victim ? $"{Text(victim)}'s money" : $"every edge out of {Text(routes.From)}";
        console.MarkupLine($"[bold]Case {Text(graph.Case)}[/] · {TracingRules.Name(graph.Rule)} · {whose} → {Text(routes.To)}" +
                           $" · at most {routes.MaxHops} hops");
        if (routes.Routes.Count == 0)
        {
            console.MarkupLine(routes.Truncated
                ? "No route found before the search stopped at its bound."
                : "No route: none of the followed money reached the target within the hops allowed.");
            return;
        }

        console.MarkupLine(routes.Truncated
            ? $"Showing the first {routes.Routes.Count:N0} of more routes (largest amount on the last hop first)."
            : $"{routes.Routes.Count:N0} route(s), largest amount on the last hop first.");
        console.MarkupLine($"Each hop names the first {IdsShown} facts behind it; --json lists up to {Exports.GraphWithFacts.IdsPerEdge}.");
        for (var i = 0; i < routes.Routes.Count; i++)
        {
            var route = routes.Routes[i];
            console.WriteLine();
            console.MarkupLine($"[bold]{i + 1}.[/] {Money.Amount(route.Amount)} reached {Text(routes.To)} in {route.Hops.Count} hop(s)");
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("From").AddColumn("To").AddColumn("Kind").AddColumn("Product")
                .AddColumn(new TableColumn("Amount").RightAligned()).AddColumn(new TableColumn("Facts").RightAligned())
                .AddColumn("Fact ids");
            foreach (var hop in route.Hops)
                table.AddRow(Plain(hop.Edge.From), Plain(hop.Edge.To), Plain(FlowEdgeKinds.Name(hop.Edge.Kind)), Plain(hop.Edge.Product),
                    new Text(Money.Amount(hop.Amount)), new Text(hop.Edge.Facts.ToString("N0")), Plain(FactIds(hop.Edge)));
            console.Write(table);
        }
    }

    /// <summary>How many of a hop's fact ids a table row shows; <c>--json</c> lists more (<see cref="Exports.GraphWithFacts.IdsPerEdge"/>).</summary>
    private const int IdsShown = 5;

    /// <summary>The first ids of the facts behind the hop, and how many more it sums when there are more than are shown.</summary>
    private static string FactIds(FlowEdge edge)
    {
        var shown = (edge.FactIds ?? []).Take(IdsShown).ToList();
        var more = edge.Facts - shown.Count;
        var ids = string.Join(", ", shown);
        return more == 0 ? ids : $"{ids}{(shown.Count > 0 ? " " : "")}and {more:N0} more";
    }

    private static string Text(string recorded) => Markup.Escape(VisibleText.Of(recorded));

    private static Text Plain(string recorded) => new(VisibleText.Of(recorded));
}
