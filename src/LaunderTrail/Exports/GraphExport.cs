using LaunderTrail.Tracing;

namespace LaunderTrail.Exports;

/// <summary>One flow graph as one file of the chosen format; neo4j's two files come as one zip.</summary>
public static class GraphExport
{
    public static void Write(FlowGraph graph, GraphExportFormat format, Stream output)
    {
        switch (format)
        {
            case GraphExportFormat.GraphMl: GraphMlExport.Write(graph, output); break;
            case GraphExportFormat.Gexf: GexfExport.Write(graph, output); break;
            case GraphExportFormat.I2: I2Export.Write(graph, output); break;
            case GraphExportFormat.Neo4j: Neo4jExport.WriteZip(graph, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format");
        }
    }

    public static byte[] Bytes(FlowGraph graph, GraphExportFormat format)
    {
        using var buffer = new MemoryStream();
        Write(graph, format, buffer);
        return buffer.ToArray();
    }

    public static string ContentType(GraphExportFormat format) => format switch
    {
        GraphExportFormat.GraphMl => "application/graphml+xml",
        GraphExportFormat.Gexf => "application/gexf+xml",
        GraphExportFormat.I2 => "text/csv",
        GraphExportFormat.Neo4j => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };

    public static string FileExtension(GraphExportFormat format) => format switch
    {
        GraphExportFormat.GraphMl => "graphml",
        GraphExportFormat.Gexf => "gexf",
        GraphExportFormat.I2 => "csv",
        GraphExportFormat.Neo4j => "zip",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };
}
