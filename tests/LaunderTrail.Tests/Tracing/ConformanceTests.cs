using LaunderTrail.Tracing;
using Xunit;

namespace LaunderTrail.Tests.Tracing;

public sealed class ConformanceTests
{
    private static readonly DateTimeOffset MixedCaseMoment = new(2019, 5, 3, 10, 45, 0, TimeSpan.FromHours(8));

    public static TheoryData<string, string, string, DateTimeOffset?> Examples => new()
    {
        { "worked-example.jsonl", "EX-1", "fifo", null },
        { "worked-example.jsonl", "EX-1", "pro-rata", null },
        { "worked-example.jsonl", "EX-1", "libr", null },
        { "mixed-case.jsonl", "EX-2", "fifo", null },
        { "mixed-case.jsonl", "EX-2", "pro-rata", null },
        { "mixed-case.jsonl", "EX-2", "libr", null },
        { "mixed-case.jsonl", "EX-2", "fifo", MixedCaseMoment },
        { "mixed-case.jsonl", "EX-2", "pro-rata", MixedCaseMoment },
        { "mixed-case.jsonl", "EX-2", "libr", MixedCaseMoment },
        { "own-money.jsonl", "EX-3", "fifo", null },
        { "own-money.jsonl", "EX-3", "pro-rata", null },
        { "own-money.jsonl", "EX-3", "libr", null },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Report_equals_the_expected_conformance_report(string input, string caseId, string ruleName, DateTimeOffset? asOf)
    {
        // Given the recorded facts of an example case
        var facts = SpecExamples.ReadEvents(input);
        Assert.True(TracingRules.TryParse(ruleName, out var rule));

        // When it is traced under the rule, as of the moment
        var json = FlowReportJson.Write(FlowTracer.Trace(caseId, facts, rule, asOf));

        // Then the report is the one the spec expects
        var stem = Path.GetFileNameWithoutExtension(input);
        var expectedFile = asOf is null ? $"{stem}.{ruleName}.json" : $"{stem}.{ruleName}.as-of-2019-05-03T10-45.json";
        ReportJsonAssert.Conforms(SpecExamples.ReadText(expectedFile), json);
    }
}
