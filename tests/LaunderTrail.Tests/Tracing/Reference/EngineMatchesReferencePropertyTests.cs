using CsCheck;
using LaunderTrail.Tracing;

namespace LaunderTrail.Tests.Tracing.Reference;

/// <summary>
/// On cases nobody has seen, the engine's flow report has the reference tracer's figures to the cent under every
/// rule. On failure CsCheck shrinks the case and prints it as JSON Lines, with the seed that replays it.
/// </summary>
public sealed class EngineMatchesReferencePropertyTests
{
    [Fact]
    public void The_engine_reports_the_reference_figures_to_the_cent_under_every_rule()
    {
        RandomCase.ACase.Sample(testCase =>
        {
            var facts = testCase.Facts();
            foreach (var rule in Enum.GetValues<TracingRule>())
            {
                var engine = ReportFigures.Of(FlowTracer.Trace(RandomCase.CaseId, facts, rule, testCase.AsOf));
                var reference = ReferenceTracer.Trace(facts, rule, testCase.AsOf);
                var differences = engine.DifferencesFrom(reference);
                Assert.True(differences.Count == 0,
                    $"under {TracingRules.Name(rule)} the engine differs from the reference:\n" + string.Join("\n", differences));
            }
        }, iter: 2_000, threads: 1, print: testCase => "\n" + testCase.JsonLines());
    }
}
