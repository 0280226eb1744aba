using System.Xml.Linq;
using LaunderTrail.Cli;
using LaunderTrail.Exports;
using LaunderTrail.Tests.Court;
using LaunderTrail.Tests.Support;
using LaunderTrail.Tracing;
using static LaunderTrail.Tests.Exports.ExportedFiles;

namespace LaunderTrail.Tests.Exports;

/// <summary><c>laundertrail export</c>: the flow graph of the stored case, traced from its checked events, as a file.</summary>
public sealed class ExportCommandTests(PostgresServer server) : StoreFixture(server), IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _folder = Directory.CreateTempSubdirectory("laundertrail-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("graphml", GraphExportFormat.GraphMl)]
    [InlineData("gexf", GraphExportFormat.Gexf)]
    [InlineData("i2", GraphExportFormat.I2)]
    public async Task Export_writes_the_graph_of_the_stored_case_the_same_bytes_each_time(string format, GraphExportFormat expected)
    {
        await MixedCase.ImportAsync(Store, Ct);
        var (first, second) = (Path.Combine(_folder, "first"), Path.Combine(_folder, "second"));

        var result = await RunCommandAsync("export", "--case", MixedCase.Case, "--rule", "fifo", "--format", format, "--out", first);
        await RunCommandAsync("export", "--case", MixedCase.Case, "--rule", "fifo", "--format", format, "--out", second);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Errors);
        Assert.Equal(GraphExport.Bytes(MixedCaseGraph(TracingRule.Fifo), expected), await File.ReadAllBytesAsync(first, Ct));
        Assert.Equal(await File.ReadAllBytesAsync(first, Ct), await File.ReadAllBytesAsync(second, Ct));
        Assert.Contains($"{SpecGraph("fifo").GetProperty("edges").GetArrayLength()} edges", result.Errors);
    }

    [Fact]
    public async Task Export_neo4j_writes_a_folder_with_nodes_and_edges_csv_and_as_of_a_moment_exports_that_moment()
    {
        await MixedCase.ImportAsync(Store, Ct);
        var folder = Path.Combine(_folder, "neo4j");
        var file = Path.Combine(_folder, "earlier.graphml");
        const string asOf = "2019-05-03T10:45:00+08:00";

        var neo4j = await RunCommandAsync("export", "--case", MixedCase.Case, "--format", "neo4j", "--out", folder);
        var earlier = await RunCommandAsync("export", "--case", MixedCase.Case, "--format", "graphml", "--as-of", asOf, "--out", file);

        Assert.True(neo4j.ExitCode == ExitCodes.Ok, neo4j.Errors);
        Assert.Equal(["edges.csv", "nodes.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        var nodes = CsvRows(await File.ReadAllBytesAsync(Path.Combine(folder, "nodes.csv"), Ct));
        var edges = CsvRows(await File.ReadAllBytesAsync(Path.Combine(folder, "edges.csv"), Ct));
        var spec = SpecGraph("pro-rata");
        Assert.Equal(spec.GetProperty("nodes").GetArrayLength(), nodes.Count - 1);
        Assert.Equal(spec.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("amount").GetRawText()), edges.Skip(1).Select(row => row[2]));
        Assert.Equal(FactIdLines(MixedCaseGraph(TracingRule.ProRata)), edges.Skip(1).Select(row => string.Join(" ", row[6].Split(';'))));

        Assert.True(earlier.ExitCode == ExitCodes.Ok, earlier.Errors);
        var graphMl = XDocument.Load(file);
        Assert.Contains(graphMl.Descendants(), element => element.Value == asOf);
        var expected = MixedCaseGraph(TracingRule.ProRata, DateTimeOffset.Parse(asOf));
        Assert.Equal(GraphExport.Bytes(expected, GraphExportFormat.GraphMl), await File.ReadAllBytesAsync(file, Ct));
        Assert.NotEqual(spec.GetProperty("edges").GetArrayLength(), expected.Edges.Count);
    }

    [Fact]
    public async Task Export_refuses_an_unknown_format_or_rule_before_reading_and_a_case_without_facts_writes_nothing()
    {
        var file = Path.Combine(_folder, "out");

        var badFormat = await RunCommandAsync("export", "--case", MixedCase.Case, "--format", "pajek", "--out", file);
        var badRule = await RunCommandAsync("export", "--case", MixedCase.Case, "--format", "gexf", "--rule", "lifo", "--out", file);
        var noFacts = await RunCommandAsync("export", "--case", "EX-404", "--format", "gexf", "--out", file);

        Assert.NotEqual(ExitCodes.Ok, badFormat.ExitCode);
        Assert.Contains("--format must be graphml, gexf, i2 or neo4j", badFormat.Output + badFormat.Errors);
        Assert.Contains("--rule must be fifo, pro-rata or libr", badRule.Output + badRule.Errors);
        Assert.Equal(ExitCodes.NoInput, noFacts.ExitCode);
        Assert.Contains("case EX-404: no facts recorded", noFacts.Errors);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_refused_neo4j_export_leaves_no_part_file_and_the_earlier_export_as_it_was()
    {
        var text = await File.ReadAllTextAsync(MixedCase.File, Ct);
        Assert.Contains("Zhang Wei", text);
        await MixedCase.ImportAsync(Store, text.Replace("Zhang Wei", "Zhang; Wei"), MixedCase.FirstImport, Ct);
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "neo4j")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "nodes.csv"), "earlier", Ct);

        var refused = await RunCommandAsync("export", "--case", MixedCase.Case, "--format", "neo4j", "--out", folder);

        Assert.Equal(ExitCodes.DataError, refused.ExitCode);
        Assert.Contains("origin 'Zhang; Wei' holds ';'", refused.Errors);
        Assert.Equal(["nodes.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal("earlier", await File.ReadAllTextAsync(Path.Combine(folder, "nodes.csv"), Ct));
    }
}
