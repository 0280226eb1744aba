using System.ComponentModel;
using LaunderTrail.Exports;
using LaunderTrail.Tracing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LaunderTrail.Cli.Commands;

/// <summary>
/// <c>laundertrail export --case C --format graphml|gexf|i2|neo4j --out PATH</c>: the flow graph, traced on demand from the
/// checked events, as a file for an analyst's tool (docs/interchange.md, "Exports of the flow graph"); neo4j writes a
/// folder with nodes.csv and edges.csv.
/// </summary>
public sealed class ExportCommand : TracedCaseCommand<ExportCommand.Settings>
{
    public sealed class Settings : TracedCaseSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("graphml, gexf (Gephi), i2 (CSV for Analyst's Notebook) or neo4j (a folder for neo4j-admin import).")]
        public required string Format { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("The file to write; for neo4j, the folder that gets nodes.csv and edges.csv.")]
        public required string Out { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Case)) return ValidationResult.Error("--case is required");
            if (Format is null || !GraphExportFormats.TryParse(Format, out _))
                return ValidationResult.Error($"--format must be {GraphExportFormats.Names}");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required");
            return CheckRuleAndMoments();
        }
    }

    protected override async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        var rule = settings.TracingRule;
        GraphExportFormats.TryParse(settings.Format, out var format);
        await using var store = await Database.OpenAsync(settings, ct);
        var graph = await GraphWithFacts.ReadAsync(store, settings.Case, rule, TimeOption.Parse(settings.AsOf),
            TimeOption.Parse(settings.KnownAt), ct);
        if (graph is null)
        {
            Diagnostics.Error($"case {settings.Case}: no facts recorded");
            return ExitCodes.NoInput;
        }

        if (format == GraphExportFormat.Neo4j)
        {
            Directory.CreateDirectory(settings.Out);
            var nodes = Path.Combine(settings.Out, Neo4jExport.NodesFile);
            var edges = Path.Combine(settings.Out, Neo4jExport.EdgesFile);
            WriteWhole(nodes, output => Neo4jExport.WriteNodes(graph, output), out var nodesPart);
            WriteWhole(edges, output => Neo4jExport.WriteEdges(graph, output), out var edgesPart, nodesPart);
            File.Move(nodesPart, nodes, overwrite: true);
            File.Move(edgesPart, edges, overwrite: true);
        }
        else
        {
            WriteWhole(settings.Out, output => GraphExport.Write(graph, format, output), out var part);
            File.Move(part, settings.Out, overwrite: true);
        }
        Diagnostics.Note($"wrote {graph.Nodes.Count:N0} nodes and {graph.Edges.Count:N0} edges to {settings.Out}");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Writes beside <paramref name="path"/> first, so an export that fails half-way (a refused origin name, a full disk)
    /// leaves no half file and no earlier export overwritten; the caller moves the part into place.
    /// </summary>
    private static void WriteWhole(string path, Action<Stream> write, out string part, string? alsoDeleteOnFailure = null)
    {
        part = path + ".part";
        try
        {
            using var output = File.Create(part);
            write(output);
        }
        catch
        {
            File.Delete(part);
            if (alsoDeleteOnFailure is not null) File.Delete(alsoDeleteOnFailure);
            throw;
        }
    }
}
