namespace LaunderTrail.Exports;

/// <summary>The analysts' tools the flow graph is exported for (docs/interchange.md, "Exports of the flow graph").</summary>
public enum GraphExportFormat
{
    GraphMl,
    Gexf,
    I2,
    Neo4j,
}

public static class GraphExportFormats
{
    public const string Names = "graphml, gexf, i2 or neo4j";

    public static bool TryParse(string text, out GraphExportFormat format)
    {
        (var known, format) = text switch
        {
            "graphml" => (true, GraphExportFormat.GraphMl),
            "gexf" => (true, GraphExportFormat.Gexf),
            "i2" => (true, GraphExportFormat.I2),
            "neo4j" => (true, GraphExportFormat.Neo4j),
            _ => (false, default),
        };
        return known;
    }
}
