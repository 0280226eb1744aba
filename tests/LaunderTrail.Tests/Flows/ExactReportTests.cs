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
    public void The_exact_stored_form_reads_back_as_the_report_that_was_traced(TracingRule rule)
    {
        var traced = FlowTracer.Trace("EX-2", SpecExamples.ReadEvents("mixed-case.jsonl"), rule);

        var packed = StoredReports.Pack(traced);
        var read = JsonSerializer.Deserialize(StoredReports.Unpack(packed.Exact), ExactReportJson.Default.FlowReport)!;

        Assert.Equal(JsonSerializer.Serialize(traced, ExactReportJson.Default.FlowReport),
            JsonSerializer.Serialize(read, ExactReportJson.Default.FlowReport));
        Assert.Equal(traced.Totals, read.Totals);
        Assert.Equal(traced.Victims.SelectMany(v => v.Hops), read.Victims.SelectMany(v => v.Hops));
        Assert.Equal(traced.UnattributedHoldings, read.UnattributedHoldings);
        Assert.Equal(FlowReportJson.Write(traced), FlowReportJson.Write(read));
    }
}
