using System.Diagnostics;
using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>
/// Measures the engine alone, in process, without the store: how long one case takes to trace under each rule, with
/// and without the flow graph, report and graph built but not written. For the benchmark, not for a court: the
/// figures are timings of this machine.
/// </summary>
public static class TracingBenchmark
{
    /// <summary>One trace: the rule, whether the graph was drawn, and the time and memory it took.</summary>
    public sealed record Run(int Round, TracingRule Rule, bool WithGraph, TimeSpan Elapsed, long AllocatedBytes, int Facts)
    {
        public double FactsPerSecond => Facts / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Traces the case <paramref name="rounds"/> times under every rule, with and without the graph. The order alternates
    /// from round to round (with the graph first, then without), so a slow minute on a shared machine does not fall on
    /// one variant only. Each trace starts after a full collection, so none pays for the garbage of the one before.
    /// </summary>
    /// <param name="eventsInRecordingOrder">One case's facts; kept in tracing's compact form, read once.</param>
    public static IReadOnlyList<Run> Measure(string caseId, IEnumerable<CaseEvent> eventsInRecordingOrder, int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        var facts = TracingFacts.From(eventsInRecordingOrder);
        var timeline = CaseTimeline.Of(facts, asOf: null);
        var runs = new List<Run>();
        for (var round = 1; round <= rounds; round++)
        foreach (var rule in Enum.GetValues<TracingRule>())
        foreach (var withGraph in round % 2 == 1 ? new[] { false, true } : [true, false])
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            if (withGraph) FlowTracer.TraceWithGraph(caseId, timeline, rule, asOf: null);
            else FlowTracer.Trace(caseId, timeline, rule, asOf: null);
            clock.Stop();
            runs.Add(new Run(round, rule, withGraph, clock.Elapsed,
                GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, facts.Count));
        }
        return runs;
    }
}
