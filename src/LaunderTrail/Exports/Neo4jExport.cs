using System.Globalization;
using System.IO.Compression;
using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>
/// The flow graph for <c>neo4j-admin database import</c>: <c>nodes.csv</c> (label Account or Product) and
/// <c>edges.csv</c> (type the edge kind, e.g. RESALE_PAYMENT), with the origins as two parallel arrays,
/// <c>origins:string[]</c> and <c>originAmounts:double[]</c>, split on the importer's default ';'.
/// </summary>
public static class Neo4jExport
{
    public const string NodesFile = "nodes.csv";
    public const string EdgesFile = "edges.csv";
    private const char ArrayDelimiter = ';';

    public static readonly string[] NodesHeader = ["id:ID", "kind", "name", "holder", "role", ":LABEL"];

    public static readonly string[] EdgesHeader =
        [":START_ID", ":END_ID", "amount:double", "kind", "product", "facts:int", "factIds:string[]", "rule", "origins:string[]",
         "originAmounts:double[]", ":TYPE"];

    public static void WriteNodes(FlowGraph graph, Stream output)
    {
        using var csv = CsvText.Writer(output, forSpreadsheets: false);
        csv.WriteRecord(NodesHeader);
        foreach (var node in graph.Nodes)
            csv.WriteRecord(node.Id, ExportText.Kind(node), node.Name, node.Holder, ExportText.Role(node),
                node.Kind == FlowNodeKind.Account ? "Account" : "Product");
    }

    public static void WriteEdges(FlowGraph graph, Stream output)
    {
        var rule = TracingRules.Name(graph.Rule);
        using var csv = CsvText.Writer(output, forSpreadsheets: false);
        csv.WriteRecord(EdgesHeader);
        foreach (var edge in graph.Edges)
        {
            var kind = FlowEdgeKinds.Name(edge.Kind);
            csv.WriteRecord(edge.From, edge.To, ExportText.Money(edge.Amount), kind, edge.Product,
                edge.Facts.ToString(CultureInfo.InvariantCulture),
                string.Join(ArrayDelimiter, (edge.FactIds ?? []).Select(id => ArrayItem("fact id", id))), rule,
                string.Join(ArrayDelimiter, edge.Origins.Select(share => ArrayItem("origin", share.Origin))),
                string.Join(ArrayDelimiter, edge.Origins.Select(share => ExportText.Money(share.Amount))),
                kind.Replace('-', '_').ToUpperInvariant());
        }
    }

    /// <summary>Zip entries carry a fixed time, in a fixed order, so the same graph gives the same archive.</summary>
    public static void WriteZip(FlowGraph graph, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, NodesFile, stream => WriteNodes(graph, stream));
        Entry(zip, EdgesFile, stream => WriteEdges(graph, stream));
    }

    private static readonly DateTimeOffset FixedEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void Entry(ZipArchive zip, string name, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedEntryTime;
        using var stream = entry.Open();
        write(stream);
    }

    /// <summary>An origin or fact id holding the array delimiter would be split in two by the importer: refused rather than altered.</summary>
    private static string ArrayItem(string what, string item) => item.Contains(ArrayDelimiter)
        ? throw new InvalidOperationException(
            $"{what} '{item}' holds '{ArrayDelimiter}', the array delimiter of neo4j-admin import; export it as graphml, gexf or i2")
        : item;
}
