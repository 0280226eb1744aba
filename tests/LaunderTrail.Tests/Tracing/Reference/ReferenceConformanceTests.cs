using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing.Reference;

/// <summary>
/// The reference tracer is only worth comparing with once it reproduces the contract's own examples: every
/// figure of every conformance report (totals, merchant rows, each victim's loss, reached merchants and holdings,
/// problem ids), within the cent the examples README allows.
/// </summary>
public sealed class ReferenceConformanceTests
{
    [Theory]
    [MemberData(nameof(ConformanceTests.Examples), MemberType = typeof(ConformanceTests))]
    public void The_reference_tracer_reproduces_every_conformance_report(
        string input, string caseId, string ruleName, DateTimeOffset? asOf)
    {
        // Given the recorded facts of an example case
        var facts = SpecExamples.ReadEvents(input);
        Assert.True(TracingRules.TryParse(ruleName, out var rule));

        // When the reference tracer traces it under the rule, as of the moment
        var figures = ReferenceTracer.Trace(facts, rule, asOf);

        // Then its figures are those of the expected report (which does not list unattributed holdings)
        var stem = Path.GetFileNameWithoutExtension(input);
        var expectedFile = asOf is null ? $"{stem}.{ruleName}.json" : $"{stem}.{ruleName}.as-of-2019-05-03T10-45.json";
        var expected = ReportFigures.OfJson(SpecExamples.ReadText(expectedFile));
        var differences = figures.Without("unattributed[").DifferencesFrom(expected, tolerance: 0.01m);
        Assert.True(differences.Count == 0, $"{caseId} {ruleName}: " + string.Join("\n", differences));
    }
}
