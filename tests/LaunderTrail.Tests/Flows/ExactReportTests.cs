using System.Text.Json;
using LaunderTrail.Flows;
using LaunderTrail.Tests.Tracing;
using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Flows;

public sealed class ExactReportTests
{
    [Theory]
    [InlineData(TracingRule.Fifo)]
    [InlineData(TracingRule.ProRata)]
    [InlineData(TracingRule.Libr)]
    public void The_exact_stored_form_reads_back_as_the_report_that_was_traced(TracingRule rule)
    {
        var trace = FlowTracer.TraceWithGraph("EX-2", SpecExamples.ReadEvents("mixed-case.jsonl"), rule);
        var traced = trace.Report;

        var packed = StoredReports.Pack(trace);
        var read = JsonSerializer.Deserialize(StoredReports.Unpack(packed.Exact), ExactReportJson.Default.FlowReport)!;

        Assert.Equal(JsonSerializer.Serialize(traced, ExactReportJson.Default.FlowReport),
            JsonSerializer.Serialize(read, ExactReportJson.Default.FlowReport));
        Assert.Equal(traced.Totals, read.Totals);
        Assert.Equal(traced.Victims.SelectMany(v => v.Hops), read.Victims.SelectMany(v => v.Hops));
        Assert.Equal(traced.UnattributedHoldings, read.UnattributedHoldings);
        Assert.Equal(FlowReportJson.Write(traced), FlowReportJson.Write(read));
        Assert.Equal(FlowGraphJson.Utf8(trace.Graph), ReadAll(StoredReports.Unpack(packed.Graph)));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
