using System.Globalization;
using System.Xml;
using LaunderTrail.Evidence;
using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>What every export writes the same way: money, moments, node columns, the origins of the graph.</summary>
internal static class ExportText
{
    /// <summary>Rounded to 0.01 exactly as the graph's JSON writes it (172.0, 21.5), from the decimal, never through a double.</summary>
    public static string Money(decimal amount) =>
        Tracing.Money.ToCents(amount).ToString("0.0#", CultureInfo.InvariantCulture);

    public static string AsOf(FlowGraph graph) =>
        graph.AsOf is { } asOf ? InstantWithOffsetConverter.Render(asOf) : "";

    public static string Kind(FlowNode node) => node.Kind == FlowNodeKind.Account ? "account" : "product";

    /// <summary>A product stands for its issuer and has no role of its own: "product", so a role filter tells them apart.</summary>
    public static string Role(FlowNode node) => node.Kind == FlowNodeKind.Account ? RoleNames.Of(node.Role) : "product";

    /// <summary>Every origin any edge carries, in ordinal order: one column or attribute each.</summary>
    public static IReadOnlyList<string> Origins(FlowGraph graph) => graph.Edges
        .SelectMany(edge => edge.Origins, (_, share) => share.Origin)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The ids of the facts behind an edge as listed (<see cref="FlowEdge.FactIds"/>), one a line: an id is one line of
    /// text, so the list splits back exactly; <c>facts</c> says how many there are in all.
    /// </summary>
    public static string FactIds(FlowEdge edge) => string.Join('\n', edge.FactIds ?? []);

    /// <summary>Indented with "\n", UTF-8 without a byte-order mark: the same graph gives the same bytes on any machine.</summary>
    public static readonly XmlWriterSettings Xml = new()
    {
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };
}
