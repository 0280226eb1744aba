using System.Globalization;
using System.Xml;
using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>
/// The flow graph as GraphML (yEd, Cytoscape, Gephi, NetworkX): every node and edge attribute of the interchange graph,
/// the case, rule and moment as graph data, and one <c>origin: NAME</c> attribute per origin with its amount on the edge.
/// </summary>
public static class GraphMlExport
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(FlowGraph graph, Stream output)
    {
        var origins = ExportText.Origins(graph);
        using var xml = XmlWriter.Create(output, ExportText.Xml);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        Key(xml, "case", "graph", "case", "string");
        Key(xml, "rule", "graph", "rule", "string");
        Key(xml, "asOf", "graph", "asOf", "string");
        Key(xml, "n-kind", "node", "kind", "string");
        Key(xml, "n-name", "node", "name", "string");
        Key(xml, "n-holder", "node", "holder", "string");
        Key(xml, "n-role", "node", "role", "string");
        Key(xml, "e-kind", "edge", "kind", "string");
        Key(xml, "e-product", "edge", "product", "string");
        Key(xml, "e-amount", "edge", "amount", "double");
        Key(xml, "e-facts", "edge", "facts", "int");
        Key(xml, "e-factIds", "edge", "factIds", "string");
        Key(xml, "e-origins", "edge", "origins", "string");
        for (var i = 0; i < origins.Count; i++) Key(xml, OriginKey(i), "edge", "origin: " + origins[i], "double");

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", graph.Case);
        xml.WriteAttributeString("edgedefault", "directed");
        Data(xml, "case", graph.Case);
        Data(xml, "rule", TracingRules.Name(graph.Rule));
        Data(xml, "asOf", ExportText.AsOf(graph));
        foreach (var node in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            Data(xml, "n-kind", ExportText.Kind(node));
            Data(xml, "n-name", node.Name);
            Data(xml, "n-holder", node.Holder);
            Data(xml, "n-role", ExportText.Role(node));
            xml.WriteEndElement();
        }

        var index = OriginIndex(origins);
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + e.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", edge.From);
            xml.WriteAttributeString("target", edge.To);
            Data(xml, "e-kind", FlowEdgeKinds.Name(edge.Kind));
            Data(xml, "e-product", edge.Product);
            Data(xml, "e-amount", ExportText.Money(edge.Amount));
            Data(xml, "e-facts", edge.Facts.ToString(CultureInfo.InvariantCulture));
            Data(xml, "e-factIds", ExportText.FactIds(edge));
            Data(xml, "e-origins", string.Join("; ", edge.Origins.Select(share => share.Origin)));
            foreach (var share in edge.Origins) Data(xml, OriginKey(index[share.Origin]), ExportText.Money(share.Amount));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    internal static Dictionary<string, int> OriginIndex(IReadOnlyList<string> origins) =>
        origins.Select((origin, i) => (origin, i)).ToDictionary(p => p.origin, p => p.i, StringComparer.Ordinal);

    private static string OriginKey(int index) => "o" + index.ToString(CultureInfo.InvariantCulture);

    private static void Key(XmlWriter xml, string id, string @for, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", @for);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
