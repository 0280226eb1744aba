using System.Text;
using System.Text.Json;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Writes the flow graph exactly as INTERCHANGE.md and its examples show it: keys in their order, two-space
/// indentation, "\n" line ends and a final newline, money rounded to 0.01 and written with as few decimals as it
/// needs but at least one (172.0, 21.5, 4584.37), whatever the culture or time zone of the machine.
/// </summary>
public static class FlowGraphJson
{
    private const int FlushEvery = 1 << 16;

    public static string Write(FlowGraph graph) => Encoding.UTF8.GetString(Utf8(graph));

    public static byte[] Utf8(FlowGraph graph)
    {
        using var buffer = new MemoryStream();
        Write(graph, buffer);
        return buffer.ToArray();
    }

    public static void Write(FlowGraph graph, Stream utf8Json)
    {
        using (var writer = new Utf8JsonWriter(utf8Json, EvidenceJson.ReportLayout))
        {
            WriteGraph(writer, graph);
        }
        utf8Json.WriteByte((byte)'\n');
    }

    private static void WriteGraph(Utf8JsonWriter writer, FlowGraph graph)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Case, graph.Case);
        if (graph.AsOf is { } asOf) writer.WriteString(Names.AsOf, InstantWithOffsetConverter.Render(asOf));
        else writer.WriteNull(Names.AsOf);
        writer.WriteString(Names.Rule, TracingRules.Name(graph.Rule));

        writer.WriteStartArray(Names.Nodes);
        foreach (var node in graph.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Id, node.Id);
            if (node.Kind == FlowNodeKind.Account)
            {
                writer.WriteString(Names.Kind, Names.Account);
                writer.WriteString(Names.Account, node.Name);
                writer.WriteString(Names.Holder, node.Holder);
                writer.WriteString(Names.Role, RoleNames.Of(node.Role));
            }
            else
            {
                writer.WriteString(Names.Kind, Names.Product);
                writer.WriteString(Names.Product, node.Name);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray(Names.Edges);
        foreach (var edge in graph.Edges)
        {
            WriteEdge(writer, edge);
            if (writer.BytesPending > FlushEvery) writer.Flush();
        }
        writer.WriteEndArray();

        writer.WriteEndObject();
    }

    private static void WriteEdge(Utf8JsonWriter writer, FlowEdge edge)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.From, edge.From);
        writer.WriteString(Names.To, edge.To);
        writer.WriteString(Names.Kind, FlowEdgeKinds.Name(edge.Kind));
        writer.WriteString(Names.Product, edge.Product);
        WriteMoney(writer, Names.Amount, edge.Amount);
        writer.WriteNumber(Names.Facts, edge.Facts);
        writer.WriteStartArray(Names.Origins);
        foreach (var share in edge.Origins)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Origin, share.Origin);
            WriteMoney(writer, Names.Amount, share.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static void WriteMoney(Utf8JsonWriter writer, JsonEncodedText name, decimal amount)
    {
        Span<byte> digits = stackalloc byte[40];
        if (!CentsText.TryWriteOneOrTwoDecimals(amount, digits, out var length))
            throw new InvalidOperationException($"{amount} does not fit the graph's number format.");
        writer.WritePropertyName(name);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    /// <summary>The graph's keys, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Case = JsonEncodedText.Encode("case");
        public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Nodes = JsonEncodedText.Encode("nodes");
        public static readonly JsonEncodedText Edges = JsonEncodedText.Encode("edges");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Account = JsonEncodedText.Encode("account");
        public static readonly JsonEncodedText Product = JsonEncodedText.Encode("product");
        public static readonly JsonEncodedText Holder = JsonEncodedText.Encode("holder");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
        public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
        public static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
        public static readonly JsonEncodedText Facts = JsonEncodedText.Encode("facts");
        public static readonly JsonEncodedText Origins = JsonEncodedText.Encode("origins");
        public static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
    }
}
