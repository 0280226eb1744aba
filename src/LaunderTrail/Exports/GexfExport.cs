using System.Globalization;
using System.Xml;
using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>
/// The flow graph as GEXF 1.3 for Gephi: edges weighted by their amount, every node and edge attribute of the interchange
/// graph, one <c>origin: NAME</c> attribute per origin with its amount on the edge; GEXF has no graph attributes, so the
/// case, rule and moment are the graph's meta description and keywords.
/// </summary>
public static class GexfExport
{
    private const string Namespace = "http://gexf.net/1.3";

    public static void Write(FlowGraph graph, Stream output)
    {
        var origins = ExportText.Origins(graph);
        var index = GraphMlExport.OriginIndex(origins);
        var rule = TracingRules.Name(graph.Rule);
        var asOf = ExportText.AsOf(graph);
        using var xml = XmlWriter.Create(output, ExportText.Xml);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "LaunderTrail");
        xml.WriteElementString("keywords", Namespace, $"case={graph.Case}, rule={rule}, asOf={asOf}");
        xml.WriteElementString("description", Namespace,
            $"Flow graph of case {graph.Case} under the {rule} rule, {(asOf.Length == 0 ? "every fact" : "as of " + asOf)}");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("mode", "static");
        Attributes(xml, "node", [("kind", "kind", "string"), ("name", "name", "string"), ("holder", "holder", "string"),
            ("role", "role", "string")]);
        Attributes(xml, "edge", [("kind", "kind", "string"), ("product", "product", "string"), ("amount", "amount", "double"),
            ("facts", "facts", "integer"), ("factIds", "factIds", "string"), ("origins", "origins", "string"),
            .. origins.Select((origin, i) => (OriginId(i), "origin: " + origin, "double"))]);

        xml.WriteStartElement("nodes", Namespace);
        foreach (var node in graph.Nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", node.Holder.Length > 0 ? $"{node.Name} ({node.Holder})" : node.Name);
            xml.WriteStartElement("attvalues", Namespace);
            Value(xml, "kind", ExportText.Kind(node));
            Value(xml, "name", node.Name);
            Value(xml, "holder", node.Holder);
            Value(xml, "role", ExportText.Role(node));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("edges", Namespace);
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            var edge = graph.Edges[e];
            var amount = ExportText.Money(edge.Amount);
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + e.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", edge.From);
            xml.WriteAttributeString("target", edge.To);
            xml.WriteAttributeString("label", FlowEdgeKinds.Name(edge.Kind));
            xml.WriteAttributeString("weight", amount);
            xml.WriteStartElement("attvalues", Namespace);
            Value(xml, "kind", FlowEdgeKinds.Name(edge.Kind));
            Value(xml, "product", edge.Product);
            Value(xml, "amount", amount);
            Value(xml, "facts", edge.Facts.ToString(CultureInfo.InvariantCulture));
            Value(xml, "factIds", ExportText.FactIds(edge));
            Value(xml, "origins", string.Join("; ", edge.Origins.Select(share => share.Origin)));
            foreach (var share in edge.Origins) Value(xml, OriginId(index[share.Origin]), ExportText.Money(share.Amount));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string OriginId(int index) => "o" + index.ToString(CultureInfo.InvariantCulture);

    private static void Attributes(XmlWriter xml, string @class, IEnumerable<(string Id, string Title, string Type)> attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", @class);
        xml.WriteAttributeString("mode", "static");
        foreach (var (id, title, type) in attributes)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("title", title);
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Value(XmlWriter xml, string @for, string value)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", @for);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
