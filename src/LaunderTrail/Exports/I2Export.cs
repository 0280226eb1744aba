using System.Globalization;
using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>
/// The flow graph for i2 Analyst's Notebook: one CSV row per edge, the amount first, both ends with account, holder and
/// role, ready for one saved import specification. An account is its id; a product (standing for its issuer) is its node
/// id, <c>product:NAME</c>, so it can never be taken for an account. Text cells a spreadsheet would run as a formula are
/// neutralised with a leading apostrophe.
/// </summary>
public static class I2Export
{
    public static readonly string[] Header =
        ["amount", "from account", "from holder", "from role", "to account", "to holder", "to role", "kind", "product", "facts",
         "fact ids", "rule"];

    public static void Write(FlowGraph graph, Stream output)
    {
        var nodes = graph.Nodes.ToDictionary(node => node.Id, StringComparer.Ordinal);
        var rule = TracingRules.Name(graph.Rule);
        using var csv = CsvText.Writer(output, forSpreadsheets: true);
        csv.WriteRecord(Header);
        foreach (var edge in graph.Edges)
        {
            var (from, to) = (nodes[edge.From], nodes[edge.To]);
            csv.WriteRecord(ExportText.Money(edge.Amount),
                Account(from), from.Holder, ExportText.Role(from),
                Account(to), to.Holder, ExportText.Role(to),
                FlowEdgeKinds.Name(edge.Kind), edge.Product, edge.Facts.ToString(CultureInfo.InvariantCulture), ExportText.FactIds(edge),
                rule);
        }
    }

    private static string Account(FlowNode node) => node.Kind == FlowNodeKind.Account ? node.Name : node.Id;
}
