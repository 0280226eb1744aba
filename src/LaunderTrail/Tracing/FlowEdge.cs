namespace LaunderTrail.Tracing;

/// <summary>All the facts of one kind that moved money or value from one node to another (of one product).</summary>
/// <param name="Product">The lot's product for value edges and purchases, "" for cash edges.</param>
/// <param name="Facts">How many facts were summed into the edge.</param>
/// <param name="Origins">The amount split by origin under the rule, sorted by origin; rows that round to zero left out.</param>
public sealed record FlowEdge(
    string From,
    string To,
    FlowEdgeKind Kind,
    string Product,
    decimal Amount,
    int Facts,
    IReadOnlyList<OriginShare> Origins)
{
    /// <summary>
    /// The ids of the first facts summed into the edge, in the order the trace applied them (by when they happened, facts
    /// of the same moment in recording order), when the trace was asked to keep them (<see cref="FlowTracer.TraceWithGraph(string, IReadOnlyList{LaunderTrail.Evidence.CaseEvent}, TracingRule, DateTimeOffset?, int)"/>);
    /// null when it was not. Holds all <see cref="Facts"/> ids unless there were more than it was asked to keep.
    /// </summary>
    public IReadOnlyList<string>? FactIds { get; init; }
}
