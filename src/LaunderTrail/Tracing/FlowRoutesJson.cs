using System.Text;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Writes the answer of a path search (docs/interchange.md, "Paths", our extension of the format) as the flow graph
/// is written: keys in their order, two-space indentation, "\n" line ends and a final newline, money rounded to 0.01.
/// </summary>
public static class FlowRoutesJson
{
    public static string Write(FlowGraph graph, DateTimeOffset? knownAt, FlowRoutes routes) =>
        Encoding.UTF8.GetString(Utf8(graph, knownAt, routes));

    public static byte[] Utf8(FlowGraph graph, DateTimeOffset? knownAt, FlowRoutes routes)
    {
        using var buffer = new MemoryStream();
        Write(graph, knownAt, routes, buffer);
        return buffer.ToArray();
    }

    /// <param name="graph">The graph searched: its case, rule and moment are the answer's.</param>
    public static void Write(FlowGraph graph, DateTimeOffset? knownAt, FlowRoutes routes, Stream utf8Json)
    {
        using (var writer = new Utf8JsonWriter(utf8Json, EvidenceJson.ReportLayout))
        {
            writer.WriteStartObject();
            writer.WriteString("case", graph.Case);
            writer.WriteString("rule", TracingRules.Name(graph.Rule));
            WriteMoment(writer, "asOf", graph.AsOf);
            WriteMoment(writer, "knownAt", knownAt);
            writer.WriteString("from", routes.From);
            writer.WriteString("to", routes.To);
            if (routes.Victim is { } victim) writer.WriteString("victim", victim);
            else writer.WriteNull("victim");
            writer.WriteNumber("maxHops", routes.MaxHops);
            writer.WriteBoolean("truncated", routes.Truncated);
            writer.WriteStartArray("routes");
            foreach (var route in routes.Routes) WriteRoute(writer, route);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        utf8Json.WriteByte((byte)'\n');
    }

    private static void WriteRoute(Utf8JsonWriter writer, FlowRoute route)
    {
        writer.WriteStartObject();
        FlowGraphJson.WriteMoney(writer, Amount, route.Amount);
        writer.WriteStartArray("hops");
        foreach (var hop in route.Hops)
        {
            writer.WriteStartObject();
            writer.WriteString("from", hop.Edge.From);
            writer.WriteString("to", hop.Edge.To);
            writer.WriteString("kind", FlowEdgeKinds.Name(hop.Edge.Kind));
            writer.WriteString("product", hop.Edge.Product);
            FlowGraphJson.WriteMoney(writer, Amount, hop.Amount);
            writer.WriteNumber("facts", hop.Edge.Facts);
            var listed = hop.Edge.FactIds ?? [];
            writer.WriteStartArray("factIds");
            foreach (var id in listed) writer.WriteStringValue(id);
            writer.WriteEndArray();
            writer.WriteNumber("moreFacts", hop.Edge.Facts - listed.Count);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");

    private static void WriteMoment(Utf8JsonWriter writer, string name, DateTimeOffset? moment)
    {
        if (moment is { } value) writer.WriteString(name, InstantWithOffsetConverter.Render(value));
        else writer.WriteNull(name);
    }
}
