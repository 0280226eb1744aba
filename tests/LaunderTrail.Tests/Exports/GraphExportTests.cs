using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LaunderTrail.Evidence;
using LaunderTrail.Exports;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;
using static LaunderTrail.Tests.Exports.ExportedFiles;

namespace LaunderTrail.Tests.Exports;

/// <summary>The exports of the flow graph, read back with a parser of their format and held against the spec's graph.</summary>
public sealed class GraphExportTests
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";
    private static readonly XNamespace Gexf = "http://gexf.net/1.3";

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public void GraphML_carries_every_node_edge_amount_and_origin_of_the_spec_graph(string rule)
    {
        var spec = SpecGraph(rule);
        var document = XDocument.Load(new MemoryStream(Bytes(Graph(rule), GraphMlExport.Write)));

        var root = document.Root!;
        Assert.Equal(GraphMl + "graphml", root.Name);
        var keys = root.Elements(GraphMl + "key").ToDictionary(k => (string)k.Attribute("id")!);
        var graph = root.Element(GraphMl + "graph")!;
        Assert.Equal("directed", (string?)graph.Attribute("edgedefault"));
        string Data(XElement element, string name) => element.Elements(GraphMl + "data")
            .SingleOrDefault(d => (string?)keys[(string)d.Attribute("key")!].Attribute("attr.name") == name)?.Value ?? "";
        Assert.Equal(["EX-2", rule, ""], new[] { Data(graph, "case"), Data(graph, "rule"), Data(graph, "asOf") });
        Assert.Equal("double", (string?)keys.Values.Single(k => (string?)k.Attribute("attr.name") == "amount").Attribute("attr.type"));

        var nodes = graph.Elements(GraphMl + "node").ToList();
        var specNodes = spec.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(specNodes.Select(NodeText), nodes.Select(n =>
            $"{n.Attribute("id")!.Value} {Data(n, "kind")} {Data(n, "name")} {Data(n, "holder")} {Data(n, "role")}"));

        var edges = graph.Elements(GraphMl + "edge").ToList();
        var specEdges = spec.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(specEdges.Count, edges.Count);
        Assert.Equal(specEdges.Select(EdgeText), edges.Select(e =>
            $"{e.Attribute("source")!.Value} {e.Attribute("target")!.Value} {Data(e, "kind")} {Data(e, "product")} " +
            $"{Data(e, "amount")} {Data(e, "facts")} {OriginsOf(e.Elements(GraphMl + "data").Select(d =>
                ((string?)keys[(string)d.Attribute("key")!].Attribute("attr.name"), d.Value)))}"));
        Assert.Equal(FactIdLines(Graph(rule)), edges.Select(e => string.Join(" ", Data(e, "factIds").Split('\n'))));
        AssertFactIdsAreTheCases(edges.Select(e => (Data(e, "facts"), Data(e, "factIds").Split('\n'))));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public void GEXF_carries_every_node_edge_amount_and_origin_of_the_spec_graph(string rule)
    {
        var spec = SpecGraph(rule);
        var document = XDocument.Load(new MemoryStream(Bytes(Graph(rule), GexfExport.Write)));

        var root = document.Root!;
        Assert.Equal(Gexf + "gexf", root.Name);
        Assert.Equal("1.3", (string?)root.Attribute("version"));
        Assert.Equal($"case=EX-2, rule={rule}, asOf=", root.Element(Gexf + "meta")!.Element(Gexf + "keywords")!.Value);
        var graph = root.Element(Gexf + "graph")!;
        Assert.Equal("directed", (string?)graph.Attribute("defaultedgetype"));
        var titles = graph.Elements(Gexf + "attributes").Elements(Gexf + "attribute")
            .ToDictionary(a => $"{a.Parent!.Attribute("class")!.Value}/{a.Attribute("id")!.Value}", a => a.Attribute("title")!.Value);
        IEnumerable<(string? Title, string Value)> Values(XElement element, string @class) =>
            element.Element(Gexf + "attvalues")!.Elements(Gexf + "attvalue")
                .Select(v => ((string?)titles[$"{@class}/{v.Attribute("for")!.Value}"], v.Attribute("value")!.Value));
        string Value(XElement element, string @class, string title) =>
            Values(element, @class).SingleOrDefault(v => v.Title == title).Value ?? "";

        var nodes = graph.Element(Gexf + "nodes")!.Elements(Gexf + "node").ToList();
        Assert.Equal(spec.GetProperty("nodes").EnumerateArray().Select(NodeText), nodes.Select(n =>
            $"{n.Attribute("id")!.Value} {Value(n, "node", "kind")} {Value(n, "node", "name")} {Value(n, "node", "holder")} {Value(n, "node", "role")}"));

        var edges = graph.Element(Gexf + "edges")!.Elements(Gexf + "edge").ToList();
        var specEdges = spec.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(specEdges.Count, edges.Count);
        Assert.Equal(specEdges.Select(e => e.GetProperty("amount").GetRawText()), edges.Select(e => e.Attribute("weight")!.Value));
        Assert.Equal(specEdges.Select(EdgeText), edges.Select(e =>
            $"{e.Attribute("source")!.Value} {e.Attribute("target")!.Value} {Value(e, "edge", "kind")} {Value(e, "edge", "product")} " +
            $"{Value(e, "edge", "amount")} {Value(e, "edge", "facts")} {OriginsOf(Values(e, "edge"))}"));
        Assert.Equal(FactIdLines(Graph(rule)), edges.Select(e => string.Join(" ", Value(e, "edge", "factIds").Split('\n'))));
        AssertFactIdsAreTheCases(edges.Select(e => (Value(e, "edge", "facts"), Value(e, "edge", "factIds").Split('\n'))));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public void I2_has_one_row_per_edge_amount_first_with_both_ends_named(string rule)
    {
        var spec = SpecGraph(rule);
        var nodes = spec.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        var rows = CsvRows(Bytes(Graph(rule), I2Export.Write));

        Assert.Equal(["amount", "from account", "from holder", "from role", "to account", "to holder", "to role", "kind", "product", "facts",
                "fact ids", "rule"],
            rows[0]);
        string End(string id) => nodes[id].GetProperty("kind").GetString() == "account"
            ? $"{nodes[id].GetProperty("account").GetString()},{nodes[id].GetProperty("holder").GetString()},{nodes[id].GetProperty("role").GetString()}"
            : $"{id},,product";
        Assert.Equal(spec.GetProperty("edges").EnumerateArray().Select(e =>
                $"{e.GetProperty("amount").GetRawText()},{End(e.GetProperty("from").GetString()!)},{End(e.GetProperty("to").GetString()!)}," +
                $"{e.GetProperty("kind").GetString()},{e.GetProperty("product").GetString()},{e.GetProperty("facts").GetInt32()},{rule}"),
            rows.Skip(1).Select(row => string.Join(",", row[..10].Append(row[11]))));
        Assert.Equal(FactIdLines(Graph(rule)), rows.Skip(1).Select(row => string.Join(" ", row[10].Split('\n'))));
        AssertFactIdsAreTheCases(rows.Skip(1).Select(row => (row[9], row[10].Split('\n'))));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("pro-rata")]
    [InlineData("libr")]
    public void Neo4j_nodes_and_edges_have_the_import_headers_and_every_node_edge_and_origin(string rule)
    {
        var spec = SpecGraph(rule);
        var graph = Graph(rule);
        var nodes = CsvRows(Bytes(graph, Neo4jExport.WriteNodes));
        var edges = CsvRows(Bytes(graph, Neo4jExport.WriteEdges));

        Assert.Equal(["id:ID", "kind", "name", "holder", "role", ":LABEL"], nodes[0]);
        Assert.Equal([":START_ID", ":END_ID", "amount:double", "kind", "product", "facts:int", "factIds:string[]", "rule", "origins:string[]",
                "originAmounts:double[]", ":TYPE"],
            edges[0]);
        Assert.Equal(spec.GetProperty("nodes").EnumerateArray().Select(n => NodeText(n) + " " + (n.GetProperty("kind").GetString() == "account" ? "Account" : "Product")),
            nodes.Skip(1).Select(row => string.Join(" ", row)));
        Assert.Equal(spec.GetProperty("edges").EnumerateArray().Select(e => EdgeText(e) + " " + e.GetProperty("kind").GetString()!.Replace('-', '_').ToUpperInvariant()),
            edges.Skip(1).Select(row =>
                $"{row[0]} {row[1]} {row[3]} {row[4]} {row[2]} {row[5]} " +
                $"{string.Join("; ", row[8].Split(';', StringSplitOptions.RemoveEmptyEntries).Zip(row[9].Split(';', StringSplitOptions.RemoveEmptyEntries), (o, a) => $"{o}={a}"))} {row[10]}"));
        Assert.All(edges.Skip(1), row => Assert.Equal(rule, row[7]));
        Assert.Equal(FactIdLines(graph), edges.Skip(1).Select(row => string.Join(" ", row[6].Split(';'))));
        AssertFactIdsAreTheCases(edges.Skip(1).Select(row => (row[5], row[6].Split(';'))));
    }

    [Fact]
    public void Every_format_gives_the_same_bytes_for_the_same_graph_and_neo4j_zips_its_two_files_in_order()
    {
        var graph = Graph("libr");
        foreach (var format in Enum.GetValues<GraphExportFormat>())
        {
            var first = GraphExport.Bytes(graph, format);
            Assert.Equal(first, GraphExport.Bytes(MixedCaseGraph(TracingRule.Libr), format));
            if (format != GraphExportFormat.Neo4j)
            {
                Assert.DoesNotContain("\r", Encoding.UTF8.GetString(first));
            }
        }
        var zip = ZipEntries(GraphExport.Bytes(graph, GraphExportFormat.Neo4j));
        Assert.Equal(["nodes.csv", "edges.csv"], zip.Keys);
        Assert.Equal(Bytes(graph, Neo4jExport.WriteNodes), zip["nodes.csv"]);
        Assert.Equal(Bytes(graph, Neo4jExport.WriteEdges), zip["edges.csv"]);
    }

    private const string Awkward = "Wang, \"Lao\"\nJr.";
    private const string Formula = "=HYPERLINK(\"http://x\")";

    private static FlowGraph AwkwardGraph(string origin, string factId = Formula) => new("EX-9", DateTimeOffset.Parse("2019-05-03T10:45:00+08:00"), TracingRule.Fifo,
        [
            new FlowNode("account:+86 a,b", FlowNodeKind.Account, "+86 a,b", Formula, AccountRole.Victim),
            new FlowNode("account:x", FlowNodeKind.Account, "x", Awkward, AccountRole.Fraudster),
        ],
        [new FlowEdge("account:+86 a,b", "account:x", FlowEdgeKind.Transfer, "", 1234.565m, 2, [new OriginShare(origin, 1234.565m)])
        {
            FactIds = [factId, "t,2 \"b\""],
        }]);

    [Fact]
    public void Names_with_commas_quotes_line_breaks_and_formulas_come_back_whole_and_i2_does_not_let_a_spreadsheet_run_them()
    {
        var graph = AwkwardGraph(Formula);

        var i2 = CsvRows(Bytes(graph, I2Export.Write));
        var nodes = CsvRows(Bytes(graph, Neo4jExport.WriteNodes));
        var edges = CsvRows(Bytes(graph, Neo4jExport.WriteEdges));
        var graphMl = XDocument.Load(new MemoryStream(Bytes(graph, GraphMlExport.Write)));
        var gexf = XDocument.Load(new MemoryStream(Bytes(graph, GexfExport.Write)));

        Assert.Equal(["1234.57", "'+86 a,b", "'" + Formula, "victim", "x", Awkward, "fraudster", "transfer", "", "2", "'" + Formula + "\nt,2 \"b\"", "fifo"],
            i2[1]);
        Assert.Equal(["account:+86 a,b", "account", "+86 a,b", Formula, "victim", "Account"], nodes[1]);
        Assert.Equal(["account:x", "account", "x", Awkward, "fraudster", "Account"], nodes[2]);
        Assert.Equal([Formula + ";t,2 \"b\"", "fifo", Formula, "1234.57"], edges[1][6..10]);
        Assert.Contains(graphMl.Descendants(GraphMl + "data"), d => d.Value == Awkward);
        Assert.Contains(graphMl.Descendants(GraphMl + "key"), k => (string?)k.Attribute("attr.name") == "origin: " + Formula);
        Assert.Contains(graphMl.Descendants(GraphMl + "data"), d => d.Value == "2019-05-03T10:45:00+08:00");
        Assert.Contains(gexf.Descendants(Gexf + "attvalue"), v => (string?)v.Attribute("value") == Awkward);
        Assert.Contains(graphMl.Descendants(GraphMl + "data"), d => d.Value == Formula + "\nt,2 \"b\"");
        Assert.Contains(gexf.Descendants(Gexf + "attvalue"), v => (string?)v.Attribute("value") == Formula + "\nt,2 \"b\"");
    }

    [Fact]
    public void Neo4j_refuses_an_origin_holding_its_array_delimiter_rather_than_split_her_in_two()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Bytes(AwkwardGraph("Li; Wang"), Neo4jExport.WriteEdges));

        Assert.Contains("origin 'Li; Wang' holds ';'", refused.Message);
    }

    [Fact]
    public void Neo4j_refuses_a_fact_id_holding_its_array_delimiter_rather_than_split_it_in_two()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Bytes(AwkwardGraph("Li Wang", "tx;7"), Neo4jExport.WriteEdges));

        Assert.Contains("fact id 'tx;7' holds ';'", refused.Message);
    }

    /// <summary>
    /// Each edge read back lists as many ids as it counts facts (the mixed case has fewer than the bound on every edge),
    /// each the id of a fact of the case that moves money or value.
    /// </summary>
    private static void AssertFactIdsAreTheCases(IEnumerable<(string Facts, string[] Ids)> edges)
    {
        var moving = SpecExamples.ReadEvents("mixed-case.jsonl")
            .Where(fact => fact is FundsTransferred or LoanDisbursed or PrepaidValuePurchased or PrepaidValueTransferred or PrepaidValueResold)
            .Select(fact => fact.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(edges, edge =>
        {
            Assert.Equal(int.Parse(edge.Facts, System.Globalization.CultureInfo.InvariantCulture), edge.Ids.Length);
            Assert.All(edge.Ids, id => Assert.Contains(id, moving));
        });
    }

    private static FlowGraph Graph(string rule)
    {
        Assert.True(TracingRules.TryParse(rule, out var parsed));
        return MixedCaseGraph(parsed);
    }

    private static string NodeText(JsonElement node) => node.GetProperty("kind").GetString() == "account"
        ? $"{node.GetProperty("id").GetString()} account {node.GetProperty("account").GetString()} {node.GetProperty("holder").GetString()} {node.GetProperty("role").GetString()}"
        : $"{node.GetProperty("id").GetString()} product {node.GetProperty("product").GetString()}  product";

    private static string EdgeText(JsonElement edge) =>
        $"{EdgeKey(edge)} {edge.GetProperty("amount").GetRawText()} {edge.GetProperty("facts").GetInt32()} {Origins(edge)}";

    private static string OriginsOf(IEnumerable<(string? Name, string Value)> attributes) => string.Join("; ", attributes
        .Where(a => a.Name?.StartsWith("origin: ", StringComparison.Ordinal) == true)
        .Select(a => $"{a.Name!["origin: ".Length..]}={a.Value}"));
}
