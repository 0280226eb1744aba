using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CsvHelper;
using LaunderTrail.Exports;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Exports;

/// <summary>Reads exports back with real parsers, and the spec's graph they must carry.</summary>
internal static class ExportedFiles
{
    /// <summary>The mixed case's graph as exports read it: with the ids of the facts behind each edge.</summary>
    public static FlowGraph MixedCaseGraph(TracingRule rule, DateTimeOffset? asOf = null) =>
        FlowTracer.TraceWithGraph(MixedCase.Case, SpecExamples.ReadEvents("mixed-case.jsonl"), rule, asOf, GraphWithFacts.IdsPerEdge).Graph;

    /// <summary>The ids behind each edge of the graph, one line per edge in the graph's order: "id id id".</summary>
    public static IEnumerable<string> FactIdLines(FlowGraph graph) => graph.Edges.Select(edge => string.Join(" ", edge.FactIds!));

    public static JsonElement SpecGraph(string rule) =>
        JsonDocument.Parse(SpecExamples.ReadText($"mixed-case.{rule}.graph.json")).RootElement.Clone();

    public static byte[] Bytes(FlowGraph graph, Action<FlowGraph, Stream> write)
    {
        using var buffer = new MemoryStream();
        write(graph, buffer);
        return buffer.ToArray();
    }

    /// <summary>Every row, the header first, as CsvHelper's reader splits it.</summary>
    public static List<string[]> CsvRows(byte[] utf8)
    {
        Assert.False(utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(utf8), CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader[i].ToString();
            rows.Add(row);
        }
        return rows;
    }

    public static Dictionary<string, byte[]> ZipEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>"from to kind product" of each spec edge, in the spec's order.</summary>
    public static string EdgeKey(JsonElement edge) =>
        $"{edge.GetProperty("from").GetString()} {edge.GetProperty("to").GetString()} {edge.GetProperty("kind").GetString()} {edge.GetProperty("product").GetString()}";

    public static string Origins(JsonElement edge) => string.Join("; ", edge.GetProperty("origins").EnumerateArray()
        .Select(share => $"{share.GetProperty("origin").GetString()}={share.GetProperty("amount").GetRawText()}"));
}
