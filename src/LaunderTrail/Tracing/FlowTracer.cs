using LaunderTrail.Evidence;

namespace LaunderTrail.Tracing;

/// <summary>Traces a case's money from its victims to whoever holds it, under a tracing rule (TRACING.md).</summary>
public sealed class FlowTracer
{
    private FlowTracer()
    {
    }

    /// <param name="caseId">The case number the report names.</param>
    /// <param name="eventsInRecordingOrder">One case's facts, in the order they were recorded.</param>
    /// <param name="rule">Which parcels leave a cash pool when mixed money moves on.</param>
    /// <param name="asOf">When given, only facts that happened at or before this instant count.</param>
    public static FlowReport Trace(
        string caseId,
        IReadOnlyList<CaseEvent> eventsInRecordingOrder,
        TracingRule rule,
        DateTimeOffset? asOf = null) =>
        Trace(caseId, CaseTimeline.Of(eventsInRecordingOrder, asOf), rule, asOf);

    /// <summary>The flow report and the flow graph of one pass over the facts (parameters as for <see cref="Trace(string, IReadOnlyList{CaseEvent}, TracingRule, DateTimeOffset?)"/>).</summary>
    /// <param name="factIdsPerEdge">
    /// How many ids of the facts behind each edge the graph lists (<see cref="FlowEdge.FactIds"/>), the first applied;
    /// 0, the default, lists none and costs nothing.
    /// </param>
    public static FlowTrace TraceWithGraph(
        string caseId,
        IReadOnlyList<CaseEvent> eventsInRecordingOrder,
        TracingRule rule,
        DateTimeOffset? asOf = null,
        int factIdsPerEdge = 0) =>
        TraceWithGraph(caseId, CaseTimeline.Of(eventsInRecordingOrder, asOf), rule, asOf, factIdsPerEdge);

    /// <summary>Traces an ordered timeline: one timeline serves every rule.</summary>
    internal static FlowReport Trace(string caseId, CaseTimeline timeline, TracingRule rule, DateTimeOffset? asOf) =>
        FlowReportBuilder.Build(caseId, asOf, rule, Apply(timeline, rule));

    /// <summary>Traces an ordered timeline once, recording the flow graph's edges as the money moves.</summary>
    internal static FlowTrace TraceWithGraph(string caseId, CaseTimeline timeline, TracingRule rule, DateTimeOffset? asOf,
        int factIdsPerEdge = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factIdsPerEdge);
        var edges = new FlowGraphRecorder(factIdsPerEdge);
        var ledger = Apply(timeline, rule, edges);
        return new FlowTrace(
            FlowReportBuilder.Build(caseId, asOf, rule, ledger),
            FlowGraphBuilder.Build(caseId, asOf, ledger, edges));
    }

    /// <summary>A ledger that has applied the timeline's facts under the rule.</summary>
    /// <param name="graph">When given, the edges of the flow graph are recorded into it.</param>
    internal static FlowLedger Apply(CaseTimeline timeline, TracingRule rule, FlowGraphRecorder? graph = null)
    {
        var facts = timeline.Facts;
        var ledger = new FlowLedger(timeline.Accounts, facts.Numbering, rule, graph);
        foreach (var review in timeline.Reviews) ledger.Note(review);
        foreach (var position in timeline.Happenings) ledger.Apply(in facts.Move(position));
        return ledger;
    }
}
