using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class GraphConformanceTests
{
    public static TheoryData<string, string, string> Examples => new()
    {
        { "mixed-case.jsonl", "EX-2", "fifo" },
        { "mixed-case.jsonl", "EX-2", "pro-rata" },
        { "mixed-case.jsonl", "EX-2", "libr" },
        { "own-money.jsonl", "EX-3", "fifo" },
        { "own-money.jsonl", "EX-3", "pro-rata" },
        { "own-money.jsonl", "EX-3", "libr" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Graph_is_written_byte_for_byte_as_the_conformance_graph(string input, string caseId, string ruleName)
    {
        // Given the recorded facts of an example case
        var facts = SpecExamples.ReadEvents(input);
        Assert.True(TracingRules.TryParse(ruleName, out var rule));

        // When it is traced under the rule with its graph
        var trace = FlowTracer.TraceWithGraph(caseId, facts, rule);

        // Then the graph is written exactly as the spec's file, and the report of the same pass is the spec's report
        var stem = Path.GetFileNameWithoutExtension(input);
        Assert.Equal(SpecExamples.ReadText($"{stem}.{ruleName}.graph.json"), FlowGraphJson.Write(trace.Graph));
        ReportJsonAssert.Conforms(SpecExamples.ReadText($"{stem}.{ruleName}.json"), FlowReportJson.Write(trace.Report));
    }
}
